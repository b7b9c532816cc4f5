import type { PublicUser } from '@seatstorm/contracts';

/** The session's cookie names are the contracts' (SESSION_COOKIE, DEVICE_COOKIE): tests set them too. */
export { DEVICE_COOKIE, SESSION_COOKIE } from '@seatstorm/contracts';

/** A signed-in person as the pages see them: who, and the token the gateway expects. */
export interface Session {
  user: PublicUser;
  token: string;
}
