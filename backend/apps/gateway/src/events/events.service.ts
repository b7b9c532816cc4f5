import { Injectable } from '@nestjs/common';
import { RpcPattern, type EventDetail, type EventSummary, type SeatSnapshot } from '@seatstorm/contracts';
import { RpcClient } from '@seatstorm/kafka';

/** The gateway's view of the catalog: every answer comes from the catalog service over Kafka. */
@Injectable()
export class EventsService {
  constructor(private readonly rpc: RpcClient) {}

  list(correlationId?: string): Promise<EventSummary[]> {
    return this.rpc.request(RpcPattern.CatalogListEvents, {}, correlationId);
  }

  get(eventId: string, correlationId?: string): Promise<EventDetail> {
    return this.rpc.request(RpcPattern.CatalogGetEvent, { eventId }, correlationId);
  }

  seats(eventId: string, correlationId?: string): Promise<SeatSnapshot> {
    return this.rpc.request(RpcPattern.CatalogGetSeats, { eventId }, correlationId);
  }
}
