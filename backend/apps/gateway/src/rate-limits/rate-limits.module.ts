import { Global, Module } from '@nestjs/common';
import { Budgets } from './budgets.service';
import { ClientIps } from './client-ips';
import { HoldLimits } from './hold-limits.service';

/**
 * The gateway's rate limits, counted in Redis and shared by every instance
 * (docs/architecture.md §6, "Limits and client IPs"): holds per account and
 * per client IP, for POST /bookings (HoldRateLimitGuard) and the socket's
 * `hold` alike; registrations and failed sign-ins per client IP
 * (RegisterRateLimitInterceptor, LoginRateLimitInterceptor); and who the
 * client is behind trusted proxies (ClientIps). Global, because the REST and
 * socket edges of several features use it.
 */
@Global()
@Module({
  providers: [Budgets, ClientIps, HoldLimits],
  exports: [Budgets, ClientIps, HoldLimits],
})
export class RateLimitsModule {}
