import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { ContractViolation } from '@seatstorm/contracts';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { rateLimited, type Budget } from './budget';
import { Budgets } from './budgets.service';
import { ClientIps } from './client-ips';
import { withRetryAfter } from './retry-after';

const HOUR = 3600;

/**
 * Accounts per client IP an hour (REGISTER_RATE_LIMIT_PER_IP). The point is
 * taken before the auth service is asked, so registrations sent all at once
 * cannot slip past the count; past it, 429 RATE_LIMITED with Retry-After and no
 * account is created. A body refused as invalid tried nothing and gets its
 * point back; one whose email is already taken keeps it, so the limit also
 * bounds probing which emails have accounts. While Redis is away each instance
 * counts on its own: signing up needs Redis for nothing else.
 */
@Injectable()
export class RegisterRateLimitInterceptor implements NestInterceptor {
  private readonly perIp: Budget;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    budgets: Budgets,
    private readonly clientIps: ClientIps,
  ) {
    this.perIp = budgets.create('register:ip', { points: config.REGISTER_RATE_LIMIT_PER_IP, windowSeconds: HOUR, whenRedisIsDown: 'count-in-memory' });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const ip = this.clientIps.of(req.socket.remoteAddress, req.headers);
    return from(this.register(ip, http.getResponse<Response>(), () => lastValueFrom(next.handle())));
  }

  private async register(ip: string, res: Response, handle: () => Promise<unknown>): Promise<unknown> {
    await withRetryAfter(res, async () => {
      const retryAfterSeconds = await this.perIp.take(ip);
      if (retryAfterSeconds !== undefined) {
        throw rateLimited(`Too many accounts registered from this address. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, retryAfterSeconds);
      }
    });
    try {
      return await handle();
    } catch (error) {
      if (error instanceof ContractViolation) await this.perIp.giveBack(ip);
      throw error;
    }
  }
}
