import { z } from 'zod';
import { idSchema } from './ids';
import { userRoleSchema } from './statuses';

// WARNING: tokens issued by the auth service are verified by every gateway
// instance with this issuer; changing it signs everyone out.
export const JWT_ISSUER = 'seatstorm';
/** How every Seatstorm token (sign-in, known device, admission pass) is signed: HMAC with a key only the back end has. */
export const JWT_ALGORITHM = 'HS256';

/** Emails are compared case-insensitively: stored and looked up trimmed and lower-case. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** POST /auth/register. */
export const registerRequestSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  // Not trimmed: spaces are legitimate password characters.
  password: z.string().min(8).max(128),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

/**
 * POST /auth/login. No length rule beyond the bounds: a wrong password is INVALID_CREDENTIALS, not a 400.
 * `deviceToken` is the one an earlier register or login on this device answered with: it lets the
 * account's owner sign in while someone else's wrong guesses have spent the email's budget.
 */
export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(128),
  deviceToken: z.string().min(1).max(1024).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** A user as the API shows them: never the password hash. */
export const publicUserSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
});
export type PublicUser = z.infer<typeof publicUserSchema>;

/** The answer to register and login; the gateway adds the device token (the auth service never issues one). */
export const authResultSchema = z.object({
  user: publicUserSchema,
  token: z.string().min(1),
  deviceToken: z.string().min(1).optional(),
});
export type AuthResult = z.infer<typeof authResultSchema>;

/** The claims of a Seatstorm JWT (HS256, issuer `seatstorm`); `iat` and `exp` are seconds since the epoch. */
export const jwtClaimsSchema = z.object({
  sub: idSchema,
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  iat: z.number().int(),
  exp: z.number().int(),
});
export type JwtClaims = z.infer<typeof jwtClaimsSchema>;

/**
 * The web app's httpOnly cookies (docs/architecture.md §6, "Accounts"): the signed-in
 * browser's JWT, and the device token of a browser whose owner signed in here before.
 * Set by the web app's session route; tests sign browsers in by setting them.
 */
export const SESSION_COOKIE = 'seatstorm_session';
export const DEVICE_COOKIE = 'seatstorm_device';
