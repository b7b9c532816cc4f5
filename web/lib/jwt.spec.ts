import { describe, expect, it } from 'vitest';
import { readClaims, userOfToken } from './jwt';

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
