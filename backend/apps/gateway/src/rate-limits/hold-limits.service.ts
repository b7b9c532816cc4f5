import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { rateLimited, takeEach, type Budget } from './budget';
import { Budgets } from './budgets.service';

const MINUTE = 60;

/**
 * Hold requests per account (HOLD_RATE_LIMIT) and per client IP
 * (HOLD_RATE_LIMIT_PER_IP) a minute: one set of budgets that POST /bookings
 * and the socket's `hold` both take from, before the hold is even parsed, so
 * a refused request stores and sends nothing.
 *
 * While Redis is away a hold is refused with 503 rather than counted by each
 * instance on its own: behind a load balancer that would multiply a bot's
 * budget by the number of gateways in the middle of an on-sale, and the web
 * app's holds need Redis anyway (their Idempotency-Key is kept there).
 */
@Injectable()
export class HoldLimits {
  private readonly perUser: Budget;
  private readonly perIp: Budget;

  constructor(@Inject(APP_CONFIG) config: AppConfig, budgets: Budgets) {
    this.perUser = budgets.create('hold:user', { points: config.HOLD_RATE_LIMIT, windowSeconds: MINUTE, whenRedisIsDown: 'refuse' });
    this.perIp = budgets.create('hold:ip', { points: config.HOLD_RATE_LIMIT_PER_IP, windowSeconds: MINUTE, whenRedisIsDown: 'refuse' });
  }

  /** Takes one hold from both budgets; RATE_LIMITED when either is spent (and then neither keeps it). */
  async take(userId: string, clientIp: string): Promise<void> {
    const retryAfterSeconds = await takeEach([
      [this.perUser, userId],
      [this.perIp, clientIp],
    ]);
    if (retryAfterSeconds !== undefined) {
      throw rateLimited(`Too many hold requests. Try again in ${retryAfterSeconds} second(s).`, retryAfterSeconds);
    }
  }
}
