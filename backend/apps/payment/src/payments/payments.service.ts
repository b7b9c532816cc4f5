import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Topic, type PaymentEvent, type PaymentRequest } from '@seatstorm/contracts';
import { encodeMessage, MessageProducer } from '@seatstorm/kafka';
import { SimulatedCardProvider } from '../provider/simulated-provider';
import { paymentAttempts, paymentsSettled } from './payment.metrics';
import { afterAttempt, cardLast4Of, outcomeOf, retryDelayMs, type RetryPolicy, type SettledStatus } from './payment.rules';
import { PaymentsRepository, type StoredPayment } from './payments.repository';

type SettledPayment = StoredPayment & { status: SettledStatus };

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly policy: RetryPolicy;

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly provider: SimulatedCardProvider,
    private readonly producer: MessageProducer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = { maxAttempts: config.PAYMENT_MAX_ATTEMPTS, baseMs: config.PAYMENT_RETRY_BASE_MS, maxMs: config.PAYMENT_RETRY_MAX_MS };
  }

  /**
   * Charges or refunds once per paymentId, however often the request arrives:
   * a settled payment answers its stored outcome again without calling the
   * provider, and one left pending (a crash between retries) resumes from the
   * attempts it already made.
   */
  async process(request: PaymentRequest): Promise<void> {
    const context = { paymentId: request.paymentId, bookingId: request.bookingId, kind: request.kind };
    const opened = await this.payments.open({
      id: request.paymentId,
      bookingId: request.bookingId,
      kind: request.kind,
      amount: request.amount,
      cardLast4: cardLast4Of(request.cardToken),
    });
    if (!opened) {
      // Retrying cannot make the booking appear; blocking the partition on it would stop every payment behind it.
      this.logger.error(context, 'payment request names a booking that does not exist; skipped');
      return;
    }
    const replay = opened.status !== 'pending';
    const payment = await this.settle(request, opened);
    if (replay) {
      this.logger.log({ ...context, status: payment.status }, 'payment already settled; answering its outcome again');
    } else {
      paymentsSettled.inc({ kind: request.kind, outcome: payment.status });
      this.logger.log({ ...context, status: payment.status, attempts: payment.attempts }, 'payment settled');
    }
    await this.publish(request, payment);
  }

  /** Calls the provider until the payment succeeds, is declined, or runs out of attempts; retries back off with jitter. */
  private async settle(request: PaymentRequest, stored: StoredPayment): Promise<SettledPayment> {
    let payment = stored;
    while (payment.status === 'pending') {
      if (payment.attempts > 0) await sleep(retryDelayMs(payment.attempts, this.policy, Math.random()));
      const result = await this.provider.execute(request);
      paymentAttempts.inc({ kind: request.kind, result: result.outcome });
      const progress = afterAttempt(payment.attempts + 1, result, this.policy.maxAttempts);
      if (result.outcome === 'unavailable') {
        this.logger.warn({ paymentId: request.paymentId, bookingId: request.bookingId, attempt: progress.attempts, error: result.error }, 'payment attempt failed');
      }
      payment = await this.payments.recordAttempt(payment.id, progress);
    }
    return { ...payment, status: payment.status };
  }

  /**
   * Tells the booking service the outcome; a dead-lettered request also goes
   * to `Topic.PaymentDlq` with its last error, for an operator. Built from the
   * stored payment only, so a replay publishes the very same messages.
   */
  private async publish(request: PaymentRequest, payment: SettledPayment): Promise<void> {
    const settledAt = payment.updatedAt.toISOString();
    const event: PaymentEvent = {
      kind: request.kind,
      paymentId: request.paymentId,
      bookingId: request.bookingId,
      eventId: request.eventId,
      ...outcomeOf(request.kind, payment),
      attempts: payment.attempts,
      occurredAt: settledAt,
    };
    const deadLetter =
      payment.status === 'dead_lettered'
        ? [encodeMessage(Topic.PaymentDlq, { request, error: payment.lastError ?? 'unknown error', attempts: payment.attempts, failedAt: settledAt })]
        : [];
    await this.producer.send([...deadLetter, encodeMessage(Topic.PaymentEvents, event)]);
  }
}
