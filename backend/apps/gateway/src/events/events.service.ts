import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  RpcPattern,
  Topic,
  type CreateEventRequest,
  type EventDetail,
  type EventSummary,
  type PublicUser,
  type UpdateEventSettings,
} from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { MessageProducer, RpcClient } from '@seatstorm/kafka';
import { SeatSnapshotReader, type StoredSeatSnapshot } from './seat-snapshot.reader';

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
    private readonly snapshots: SeatSnapshotReader,
  ) {}

  list(correlationId?: string): Promise<EventSummary[]> {
    return this.rpc.request(RpcPattern.CatalogListEvents, {}, correlationId);
  }

  get(eventId: string, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogGetEvent, { eventId }, correlationId);
  }

  /** The seat snapshot as stored JSON: the gateway sends it on without parsing megabytes it does not need to read. */
  async seats(eventId: string, correlationId?: string): Promise<StoredSeatSnapshot> {
    // A snapshot evicted between the catalog's answer and this read is built again once.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const ref = await this.rpc.request(RpcPattern.CatalogGetSeats, { eventId }, correlationId);
      const stored = await this.snapshots.read(ref.cacheKey);
      if (stored) return stored;
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'The seat map could not be loaded right now. Please try again.');
  }

  create(request: CreateEventRequest, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogCreateEvent, request, correlationId);
  }

  update(eventId: string, update: UpdateEventSettings, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogUpdateEvent, { eventId, update }, correlationId);
  }

  /**
   * Takes seats off sale or back through the booking service, in line with the
   * event's holds, so a block never races a hold (docs/architecture.md §4).
   * The change shows on every map as `Topic.SeatUpdated`.
   */
  async setBlocked(admin: PublicUser, eventId: string, seatIds: string[], blocked: boolean): Promise<{ commandId: string }> {
    const commandId = `block_${randomUUID().replaceAll('-', '')}`;
    await this.producer.publish(Topic.BookingCommands, [
      { type: 'set-blocked', commandId, eventId, issuedAt: new Date().toISOString(), userId: admin.id, seatIds, blocked },
    ]);
    return { commandId };
  }
}
