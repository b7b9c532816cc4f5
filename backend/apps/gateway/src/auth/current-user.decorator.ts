import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PublicUser } from '@seatstorm/contracts';
import type { Request } from 'express';

/** A request the AuthGuard let through carries its caller. */
export interface AuthenticatedRequest extends Request {
  user?: PublicUser;
}

/** The caller of an `@Authenticated()` or `@Roles(…)` route, from their token. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): PublicUser => {
  const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  // A programming error, not a client's: the route lacks @Authenticated() or @Roles(…).
  if (!user) throw new Error('@CurrentUser() needs a route guarded by @Authenticated() or @Roles()');
  return user;
});
