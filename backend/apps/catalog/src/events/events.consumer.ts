import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  catalogCreateEventRpc,
  catalogGetEventRpc,
  catalogListEventsRpc,
  catalogUpdateEventRpc,
  catalogGetSaleSettingsRpc,
  parseContract,
  type EventDetail,
  type EventSummary,
  type SaleSettings,
} from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { EventsService } from './events.service';

/** The catalog's request-reply edge on Kafka. */
@Controller()
export class EventsConsumer {
  constructor(private readonly events: EventsService) {}

  @RpcHandler(catalogListEventsRpc)
  list(@Payload() payload: unknown): Promise<EventSummary[]> {
    parseContract(catalogListEventsRpc.request, payload, 'request');
    return this.events.list();
  }

  @RpcHandler(catalogGetEventRpc)
  get(@Payload() payload: unknown): Promise<EventDetail> {
    const { eventId } = parseContract(catalogGetEventRpc.request, payload, 'request');
    return this.events.get(eventId);
  }

  @RpcHandler(catalogCreateEventRpc)
  create(@Payload() payload: unknown): Promise<EventDetail> {
    const { eventId, event } = parseContract(catalogCreateEventRpc.request, payload, 'request');
    return this.events.create(eventId, event);
  }

  @RpcHandler(catalogGetSaleSettingsRpc)
  saleSettings(@Payload() payload: unknown): Promise<SaleSettings> {
    return this.events.saleSettings(parseContract(catalogGetSaleSettingsRpc.request, payload, 'request').eventId);
  }

  @RpcHandler(catalogUpdateEventRpc)
  update(@Payload() payload: unknown): Promise<EventDetail> {
    const { eventId, update } = parseContract(catalogUpdateEventRpc.request, payload, 'request');
    return this.events.update(eventId, update);
  }
}
