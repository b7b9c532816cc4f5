import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/current-user.decorator';
import { rateLimited, type Budget } from './budget';
import { Budgets } from './budgets.service';
import { withRetryAfter } from './retry-after';

const MINUTE = 60;

/**
 * POST /check-in within CHECK_IN_RATE_LIMIT scans per account a minute: past it, 429
 * RATE_LIMITED with Retry-After, before the code is even read. While Redis is away each
 * gateway counts on its own rather than refusing: the doors must keep letting people in,
 * and a check-in needs nothing else of Redis. Runs after the global AuthGuard.
 */
@Injectable()
export class CheckInRateLimitGuard implements CanActivate {
  private readonly perUser: Budget;

  constructor(@Inject(APP_CONFIG) config: AppConfig, budgets: Budgets) {
    this.perUser = budgets.create('check-in:user', { points: config.CHECK_IN_RATE_LIMIT, windowSeconds: MINUTE, whenRedisIsDown: 'count-in-memory' });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const { user } = http.getRequest<AuthenticatedRequest>();
    if (!user) throw new Error('CheckInRateLimitGuard needs a route guarded by @Roles()');
    await withRetryAfter(http.getResponse<Response>(), async () => {
      const retryAfterSeconds = await this.perUser.take(user.id);
      if (retryAfterSeconds !== undefined) throw rateLimited(`Too many scans. Try again in ${retryAfterSeconds} second(s).`, retryAfterSeconds);
    });
    return true;
  }
}
