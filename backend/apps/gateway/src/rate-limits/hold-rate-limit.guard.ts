import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/current-user.decorator';
import { ClientIps } from './client-ips';
import { HoldLimits } from './hold-limits.service';
import { withRetryAfter } from './retry-after';

/**
 * POST /bookings within the caller's and their IP's hold budgets (HoldLimits):
 * past either, 429 RATE_LIMITED with Retry-After, before the handler runs.
 * Runs after the global AuthGuard, which has put the caller on the request.
 */
@Injectable()
export class HoldRateLimitGuard implements CanActivate {
  constructor(
    private readonly holds: HoldLimits,
    private readonly clientIps: ClientIps,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    if (!req.user) throw new Error('HoldRateLimitGuard needs a route guarded by @Authenticated()');
    const { id } = req.user;
    await withRetryAfter(http.getResponse<Response>(), () => this.holds.take(id, this.clientIps.of(req.socket.remoteAddress, req.headers)));
    return true;
  }
}
