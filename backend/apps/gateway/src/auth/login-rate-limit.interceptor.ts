import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { loginRequestSchema } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { REDIS } from '@seatstorm/redis';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { concatMap, from, switchMap, type Observable } from 'rxjs';

const WINDOW_SECONDS = 15 * 60;

/**
 * Limits sign-in attempts per client IP (LOGIN_RATE_LIMIT) and per email
 * (LOGIN_RATE_LIMIT_PER_EMAIL) in 15-minute windows counted in Redis, so every
 * gateway instance shares the counts. An attempt over either limit is answered
 * 429 RATE_LIMITED with Retry-After and never reaches the auth service; a
 * successful sign-in clears its email's count.
 */
@Injectable()
export class LoginRateLimitInterceptor implements NestInterceptor {
  private readonly perIp: RateLimiterRedis;
  private readonly perEmail: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis) {
    this.perIp = limiter(redis, 'seatstorm:login:ip', config.LOGIN_RATE_LIMIT);
    this.perEmail = limiter(redis, 'seatstorm:login:email', config.LOGIN_RATE_LIMIT_PER_EMAIL);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    // A body without a valid email is answered 400 by the handler, before any sign-in is tried.
    const emailKey = keyOfEmail(loginRequestSchema.safeParse(req.body).data?.email);
    return from(this.admit(req.ip ?? 'unknown', emailKey)).pipe(
      switchMap((retryAfterSeconds) => {
        if (retryAfterSeconds === undefined) return next.handle();
        http.getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
        throw new DomainError(
          'RATE_LIMITED',
          `Too many sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
          { retryAfterSeconds },
        );
      }),
      concatMap(async (result: unknown) => {
        if (emailKey) await this.perEmail.delete(emailKey);
        return result;
      }),
    );
  }

  /** Counts the attempt; answers the seconds to wait when it is over a limit. */
  private async admit(ip: string, emailKey: string | undefined): Promise<number | undefined> {
    try {
      await this.perIp.consume(ip);
      if (emailKey) await this.perEmail.consume(emailKey);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}

function limiter(redis: Redis, keyPrefix: string, points: number): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: WINDOW_SECONDS,
    // While Redis is away each instance keeps counting in memory rather than letting every attempt through.
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS }),
  });
}

/** Counters are keyed by a digest of the email, so Redis never holds the addresses themselves. */
function keyOfEmail(email: string | undefined): string | undefined {
  return email && createHash('sha256').update(email).digest('base64url');
}
