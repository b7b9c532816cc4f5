import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { analyticsGetEventRpc, parseContract, type EventAnalytics } from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { AnalyticsService } from './analytics.service';

/** The analytics service's request-reply edge on Kafka, for the gateway. */
@Controller()
export class AnalyticsConsumer {
  constructor(private readonly analytics: AnalyticsService) {}

  @RpcHandler(analyticsGetEventRpc)
  get(@Payload() payload: unknown): Promise<EventAnalytics> {
    const { eventId, span } = parseContract(analyticsGetEventRpc.request, payload, 'request');
    return this.analytics.get(eventId, span);
  }
}
