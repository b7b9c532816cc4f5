import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, JWT_ISSUER, type PublicUser } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { RpcClient } from '@seatstorm/kafka';
import { describe, expect, it } from 'vitest';
import { AuthGuard } from './auth.guard';
import type { AuthenticatedRequest } from './current-user.decorator';
import { Authenticated, Roles } from './roles.decorator';
import { DisplayNames } from './display-names';
import { TokenVerifier } from './token-verifier.service';

const jwt = new JwtService({
  secret: 'unit-test-secret-of-at-least-32-characters',
  signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER },
  verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER },
});
// The guard never looks a name up: the display names it keeps need no auth service here.
const guard = new AuthGuard(new Reflector(), new TokenVerifier(jwt, new DisplayNames({} as RpcClient)));

const alice: PublicUser = { id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user' };
const admin: PublicUser = { id: 'usr_admin', email: 'admin@example.com', name: 'Admin', role: 'admin' };
const claimsOf = (user: PublicUser) => ({ sub: user.id, email: user.email, name: user.name, role: user.role });
const tokenOf = (user: PublicUser) => jwt.sign(claimsOf(user), { expiresIn: 60 });

class Routes {
  open(): void {}

  @Authenticated()
  mine(): void {}

  @Roles('admin')
  manage(): void {}
}

function requestTo(handler: keyof Routes, authorization?: string) {
  const req = { headers: authorization === undefined ? {} : { authorization } } as AuthenticatedRequest;
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { req, pass: () => guard.canActivate(context) };
}

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('AuthGuard', () => {
  it('lets anyone through to a route without @Authenticated() or @Roles()', () => {
    expect(requestTo('open').pass()).toBe(true);
  });

  it('requires a valid token on an @Authenticated() route and hands the caller on', () => {
    expect(errorOf(requestTo('mine').pass).code).toBe('UNAUTHORIZED');
    expect(errorOf(requestTo('mine', 'Bearer forged.token.value').pass).code).toBe('UNAUTHORIZED');
    const { req, pass } = requestTo('mine', `Bearer ${tokenOf(alice)}`);
    expect(pass()).toBe(true);
    expect(req.user).toEqual(alice);
  });

  it('answers 403 FORBIDDEN to a signed-in caller without the role, and lets the role through', () => {
    const denied = errorOf(requestTo('manage', tokenOf(alice)).pass);
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.statusCode).toBe(403);
    const { req, pass } = requestTo('manage', tokenOf(admin));
    expect(pass()).toBe(true);
    expect(req.user?.role).toBe('admin');
  });

  it('checks the token before the role: no token on an admin route is 401, not 403', () => {
    expect(errorOf(requestTo('manage').pass).code).toBe('UNAUTHORIZED');
  });

  it('tells an expired session apart from a bad token', () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign({ ...claimsOf(alice), iat: now - 120, exp: now - 60 });
    expect(errorOf(requestTo('mine', expired).pass).message).toMatch(/expired/);
  });
});
