import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { loginRequestSchema } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { digestOf, KnownDevices } from '../auth/known-devices';
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
 * Anyone who knows an email could spend its budget and keep the owner out, so
 * a sign-in from a device the owner signed in on before (a valid device token
 * for this email, KnownDevices) skips the email's budget: its failures count
 * on the device's own budget of the same size instead, so a stolen device
 * token buys no more guesses than the email had. The per-IP budget applies to
 * every attempt.
 *
 * Each attempt takes its points before it runs and gets them back unless it
 * failed on its credentials: parallel guesses cannot slip past a count that
 * would only be taken once they had failed. A success also clears its email's
 * or device's failures, whichever it was counted on (its owner knew the password), but never its IP's: an
 * account the guesser owns must not buy more guesses at others. Once a budget
 * is spent, every attempt, even with the right password, is answered 429
 * RATE_LIMITED with Retry-After and never reaches the auth service. While
 * Redis is away each instance counts on its own, so people can still sign in.
 */
@Injectable()
export class LoginRateLimitInterceptor implements NestInterceptor {
  private readonly perIp: Budget;
  private readonly perEmail: Budget;
  private readonly perDevice: Budget;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    budgets: Budgets,
    private readonly clientIps: ClientIps,
    private readonly knownDevices: KnownDevices,
  ) {
    this.perIp = budgets.create('login:ip', { points: config.LOGIN_RATE_LIMIT, windowSeconds: WINDOW_SECONDS, whenRedisIsDown: 'count-in-memory' });
    this.perEmail = budgets.create('login:email', {
      points: config.LOGIN_RATE_LIMIT_PER_EMAIL,
      windowSeconds: WINDOW_SECONDS,
      whenRedisIsDown: 'count-in-memory',
    });
    this.perDevice = budgets.create('login:device', {
      points: config.LOGIN_RATE_LIMIT_PER_EMAIL,
      windowSeconds: WINDOW_SECONDS,
      whenRedisIsDown: 'count-in-memory',
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const ip = this.clientIps.of(req.socket.remoteAddress, req.headers);
    return from(this.attempt([[this.perIp, ip], ...this.accountBudget(req.body)], http.getResponse<Response>(), () => lastValueFrom(next.handle())));
  }

  /** The budget the attempt's account takes from: its device's when the device is known, else its email's. */
  private accountBudget(body: unknown): Array<[Budget, string]> {
    // A body without a valid email is answered 400 by the handler, before any sign-in is tried.
    const request = loginRequestSchema.safeParse(body).data;
    if (!request) return [];
    const device = this.knownDevices.recognize(request.deviceToken, request.email);
    return device ? [[this.perDevice, device]] : [[this.perEmail, digestOf(request.email)]];
  }

  private async attempt(takes: Array<[Budget, string]>, res: Response, signIn: () => Promise<unknown>): Promise<unknown> {
    await withRetryAfter(res, async () => {
      const retryAfterSeconds = await takeEach(takes);
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
        await Promise.all(takes.map(([budget, key]) => budget.giveBack(key)));
      }
      throw error;
    }
    // The first budget is the IP's: it gets its point back; the account's is cleared.
    await Promise.all(takes.map(([budget, key], i) => (i === 0 ? budget.giveBack(key) : budget.clear(key))));
    return result;
  }
}
