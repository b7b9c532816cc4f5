import { DomainError } from '@seatstorm/errors';

/** Where a client sends its sign-in token: REST's Authorization header, or the socket handshake's `auth.token`. */
export type TokenCarrier = 'header' | 'handshake';

const MISSING: Record<TokenCarrier, string> = {
  header: 'Sign in first: send your token as Authorization: Bearer <token>.',
  handshake: 'Sign in first: send your token as the handshake auth.token, or leave it out to watch anonymously.',
};
const MALFORMED: Record<TokenCarrier, string> = {
  header: 'The Authorization header must be "Bearer <token>".',
  handshake: 'The handshake auth.token must be "Bearer <token>" or the token alone.',
};

/**
 * The token a client sent, read alike wherever it arrives: `Bearer <jwt>`
 * (the scheme in any case, any spacing), or the bare token
 * (docs/architecture.md §6). Anything else is refused UNAUTHORIZED, saying
 * what was expected where.
 */
export function bearerTokenOf(value: string | undefined, carrier: TokenCarrier): string {
  const parts = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const [first, second] = parts;
  const bearer = first?.toLowerCase() === 'bearer';
  if (parts.length === 1 && first && !bearer) return first;
  if (parts.length === 2 && second && bearer) return second;
  if (parts.length === 0 || (parts.length === 1 && bearer)) throw new DomainError('UNAUTHORIZED', MISSING[carrier]);
  throw new DomainError('UNAUTHORIZED', MALFORMED[carrier]);
}
