import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import {
  blockSeatsRequestSchema,
  createEventRequestSchema,
  eventIdParamsSchema,
  parseContract,
  updateEventSettingsSchema,
  type EventDetail,
  type EventSummary,
  type PublicUser,
} from '@seatstorm/contracts';
import type { Response } from 'express';
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
   * The snapshot (seatSnapshotSchema) sent as the catalog stored it. Its ETag
   * names the version: a cache must ask again every time (no-cache), and one
   * that holds this version gets a 304.
   */
  @Get(':eventId/seats')
  async seats(@Param() params: unknown, @Res() res: Response, @CorrelationId() correlationId?: string): Promise<void> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    const snapshot = await this.events.seats(eventId, correlationId);
    res.type('application/json').set({ 'Cache-Control': 'no-cache', ETag: `W/"${eventId}@${snapshot.version}"` }).send(snapshot.body);
  }

  /** Admin: a new event on a venue layout, or the original demo's simple form. */
  @Post()
  @Roles('admin')
  create(@Body() body: unknown, @CorrelationId() correlationId?: string): Promise<EventDetail> {
    return this.events.create(parseContract(createEventRequestSchema, body, 'body'), correlationId);
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
  block(@Param() params: unknown, @Body() body: unknown, @CurrentUser() admin: PublicUser): Promise<{ commandId: string }> {
    return this.setBlocked(params, body, admin, true);
  }

  /** Admin: put blocked seats back on sale. */
  @Post(':eventId/seats/unblock')
  @Roles('admin')
  @HttpCode(202)
  unblock(@Param() params: unknown, @Body() body: unknown, @CurrentUser() admin: PublicUser): Promise<{ commandId: string }> {
    return this.setBlocked(params, body, admin, false);
  }

  private setBlocked(params: unknown, body: unknown, admin: PublicUser, blocked: boolean): Promise<{ commandId: string }> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    const { seatIds } = parseContract(blockSeatsRequestSchema, body, 'body');
    return this.events.setBlocked(admin, eventId, seatIds, blocked);
  }
}
