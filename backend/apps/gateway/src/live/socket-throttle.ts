import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { DomainError } from '@seatstorm/errors';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** What a socket's messages cost, throttled apart: acting on seats, and starting to watch a map (a catalog round trip each). */
export type ThrottledAction = 'act' | 'watch';

/**
 * Per-socket allowances a second (LIVE_HOLD_RATE_LIMIT, LIVE_SUBSCRIBE_RATE_LIMIT), in
 * memory: a socket lives on one gateway instance, so nothing needs sharing. Past one,
 * the message is answered RATE_LIMITED with the wait, and costs nothing further.
 */
@Injectable()
export class SocketThrottle {
  private readonly limiters: Record<ThrottledAction, RateLimiterMemory>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiters = {
      act: new RateLimiterMemory({ keyPrefix: 'act', points: config.LIVE_HOLD_RATE_LIMIT, duration: 1 }),
      watch: new RateLimiterMemory({ keyPrefix: 'watch', points: config.LIVE_SUBSCRIBE_RATE_LIMIT, duration: 1 }),
    };
  }

  async take(socketId: string, action: ThrottledAction): Promise<void> {
    try {
      await this.limiters[action].consume(socketId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterMs = Math.max(1, rejection.msBeforeNext);
      throw new DomainError('RATE_LIMITED', `Too many requests on this connection. Try again in ${retryAfterMs} ms.`, {
        retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
        retryAfterMs,
      });
    }
  }
}
