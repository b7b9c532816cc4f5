import { describe, expect, it } from 'vitest';
import { expiryOf, MAX_TIMEOUT_MS, msUntilExpiry, readClaims, userOfToken } from './jwt';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = { sub: 'usr_alice', email: 'alice@example.com', name: 'Alice Ñandú', role: 'user', iat: 1_000, exp: 2_000 };
const token = (payload: object) => `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.signature`;

describe('readClaims', () => {
  it('reads the claims of a Seatstorm token, including non-ASCII names', () => {
    expect(readClaims(token(claims))).toEqual(claims);
  });

  it('rejects tokens that are not JWTs or miss claims', () => {
    expect(readClaims('garbage')).toBeNull();
    expect(readClaims('a.%%%.c')).toBeNull();
    expect(readClaims(token({ sub: 'usr_x' }))).toBeNull();
  });
});

describe('userOfToken', () => {
  it('gives the user while the token is valid, and nobody once it expired', () => {
    expect(userOfToken(token(claims), 1_999_000)).toEqual({ id: 'usr_alice', email: 'alice@example.com', name: 'Alice Ñandú', role: 'user' });
    expect(userOfToken(token(claims), 2_000_000)).toBeNull();
  });
});

describe('expiryOf', () => {
  it("reads any JWT's exp, or nothing", () => {
    expect(expiryOf(token(claims))).toBe(2_000);
    expect(expiryOf(token({ sub: 'a digest', aud: 'seatstorm:device', exp: 3_000 }))).toBe(3_000);
    expect(expiryOf(token({ sub: 'usr_x' }))).toBeUndefined();
    expect(expiryOf('garbage')).toBeUndefined();
  });
});

describe('msUntilExpiry', () => {
  it('counts down to the expiry, then says it is due, as it does for an unreadable token', () => {
    expect(msUntilExpiry(token(claims), 1_999_000)).toBe(1_000);
    expect(msUntilExpiry(token(claims), 2_000_000)).toBe(0);
    expect(msUntilExpiry(token(claims), 2_500_000)).toBe(0);
    expect(msUntilExpiry('garbage', 0)).toBe(0);
  });

  it('never asks a timer to wait longer than setTimeout can', () => {
    const monthLong = token({ ...claims, exp: 30 * 24 * 3600 });
    expect(msUntilExpiry(monthLong, 0)).toBe(MAX_TIMEOUT_MS);
    expect(msUntilExpiry(monthLong, 30 * 24 * 3600_000 - 5_000)).toBe(5_000);
  });
});
