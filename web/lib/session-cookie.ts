import type { PublicUser } from '@seatstorm/contracts';

/** The httpOnly cookie that keeps a signed-in browser's JWT. */
export const SESSION_COOKIE = 'seatstorm_session';

/** The httpOnly cookie that keeps the device token: this browser's owner signed in here before (docs/architecture.md §6, "Accounts"). */
export const DEVICE_COOKIE = 'seatstorm_device';

/** A signed-in person as the pages see them: who, and the token the gateway expects. */
export interface Session {
  user: PublicUser;
  token: string;
}
