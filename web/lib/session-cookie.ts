import type { PublicUser } from '@seatstorm/contracts';

/** The httpOnly cookie that keeps a signed-in browser's JWT. */
export const SESSION_COOKIE = 'seatstorm_session';

/** A signed-in person as the pages see them: who, and the token the gateway expects. */
export interface Session {
  user: PublicUser;
  token: string;
}
