import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { bookingCommands, Topic } from '@seatstorm/contracts';
import { MessageConsumers, MessageProducer } from '@seatstorm/kafka';

/**
 * Turns the payment service's results into commands of the booking's event,
 * so a payment result is decided in line with that event's expiries and
 * cancellations (docs/architecture.md §4.1).
 */
@Injectable()
export class PaymentResultsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly producer: MessageProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.consume(Topic.PaymentEvents, { group: 'booking-payments' }, async ({ payload }) => {
      const command = bookingCommands.paymentResult({
        eventId: payload.eventId,
        bookingId: payload.bookingId,
        paymentId: payload.paymentId,
        kind: payload.kind,
        outcome: payload.outcome,
        ...(payload.reason ? { reason: payload.reason } : {}),
        ...(payload.failureCode ? { failureCode: payload.failureCode } : {}),
      });
      await this.producer.publish(Topic.BookingCommands, [command]);
    });
  }
}
