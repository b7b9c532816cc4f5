import { DomainError } from '@seatstorm/errors';
import { describe, expect, it } from 'vitest';
import { bearerTokenOf, type TokenCarrier } from './bearer-token';

function refusal(value: string | undefined, carrier: TokenCarrier): DomainError {
  try {
    bearerTokenOf(value, carrier);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('the sign-in token a client sends, read alike in a REST header and a socket handshake', () => {
  it.each<TokenCarrier>(['header', 'handshake'])('%s: takes the token from "Bearer <token>", whatever the scheme case and spacing, or alone', (carrier) => {
    expect(bearerTokenOf('Bearer abc.def.ghi', carrier)).toBe('abc.def.ghi');
    expect(bearerTokenOf('bearer abc.def.ghi', carrier)).toBe('abc.def.ghi');
    expect(bearerTokenOf('  BEARER   abc.def.ghi  ', carrier)).toBe('abc.def.ghi');
    expect(bearerTokenOf('abc.def.ghi', carrier)).toBe('abc.def.ghi');
  });

  it.each<TokenCarrier>(['header', 'handshake'])('%s: asks to sign in when there is no token at all', (carrier) => {
    for (const value of [undefined, '', '   ', 'Bearer', 'bearer  ']) {
      const error = refusal(value, carrier);
      expect(error.code, String(value)).toBe('UNAUTHORIZED');
      expect(error.message).toMatch(/^Sign in first/);
    }
  });

  it('refuses other schemes and extra parts, naming what was expected where', () => {
    for (const value of ['Basic dXNlcjpwYXNz', 'Bearer abc def', 'Token abc']) {
      expect(refusal(value, 'header').message, value).toBe('The Authorization header must be "Bearer <token>".');
      expect(refusal(value, 'handshake').message, value).toBe('The handshake auth.token must be "Bearer <token>" or the token alone.');
    }
  });
});
