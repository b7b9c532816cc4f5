import { Reflector } from '@nestjs/core';
import type { UserRole } from '@seatstorm/contracts';

/** The roles a route admits; an empty list admits any signed-in user. Routes without it are public. */
export const RequiredRoles = Reflector.createDecorator<readonly UserRole[]>();

/** Only signed-in callers (a valid token); otherwise 401 UNAUTHORIZED. */
export const Authenticated = () => RequiredRoles([]);

/** Only signed-in callers with one of these roles, e.g. `@Roles('admin')`; others get 403 FORBIDDEN. */
export const Roles = (...roles: UserRole[]) => RequiredRoles(roles);
