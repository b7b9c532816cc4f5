import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  RpcPattern,
  Topic,
  type CreateEventRequest,
  type EventDetail,
  type EventSummary,
  type PublicUser,
  type SeatSnapshot,
} from '@seatstorm/contracts';
import { MessageProducer, RpcClient } from '@seatstorm/kafka';

/** The gateway's view of the catalog: every answer comes from the catalog service over Kafka. */
@Injectable()
export class EventsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly producer: MessageProducer,
  ) {}

  list(correlationId?: string): Promise<EventSummary[]> {
    return this.rpc.request(RpcPattern.CatalogListEvents, {}, correlationId);
  }

  get(eventId: string, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogGetEvent, { eventId }, correlationId);
  }

  seats(eventId: string, correlationId?: string): Promise<SeatSnapshot> {
    return this.rpc.request(RpcPattern.CatalogGetSeats, { eventId }, correlationId);
  }

  create(request: CreateEventRequest, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogCreateEvent, request, correlationId);
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
