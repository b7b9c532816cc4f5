/**
 * The rules of the sign-in route (/api/session) that are not about the
 * gateway: which requests it accepts, and how its cookies are set.
 */

/**
 * True for a request a page of another site made the browser send: such a
 * request must never sign anyone in or out (login CSRF: a form elsewhere
 * could sign a victim in as the attacker, and everything they then bought
 * would be the attacker's to see). Browsers say where a request comes from:
 * `Sec-Fetch-Site` (every current browser), else `Origin`, compared with the
 * host the request was sent to. A request with neither did not come from a
 * page (curl, a test's client), which no other site can make a browser send.
 */
export function isCrossSite(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin';
  const origin = headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== headers.get('host');
  } catch {
    return true;
  }
}

/**
 * The route reads JSON only. A form can post text/plain whose body happens to
 * parse as JSON; application/json cannot be sent across sites without a CORS
 * preflight, which this server never grants.
 */
export function isJson(headers: Headers): boolean {
  const type = headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json';
}

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
}

/**
 * Whether cookies carry `Secure`: WEB_SECURE_COOKIES when set, else on in a
 * production build. Never read from the request's URL: behind a proxy that
 * ends TLS the web server itself is reached over plain http.
 */
export function secureCookies(env: Record<string, string | undefined> = process.env): boolean {
  const setting = env.WEB_SECURE_COOKIES?.trim().toLowerCase();
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  return env.NODE_ENV === 'production';
}

/** An httpOnly cookie of the site's that the browser keeps `maxAgeSeconds`. */
export function cookieOptions(maxAgeSeconds: number, env: Record<string, string | undefined> = process.env): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: secureCookies(env), path: '/', maxAge: Math.max(0, Math.floor(maxAgeSeconds)) };
}
