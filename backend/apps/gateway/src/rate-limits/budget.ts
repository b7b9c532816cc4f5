import { DomainError } from '@seatstorm/errors';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface BudgetOptions {
  /** Points per window for each key. */
  points: number;
  windowSeconds: number;
  /**
   * While Redis is unreachable: `refuse` answers 503 SERVICE_UNAVAILABLE; `count-in-memory`
   * lets each gateway instance count on its own until Redis is back (a limit per instance,
   * never none). Either way the budget is decided at once instead of waiting on reconnects.
   */
  whenRedisIsDown: 'refuse' | 'count-in-memory';
}

/**
 * Points per key in fixed windows, counted in Redis so that every gateway
 * instance shares the counts. A point taken past the budget is refused with
 * the seconds until the window ends.
 */
export class Budget {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: Redis, keyPrefix: string, options: BudgetOptions) {
    const { points, windowSeconds: duration } = options;
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: options.whenRedisIsDown === 'count-in-memory' ? new RateLimiterMemory({ keyPrefix, points, duration }) : undefined,
    });
  }

  /** Takes a point for `key`: undefined when there was one, else the seconds to wait. */
  async take(key: string): Promise<number | undefined> {
    try {
      await this.limiter.consume(key);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new DomainError('SERVICE_UNAVAILABLE', 'This is unavailable for a moment. Please try again shortly.');
    }
  }

  /** Returns a point taken for a request that turned out not to count. */
  async giveBack(key: string): Promise<void> {
    // Best effort: should Redis be away, the point stays taken until its window ends.
    await this.limiter.reward(key).catch(() => undefined);
  }

  /** Forgets every point `key` took in this window. */
  async clear(key: string): Promise<void> {
    await this.limiter.delete(key).catch(() => undefined);
  }
}

/**
 * Takes a point from each budget, at once: either every budget had one, or
 * none keeps it and the answer is the longest wait among those spent.
 */
export async function takeEach(takes: ReadonlyArray<readonly [Budget, string]>): Promise<number | undefined> {
  const outcomes = await Promise.allSettled(takes.map(([budget, key]) => budget.take(key)));
  const tookOne = (outcome: PromiseSettledResult<number | undefined>) => outcome.status === 'fulfilled' && outcome.value === undefined;
  if (outcomes.every(tookOne)) return undefined;
  await Promise.all(takes.filter((_, i) => tookOne(outcomes[i]!)).map(([budget, key]) => budget.giveBack(key)));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return Math.max(...outcomes.map((outcome) => (outcome.status === 'fulfilled' ? (outcome.value ?? 0) : 0)));
}

/** The answer past a limit, over REST and the socket alike: 429 RATE_LIMITED with the wait in its details. */
export function rateLimited(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', message, { retryAfterSeconds });
}
