import { jwtClaimsSchema, type JwtClaims, type PublicUser } from '@seatstorm/contracts';

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function readPayload(token: string): unknown {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    return JSON.parse(decodeBase64Url(payload));
  } catch {
    return null;
  }
}

/**
 * Reads a Seatstorm JWT's claims without checking its signature: the web app
 * only uses them to show who is signed in and when the session ends; the
 * gateway verifies the token on every request.
 */
export function readClaims(token: string): JwtClaims | null {
  const parsed = jwtClaimsSchema.safeParse(readPayload(token));
  return parsed.success ? parsed.data : null;
}

/** When any JWT (a sign-in or a device token) runs out, in seconds since the epoch, read without checking it. */
export function expiryOf(token: string): number | undefined {
  const payload = readPayload(token);
  return typeof payload === 'object' && payload !== null && 'exp' in payload && typeof payload.exp === 'number' ? payload.exp : undefined;
}

/** The user a still-valid token names, or null when it is unreadable or expired. */
export function userOfToken(token: string, nowMs = Date.now()): PublicUser | null {
  const claims = readClaims(token);
  if (!claims || claims.exp * 1000 <= nowMs) return null;
  return { id: claims.sub, email: claims.email, name: claims.name, role: claims.role };
}

/** The longest delay setTimeout keeps (2^31-1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * How long until `token` runs out, in ms: 0 once it has (or when it cannot be
 * read), and never more than a timer can wait, so a timer armed with it
 * either finds the token expired or is armed again.
 */
export function msUntilExpiry(token: string, nowMs = Date.now()): number {
  const exp = expiryOf(token);
  if (exp === undefined) return 0;
  return Math.min(Math.max(0, exp * 1000 - nowMs), MAX_TIMEOUT_MS);
}
