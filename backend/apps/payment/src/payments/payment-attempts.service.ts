import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Topic, type PaymentEvent } from '@seatstorm/contracts';
import { encodeMessage, MessageProducer, type EncodedMessage } from '@seatstorm/kafka';
import { withCorrelation } from '@seatstorm/observability';
import { DeadLettersRepository } from '../dead-letters/dead-letters.repository';
import { SimulatedCardProvider } from '../provider/simulated-provider';
import { paymentAttempts, paymentsSettled } from './payment.metrics';
import { afterAttempt, deadLetterDue, outcomeOf, type RetryPolicy } from './payment.rules';
import { PaymentsRepository, type StoredPayment } from './payments.repository';

/**
 * A provider call in flight keeps its payment claimed this long beyond the
 * provider's latency; a payment whose instance died mid-call is taken up
 * again after it.
 */
const LEASE_MARGIN_MS = 60_000;
/** A run that failed (the database or the broker away for a moment) is tried again after this, not after its lease. */
const GIVE_BACK_DELAY_MS = 1_000;

/** Runs the next step of a claimed payment: one provider call while it is pending, then whatever it has to announce. */
@Injectable()
export class PaymentAttemptsService {
  private readonly logger = new Logger(PaymentAttemptsService.name);
  private readonly policy: RetryPolicy;
  readonly leaseMs: number;

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly provider: SimulatedCardProvider,
    private readonly producer: MessageProducer,
    private readonly deadLetters: DeadLettersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = {
      maxAttempts: config.PAYMENT_MAX_ATTEMPTS,
      baseMs: config.PAYMENT_RETRY_BASE_MS,
      maxMs: config.PAYMENT_RETRY_MAX_MS,
      refundRetryMs: config.PAYMENT_REFUND_RETRY_MS,
    };
    this.leaseMs = config.PAYMENT_LATENCY_MS + LEASE_MARGIN_MS;
  }

  claimDue(limit: number): Promise<StoredPayment[]> {
    return this.payments.claimDue(limit, this.leaseMs);
  }

  /** Gives a claim back after its run failed; false if it could not (then its lease runs out instead). */
  async giveBack(payment: StoredPayment): Promise<boolean> {
    return this.payments.giveBack(payment, GIVE_BACK_DELAY_MS);
  }

  /**
   * Never sleeps: a transient failure records the attempt and schedules the
   * next one, and the claim is given back, so one payment's retries hold up
   * no other. A payment found settled (a redelivered request, or a crash
   * before its outcome went out) is only announced, never charged again.
   */
  run(claimed: StoredPayment): Promise<void> {
    // In the background, for the request that asked for it: its log lines and announcements name that request.
    return withCorrelation(claimed.correlationId ?? undefined, () => this.runNow(claimed));
  }

  private async runNow(claimed: StoredPayment): Promise<void> {
    const payment = claimed.status === 'pending' ? await this.attempt(claimed) : claimed;
    if (!payment) return;
    const deadLetter = deadLetterDue({ ...payment, kind: payment.request.kind }, this.policy.maxAttempts);
    await this.producer.send(this.announcementsOf(payment, deadLetter));
    await this.payments.release(payment, deadLetter);
    if (payment.status === 'succeeded' && payment.deadLetteredAt) await this.deadLetters.resolveIfLanded(payment.id);
  }

  private async attempt(payment: StoredPayment): Promise<StoredPayment | null> {
    const { request } = payment;
    const context = { paymentId: payment.id, bookingId: request.bookingId, kind: request.kind };
    const call = await this.provider.execute(request);
    paymentAttempts.inc({ kind: request.kind, result: call.result });
    const progress = afterAttempt(request.kind, payment.attempts + 1, call, this.policy, Math.random());
    const recorded = await this.payments.recordAttempt(payment, progress);
    if (!recorded) {
      this.logger.warn({ ...context, attempt: progress.attempts }, 'payment was taken over while its provider call ran; its result is not recorded');
      return null;
    }
    if (recorded.status === 'pending' && recorded.attempts >= this.policy.maxAttempts) {
      this.logger.error(
        { ...context, attempt: recorded.attempts, retryInMs: progress.retryInMs, error: recorded.lastError },
        'refund still failing after its quick retries; retrying on the refund schedule',
      );
    } else if (recorded.status === 'pending') {
      this.logger.warn(
        { ...context, attempt: recorded.attempts, retryInMs: progress.retryInMs, error: recorded.lastError },
        'payment attempt failed; retry scheduled',
      );
    } else {
      paymentsSettled.inc({ kind: request.kind, outcome: recorded.status });
      this.logger.log({ ...context, status: recorded.status, attempts: recorded.attempts }, 'payment settled');
    }
    return recorded;
  }

  /**
   * A payment's dead letter for an operator when it is due, and a settled
   * payment's outcome for the booking service. Built from the stored payment
   * only, so announcing again publishes the very same messages. A refund out
   * of its quick attempts has a dead letter but no outcome yet: the booking
   * hears of it once it lands.
   */
  private announcementsOf(payment: StoredPayment, deadLetter: boolean): EncodedMessage[] {
    const { request } = payment;
    const recordedAt = payment.updatedAt.toISOString();
    const deadLetters = deadLetter
      ? [encodeMessage(Topic.PaymentDlq, { request, error: payment.lastError ?? 'unknown error', attempts: payment.attempts, failedAt: recordedAt })]
      : [];
    if (payment.status === 'pending') return deadLetters;
    const event: PaymentEvent = {
      kind: request.kind,
      paymentId: payment.id,
      bookingId: request.bookingId,
      eventId: request.eventId,
      ...outcomeOf(request.kind, { status: payment.status, lastError: payment.lastError }),
      attempts: payment.attempts,
      occurredAt: recordedAt,
    };
    return [...deadLetters, encodeMessage(Topic.PaymentEvents, event)];
  }
}
