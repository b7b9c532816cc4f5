import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topic, TOPIC_PARTITIONS } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { PaymentsService } from './payments.service';

/**
 * The payment service's edge on `Topic.PaymentRequests` (consumer group `payment`).
 * Taking a request in is one insert: the provider is called by the due
 * payments poller, so no payment waits here behind another's retries.
 */
@Injectable()
export class PaymentRequestsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly payments: PaymentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.consume(Topic.PaymentRequests, { concurrency: TOPIC_PARTITIONS[Topic.PaymentRequests] }, ({ payload }) =>
      this.payments.accept(payload),
    );
  }
}
