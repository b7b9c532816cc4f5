import { jwtClaimsSchema, type ErrorBody } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { ExtendedError } from 'socket.io';
import { bearerTokenOf } from '../auth/bearer-token';
import type { TokenVerifier } from '../auth/token-verifier.service';
import type { LiveSocket } from './live-socket';
import { toErrorBody } from './socket-ack';

/**
 * The handshake check (socket.io middleware): `auth: {token}` is optional. No
 * token makes an anonymous watcher; a valid one makes the socket its user's;
 * a bad or expired one refuses the connection with the reason, so a client
 * can tell "sign in again" apart from a network failure (`connect_error`
 * carries the message, and the error body in `data`).
 */
export function authenticateSockets(tokens: TokenVerifier) {
  return (socket: LiveSocket, next: (error?: ExtendedError) => void): void => {
    const auth: unknown = socket.handshake.auth;
    const token = auth && typeof auth === 'object' && 'token' in auth ? auth.token : undefined;
    if (token === undefined || token === null) {
      next();
      return;
    }
    try {
      if (typeof token !== 'string')
        throw new DomainError('UNAUTHORIZED', 'The handshake auth.token must be your sign-in token, or left out to watch anonymously.');
      const bare = bearerTokenOf(token, 'handshake');
      socket.data.user = tokens.verify(bare);
      socket.data.sessionEndsAt = expiryOf(bare);
      next();
    } catch (error) {
      next(connectError(toErrorBody(error, 'connect')));
    }
  };
}

function connectError(body: ErrorBody): ExtendedError {
  return Object.assign(new Error(body.message), { data: body });
}

/** When a verified token runs out, in ms since the epoch (its `exp` claim). */
function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1] ?? '';
  const claims = jwtClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  return claims.success ? claims.data.exp * 1000 : undefined;
}
