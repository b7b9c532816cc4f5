import { Injectable } from '@nestjs/common';
import {
  bookingCommands,
  newId,
  RpcPattern,
  Topic,
  type CommandAccepted,
  type CreateEventRequest,
  type EventDetail,
  type EventSummary,
  type PublicUser,
  type UpdateEventSettings,
} from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { MessageProducer, RpcClient } from '@seatstorm/kafka';
import { SeatSnapshotCache, type CachedSeatSnapshot, type SnapshotEncoding } from '@seatstorm/redis';
import { keyedId } from '../idempotency/keyed-id';

/**
 * The gateway's view of the catalog: every answer comes from the catalog
 * service over Kafka, except a seat snapshot's body, which the catalog leaves
 * in Redis and names in its answer.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly producer: MessageProducer,
    private readonly snapshots: SeatSnapshotCache,
  ) {}

  list(correlationId?: string): Promise<EventSummary[]> {
    return this.rpc.request(RpcPattern.CatalogListEvents, {}, correlationId);
  }

  get(eventId: string, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogGetEvent, { eventId }, correlationId);
  }

  /**
   * The seat snapshot as the catalog stored it, in `encoding`: the gateway
   * sends it on without parsing or compressing megabytes it need not touch.
   * A client that already has the current version (`clientVersion`) gets the
   * version alone, and Redis is not read.
   */
  async seats(
    eventId: string,
    encoding: SnapshotEncoding,
    clientVersion?: number,
    correlationId?: string,
  ): Promise<CachedSeatSnapshot | { version: number; body: null }> {
    // A snapshot evicted between the catalog's answer and this read is built again once.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const ref = await this.rpc.request(RpcPattern.CatalogGetSeats, { eventId }, correlationId);
      if (ref.version === clientVersion) return { version: ref.version, body: null };
      const stored = await this.snapshots.read(ref.cacheKey, encoding);
      if (stored) return stored;
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'The seat map could not be loaded right now. Please try again.');
  }

  /**
   * Admin: a new event. With an Idempotency-Key its id is derived from the key,
   * so a retry (after a time-out, say) answers the event the first request
   * created instead of creating another.
   */
  create(admin: PublicUser, request: CreateEventRequest, idempotencyKey?: string, correlationId?: string): Promise<EventDetail> {
    const eventId = idempotencyKey === undefined ? newId('evt') : keyedId('evt', admin.id, idempotencyKey, 16);
    return this.rpc.request(RpcPattern.CatalogCreateEvent, { eventId, event: request }, correlationId);
  }

  update(eventId: string, update: UpdateEventSettings, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogUpdateEvent, { eventId, update }, correlationId);
  }

  /**
   * Takes seats off sale or back through the booking service, in line with the
   * event's holds, so a block never races a hold (docs/architecture.md §4).
   * The change shows on every map as `Topic.SeatUpdated`.
   */
  async setBlocked(admin: PublicUser, eventId: string, seatIds: string[], blocked: boolean): Promise<CommandAccepted> {
    const command = bookingCommands.setBlocked({ eventId, userId: admin.id, seatIds, blocked });
    await this.producer.publish(Topic.BookingCommands, [command]);
    return { commandId: command.commandId };
  }
}
