import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, JWT_ISSUER, type PublicUser } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { RpcClient } from '@seatstorm/kafka';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisplayNames } from './display-names';
import { TokenVerifier } from './token-verifier.service';

const secret = 'unit-test-secret-of-at-least-32-characters';
const jwt = new JwtService({
  secret,
  signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER },
  verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER },
});
const alice: PublicUser = { id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user' };
const claims = { sub: alice.id, email: alice.email, name: alice.name, role: alice.role };

/** The auth service as DisplayNames would ask it: these tests count the questions. */
function authService() {
  const request = vi.fn(async () => ({ ...alice, name: 'Asked' }));
  return { request, names: new DisplayNames({ request } as unknown as RpcClient) };
}
const verifier = () => new TokenVerifier(jwt, authService().names);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'UNAUTHORIZED') return error.message;
    throw error;
  }
  throw new Error('expected UNAUTHORIZED');
}

describe('TokenVerifier', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a token seen before without checking it again', () => {
    const tokens = verifier();
    const token = jwt.sign(claims, { expiresIn: 60 });
    const verify = vi.spyOn(jwt, 'verify');
    expect(tokens.verify(token)).toEqual(alice);
    expect(tokens.verify(token)).toEqual(alice);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  it('refuses a remembered token from its expiry on, as a session that has expired', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Date.UTC(2030, 0, 1);
    vi.setSystemTime(now);
    const tokens = verifier();
    const token = jwt.sign(claims, { expiresIn: 60 });
    expect(tokens.verify(token)).toEqual(alice);
    vi.setSystemTime(now + 59_999);
    expect(tokens.verify(token)).toEqual(alice);
    vi.setSystemTime(now + 60_000);
    expect(messageOf(() => tokens.verify(token))).toMatch(/expired/);
  });

  it("keeps each verified caller's display name, so the race lab names them without asking the auth service", async () => {
    const auth = authService();
    const tokens = new TokenVerifier(jwt, auth.names);
    tokens.verify(jwt.sign(claims, { expiresIn: 60 }));
    await expect(auth.names.nameOf(alice.id)).resolves.toBe('Alice');
    expect(auth.request).not.toHaveBeenCalled();
    await expect(auth.names.nameOf('usr_never_seen')).resolves.toBe('Asked');
    expect(auth.request).toHaveBeenCalledTimes(1);
  });

  it('remembers only tokens that pass: a forged one is refused every time', () => {
    const tokens = verifier();
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign(claims, { issuer: JWT_ISSUER, expiresIn: 60 });
    const otherIssuer = jwt.sign(claims, { issuer: 'someone-else', expiresIn: 60 });
    for (const token of [forged, forged, otherIssuer, otherIssuer]) expect(messageOf(() => tokens.verify(token))).toMatch(/invalid/);
  });
});
