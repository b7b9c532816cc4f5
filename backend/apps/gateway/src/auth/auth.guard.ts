import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { AuthenticatedRequest } from './current-user.decorator';
import { RequiredRoles } from './roles.decorator';
import { bearerTokenOf } from './bearer-token';
import { TokenVerifier } from './token-verifier.service';

/**
 * Applied to every route (APP_GUARD); acts only on routes marked
 * `@Authenticated()` or `@Roles(…)`, where it verifies the caller's token and
 * role and hands the caller to `@CurrentUser()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles: readonly UserRole[] | undefined = this.reflector.getAllAndOverride(RequiredRoles, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    // Sockets authenticate once, at the handshake, with TokenVerifier; this guard reads HTTP headers only.
    if (context.getType() !== 'http') throw new Error('@Authenticated() and @Roles() guard REST routes only');
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = this.tokens.verify(bearerTokenOf(req.headers.authorization, 'header'));
    if (roles.length > 0 && !roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', `This needs the role ${roles.join(' or ')}.`);
    }
    req.user = user;
    return true;
  }
}
