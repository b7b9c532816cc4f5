import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { loginRequestSchema } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { rateLimited, takeEach, type Budget } from './budget';
import { Budgets } from './budgets.service';
import { ClientIps } from './client-ips';
import { withRetryAfter } from './retry-after';

const WINDOW_SECONDS = 15 * 60;

/**
 * Limits failed sign-ins (a wrong password or an unknown email) per client IP
 * (LOGIN_RATE_LIMIT) and per email (LOGIN_RATE_LIMIT_PER_EMAIL) in 15-minute
 * windows. The limit is there against password guessing, so a successful
 * sign-in never uses up either budget.
 *
 * Each attempt takes its point from both budgets before it runs and gets it
 * back unless it failed on its credentials: parallel guesses cannot slip past
 * a count that would only be taken once they had failed. A success also clears
 * its email's failures (its owner knew the password), but never its IP's: an
 * account the guesser owns must not buy more guesses at others. Once a budget
 * is spent, every attempt, even with the right password, is answered 429
 * RATE_LIMITED with Retry-After and never reaches the auth service. While
 * Redis is away each instance counts on its own, so people can still sign in.
 */
@Injectable()
export class LoginRateLimitInterceptor implements NestInterceptor {
  private readonly perIp: Budget;
  private readonly perEmail: Budget;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    budgets: Budgets,
    private readonly clientIps: ClientIps,
  ) {
    this.perIp = budgets.create('login:ip', { points: config.LOGIN_RATE_LIMIT, windowSeconds: WINDOW_SECONDS, whenRedisIsDown: 'count-in-memory' });
    this.perEmail = budgets.create('login:email', { points: config.LOGIN_RATE_LIMIT_PER_EMAIL, windowSeconds: WINDOW_SECONDS, whenRedisIsDown: 'count-in-memory' });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const ip = this.clientIps.of(req.socket.remoteAddress, req.headers);
    // A body without a valid email is answered 400 by the handler, before any sign-in is tried.
    const emailKey = keyOfEmail(loginRequestSchema.safeParse(req.body).data?.email);
    return from(this.attempt(ip, emailKey, http.getResponse<Response>(), () => lastValueFrom(next.handle())));
  }

  private async attempt(ip: string, emailKey: string | undefined, res: Response, signIn: () => Promise<unknown>): Promise<unknown> {
    await withRetryAfter(res, async () => {
      const retryAfterSeconds = await takeEach(emailKey ? [[this.perIp, ip], [this.perEmail, emailKey]] : [[this.perIp, ip]]);
      if (retryAfterSeconds !== undefined) {
        throw rateLimited(`Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, retryAfterSeconds);
      }
    });
    let result: unknown;
    try {
      result = await signIn();
    } catch (error) {
      // A bad body or a service that did not answer tried no password: only a failed guess keeps its points.
      if (!(error instanceof DomainError && error.code === 'INVALID_CREDENTIALS')) {
        await Promise.all([this.perIp.giveBack(ip), emailKey && this.perEmail.giveBack(emailKey)]);
      }
      throw error;
    }
    await Promise.all([this.perIp.giveBack(ip), emailKey && this.perEmail.clear(emailKey)]);
    return result;
  }
}

/** Counters are keyed by a digest of the email, so Redis never holds the addresses themselves. */
function keyOfEmail(email: string | undefined): string | undefined {
  return email && createHash('sha256').update(email).digest('base64url');
}
