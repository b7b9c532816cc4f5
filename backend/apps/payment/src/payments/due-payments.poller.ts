import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { PaymentAttemptsService } from './payment-attempts.service';
import type { StoredPayment } from './payments.repository';

/**
 * Claims the payments that are due (docs/architecture.md §9) and runs them,
 * up to PAYMENT_CONCURRENCY at once per instance. Woken when a request is
 * taken in and when an attempt ends, and, as a safety net, on a timer, which
 * is also what picks up scheduled retries and what a crashed instance left.
 * A run that fails gives its claim back, on a later look if the database is
 * away, so the payment is tried again in a second, not when its lease ends.
 */
@Injectable()
export class DuePaymentsPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DuePaymentsPoller.name);
  private readonly inFlight = new Set<Promise<void>>();
  /** Claims whose run failed and that could not be given back yet, by payment id. */
  private readonly failed = new Map<string, StoredPayment>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly attempts: PaymentAttemptsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.PAYMENT_POLL_INTERVAL_MS);
    this.wake();
  }

  /** Stops claiming and lets the attempts in flight finish, before the producer and the database go away. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.polling;
    await Promise.all(this.inFlight);
  }

  /** Looks for due payments now; calls during a look share the next one. */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = this.poll()
      .catch((error: unknown) => this.logger.warn({ err: String(error) }, 'could not claim due payments; retrying'))
      .finally(() => {
        this.polling = undefined;
        // A wake that came after the last look asked for another.
        if (this.again) this.wake();
      });
  }

  private async poll(): Promise<void> {
    do {
      this.again = false;
      const free = this.config.PAYMENT_CONCURRENCY - this.inFlight.size;
      if (free <= 0 || this.stopped) return;
      await this.giveBackFailed();
      const claimed = await this.attempts.claimDue(free);
      for (const payment of claimed) {
        const running: Promise<void> = this.attempts
          .run(payment)
          .catch((error: unknown) => {
            this.logger.error({ paymentId: payment.id, err: String(error) }, 'payment run failed; its claim is given back to try again');
            this.failed.set(payment.id, payment);
          })
          .finally(() => {
            this.inFlight.delete(running);
            this.wake();
          });
        this.inFlight.add(running);
      }
      // A full claim may have left more due payments behind.
      if (claimed.length === free) this.again = true;
    } while (this.again);
  }

  private async giveBackFailed(): Promise<void> {
    for (const [id, payment] of this.failed) {
      // Given back, or no longer ours: either way nothing is left to do; a database still away keeps it for the next look.
      await this.attempts.giveBack(payment).then(
        () => this.failed.delete(id),
        () => undefined,
      );
    }
  }
}
