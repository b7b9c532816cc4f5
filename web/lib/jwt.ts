import { jwtClaimsSchema, type JwtClaims, type PublicUser } from '@seatstorm/contracts';

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads a Seatstorm JWT's claims without checking its signature: the web app
 * only uses them to show who is signed in and when the session ends; the
 * gateway verifies the token on every request.
 */
export function readClaims(token: string): JwtClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const parsed = jwtClaimsSchema.safeParse(JSON.parse(decodeBase64Url(payload)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The user a still-valid token names, or null when it is unreadable or expired. */
export function userOfToken(token: string, nowMs = Date.now()): PublicUser | null {
  const claims = readClaims(token);
  if (!claims || claims.exp * 1000 <= nowMs) return null;
  return { id: claims.sub, email: claims.email, name: claims.name, role: claims.role };
}
