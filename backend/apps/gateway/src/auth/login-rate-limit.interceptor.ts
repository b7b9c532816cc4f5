import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { loginRequestSchema } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { deploymentOf } from '@seatstorm/kafka';
import { REDIS } from '@seatstorm/redis';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { from, lastValueFrom, type Observable } from 'rxjs';

const WINDOW_SECONDS = 15 * 60;

/**
 * Limits failed sign-ins (a wrong password or an unknown email) per client IP
 * (LOGIN_RATE_LIMIT) and per email (LOGIN_RATE_LIMIT_PER_EMAIL) in 15-minute
 * windows counted in Redis, so every gateway instance shares the counts. The
 * limit is there against password guessing, so a successful sign-in never uses
 * up either budget.
 *
 * Each attempt takes its point from both budgets before it runs and gets it
 * back unless it failed on its credentials: parallel guesses cannot slip past
 * a count that would only be taken once they had failed. A success also clears
 * its email's failures (its owner knew the password), but never its IP's: an
 * account the guesser owns must not buy more guesses at others. Once a budget
 * is spent, every attempt, even with the right password, is answered 429
 * RATE_LIMITED with Retry-After and never reaches the auth service.
 */
@Injectable()
export class LoginRateLimitInterceptor implements NestInterceptor {
  private readonly perIp: RateLimiterRedis;
  private readonly perEmail: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis) {
    // Counted per deployment, as the socket adapter's channels are: a test run beside a
    // running stack must neither spend nor inherit the other's failures from the same 127.0.0.1.
    const scope = deploymentOf(config);
    this.perIp = limiter(redis, `${scope}:login:ip`, config.LOGIN_RATE_LIMIT);
    this.perEmail = limiter(redis, `${scope}:login:email`, config.LOGIN_RATE_LIMIT_PER_EMAIL);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    // A body without a valid email is answered 400 by the handler, before any sign-in is tried.
    const emailKey = keyOfEmail(loginRequestSchema.safeParse(req.body).data?.email);
    return from(this.attempt(req.ip ?? 'unknown', emailKey, http.getResponse<Response>(), () => lastValueFrom(next.handle())));
  }

  private async attempt(ip: string, emailKey: string | undefined, res: Response, signIn: () => Promise<unknown>): Promise<unknown> {
    const retryAfterSeconds = await this.reserve(ip, emailKey);
    if (retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(retryAfterSeconds));
      throw new DomainError(
        'RATE_LIMITED',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds },
      );
    }
    let result: unknown;
    try {
      result = await signIn();
    } catch (error) {
      // A bad body or a service that did not answer tried no password: only a failed guess keeps its points.
      if (!(error instanceof DomainError && error.code === 'INVALID_CREDENTIALS')) {
        await Promise.all([this.perIp.reward(ip), emailKey && this.perEmail.reward(emailKey)]);
      }
      throw error;
    }
    await Promise.all([this.perIp.reward(ip), emailKey && this.perEmail.delete(emailKey)]);
    return result;
  }

  /** Takes this attempt's point from both budgets; answers the seconds to wait when either is spent. */
  private async reserve(ip: string, emailKey: string | undefined): Promise<number | undefined> {
    try {
      await this.perIp.consume(ip);
    } catch (rejection) {
      return secondsToWait(rejection);
    }
    if (!emailKey) return undefined;
    try {
      await this.perEmail.consume(emailKey);
      return undefined;
    } catch (rejection) {
      // Refused before any password was tried: the IP's point goes back.
      await this.perIp.reward(ip);
      return secondsToWait(rejection);
    }
  }
}

/** The wait a rejection of a spent budget asks for; anything else is a real error. */
function secondsToWait(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw rejection;
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
