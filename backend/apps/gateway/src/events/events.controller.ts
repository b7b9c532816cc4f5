import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import {
  blockSeatsRequestSchema,
  createEventRequestSchema,
  eventIdParamsSchema,
  idempotencyKeySchema,
  parseContract,
  updateEventSettingsSchema,
  type CommandAccepted,
  type EventDetail,
  type EventSummary,
  type PublicUser,
} from '@seatstorm/contracts';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CorrelationId } from '../errors/correlation-id.decorator';
import { EventsService } from './events.service';

@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  list(@CorrelationId() correlationId?: string): Promise<EventSummary[]> {
    return this.events.list(correlationId);
  }

  @Get(':eventId')
  get(@Param() params: unknown, @CorrelationId() correlationId?: string): Promise<EventDetail> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    return this.events.get(eventId, correlationId);
  }

  /**
   * The snapshot (seatSnapshotSchema) sent as the catalog stored it, gzipped
   * once per version for every client that accepts gzip. Its ETag names the
   * version: a cache must ask again every time (no-cache), and one that holds
   * this version gets a 304.
   */
  @Get(':eventId/seats')
  async seats(@Param() params: unknown, @Req() req: Request, @Res() res: Response, @CorrelationId() correlationId?: string): Promise<void> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    const encoding = req.acceptsEncodings('gzip', 'identity') === 'gzip' ? 'gzip' : 'identity';
    const snapshot = await this.events.seats(eventId, encoding, clientVersionOf(eventId, req.headers['if-none-match']), correlationId);
    res.set({ 'Cache-Control': 'no-cache', ETag: etagOf(eventId, snapshot.version), Vary: 'Accept-Encoding' });
    if (snapshot.body === null) {
      res.status(304).end();
      return;
    }
    // Already compressed: the compression middleware leaves an answer with a Content-Encoding alone.
    if (encoding === 'gzip') res.set('Content-Encoding', 'gzip');
    res.type('application/json').send(snapshot.body);
  }

  /**
   * Admin: a new event on a venue layout, or the original demo's simple form.
   * With an Idempotency-Key, asking again answers the event already created.
   */
  @Post()
  @Roles('admin')
  create(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() admin: PublicUser,
    @CorrelationId() correlationId?: string,
  ): Promise<EventDetail> {
    const request = parseContract(createEventRequestSchema, body, 'body');
    const key = idempotencyKey === undefined ? undefined : parseContract(idempotencyKeySchema, idempotencyKey, 'Idempotency-Key header');
    return this.events.create(admin, request, key, correlationId);
  }

  /** Admin: the per-buyer limit and the waiting room (turn it on or off, pause it, set its rate). */
  @Patch(':eventId')
  @Roles('admin')
  update(@Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId?: string): Promise<EventDetail> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    return this.events.update(eventId, parseContract(updateEventSettingsSchema, body, 'body'), correlationId);
  }

  /** Admin: take seats off sale. 202: the change arrives on every map as `Topic.SeatUpdated`. */
  @Post(':eventId/seats/block')
  @Roles('admin')
  @HttpCode(202)
  block(@Param() params: unknown, @Body() body: unknown, @CurrentUser() admin: PublicUser): Promise<CommandAccepted> {
    return this.setBlocked(params, body, admin, true);
  }

  /** Admin: put blocked seats back on sale. */
  @Post(':eventId/seats/unblock')
  @Roles('admin')
  @HttpCode(202)
  unblock(@Param() params: unknown, @Body() body: unknown, @CurrentUser() admin: PublicUser): Promise<CommandAccepted> {
    return this.setBlocked(params, body, admin, false);
  }

  private setBlocked(params: unknown, body: unknown, admin: PublicUser, blocked: boolean): Promise<CommandAccepted> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    const { seatIds } = parseContract(blockSeatsRequestSchema, body, 'body');
    return this.events.setBlocked(admin, eventId, seatIds, blocked);
  }
}

const etagOf = (eventId: string, version: number): string => `W/"${eventId}@${version}"`;

/** The snapshot version a client's If-None-Match names when it is exactly one of ours; otherwise undefined. */
function clientVersionOf(eventId: string, ifNoneMatch: string | undefined): number | undefined {
  const prefix = `W/"${eventId}@`;
  if (!ifNoneMatch?.startsWith(prefix) || !ifNoneMatch.endsWith('"')) return undefined;
  const version = Number(ifNoneMatch.slice(prefix.length, -1));
  return Number.isSafeInteger(version) && version >= 0 ? version : undefined;
}
