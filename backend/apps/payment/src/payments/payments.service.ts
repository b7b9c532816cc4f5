import { Injectable, Logger } from '@nestjs/common';
import type { PaymentRequest } from '@seatstorm/contracts';
import { currentCorrelationId } from '@seatstorm/observability';
import { DuePaymentsPoller } from './due-payments.poller';
import { cardLast4Of } from './payment.rules';
import { PaymentsRepository } from './payments.repository';

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly poller: DuePaymentsPoller,
  ) {}

  /**
   * Takes a charge or refund request in and leaves the provider calls to the
   * poller, so the Kafka handler never waits for the provider. Once per
   * paymentId, however often the request arrives: a redelivery finds the
   * payment it made (docs/architecture.md §9).
   */
  async accept(request: PaymentRequest): Promise<void> {
    const accepted = await this.payments.accept(request, cardLast4Of(request.cardToken), currentCorrelationId());
    if (!accepted) {
      // Retrying cannot make the booking appear; blocking the partition on it would stop every payment behind it.
      this.logger.error(
        { paymentId: request.paymentId, bookingId: request.bookingId, kind: request.kind },
        'payment request names a booking that does not exist; skipped',
      );
      return;
    }
    this.poller.wake();
  }
}
