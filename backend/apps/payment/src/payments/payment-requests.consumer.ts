import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topic, TOPIC_PARTITIONS } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { PaymentsService } from './payments.service';

/**
 * The payment service's edge on `Topic.PaymentRequests` (consumer group `payment`).
 * Requests are keyed by booking, so one booking's charge and refund are
 * handled in order; every partition is handled at once, so one payment's
 * retries hold up only the bookings that share its partition.
 */
@Injectable()
export class PaymentRequestsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly payments: PaymentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.consume(Topic.PaymentRequests, { concurrency: TOPIC_PARTITIONS[Topic.PaymentRequests] }, ({ payload }) =>
      this.payments.process(payload),
    );
  }
}
