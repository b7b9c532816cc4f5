import { authResultSchema, DEVICE_COOKIE, SESSION_COOKIE } from '@seatstorm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';
import { startWebApp, type WebApp } from '../../../../test/web-app';

const PASSWORD = 'correct horse battery';
// Not @example.com: that domain is the seed's (seed.int-spec.ts counts its users).
const uniqueEmail = (): string => `${uniqueId('user')}@seatstorm.test`;

// The development server compiles each route on its first request: seconds each on a busy machine.
const FIRST_COMPILE_MS = 300_000;

/** The value of cookie `name` among a response's Set-Cookie headers, with its attributes. */
function setCookie(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
}
const valueOf = (cookie: string | undefined): string => decodeURIComponent(cookie?.split(';', 1)[0]?.split('=').slice(1).join('=') ?? '');

describe("the web app's session, in front of the gateway", () => {
  let stack: TestStack;
  let web: WebApp;
  let email: string;

  beforeAll(async () => {
    stack = await startStack({ services: ['auth', 'gateway'] });
    // Secure cookies although the web app is reached over plain http: the flag is configuration.
    web = await startWebApp(stack.url, { WEB_SECURE_COOKIES: 'true', NEXT_PUBLIC_GATEWAY_URL: stack.url });
    email = uniqueEmail();
    // The first request-reply waits until the auth service's consumer group has formed; a registration
    // the gateway gave up waiting for may still have been made (then the next answers EMAIL_TAKEN).
    const registered = await eventually(
      () => call(`${stack.url}/auth/register`, { body: { email, name: 'Fox Mulder', password: PASSWORD } }),
      (reply) => reply.status !== 503,
      30_000,
    );
    expect([201, 409]).toContain(registered.status);
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await stack?.close();
  });

  /** POST /api/session as the web app's own sign-in form sends it. */
  const signIn = (headers: Record<string, string> = {}, body: unknown = { mode: 'login', email, password: PASSWORD }) =>
    fetch(`${web.url}/api/session`, {
      method: 'POST',
      // An empty value leaves the header out.
      headers: Object.fromEntries(
        Object.entries({ 'content-type': 'application/json', origin: web.url, 'sec-fetch-site': 'same-origin', ...headers }).filter(
          ([, value]) => value !== '',
        ),
      ),
      body: JSON.stringify(body),
      redirect: 'manual',
    });

  it(
    "refuses a sign-in another site's page makes the browser send: no session cookie is set",
    async () => {
      const attempts: Array<Record<string, string>> = [
        // A form with enctype="text/plain" whose body parses as JSON.
        { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        { 'content-type': 'text/plain', origin: web.url, 'sec-fetch-site': 'same-origin' },
        // An older browser, without Sec-Fetch-Site.
        { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': '' },
        { 'sec-fetch-site': 'cross-site' },
      ];
      for (const headers of attempts) {
        const refused = await signIn(headers);
        expect(refused.status, JSON.stringify(headers)).toBe(403);
        expect(refused.headers.getSetCookie(), JSON.stringify(headers)).toEqual([]);
      }
      expect((await fetch(`${web.url}/api/session`, { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    },
    FIRST_COMPILE_MS,
  );

  it(
    'signs in from its own pages: an httpOnly, Secure session cookie, a device cookie, and no device token for scripts',
    async () => {
      const response = await signIn();
      expect(response.status).toBe(200);
      const body = authResultSchema.parse(await response.json());
      expect(body.deviceToken).toBeUndefined();
      const session = setCookie(response, SESSION_COOKIE);
      expect(valueOf(session)).toBe(body.token);
      expect(session).toMatch(/; HttpOnly/i);
      expect(session).toMatch(/; Secure/i);
      expect(session).toMatch(/; SameSite=lax/i);
      const device = setCookie(response, DEVICE_COOKIE);
      expect(device).toMatch(/; HttpOnly/i);
      expect(device).toMatch(/; Secure/i);
      expect(valueOf(device).length).toBeGreaterThan(20);
    },
    FIRST_COMPILE_MS,
  );

  it(
    'keeps the JWT out of the pages it renders; the page reads it from GET /api/session, which only its own pages may',
    async () => {
      const { token } = authResultSchema.parse(await (await signIn()).json());
      const cookie = `${SESSION_COOKIE}=${token}`;
      for (const path of ['/bookings', '/login']) {
        const page = await fetch(`${web.url}${path}`, { headers: { cookie } });
        expect(page.status, path).toBe(200);
        const html = await page.text();
        expect(html, path).toContain('Fox Mulder');
        expect(html, path).not.toContain(token);
        expect(html, path).not.toContain(token.split('.')[2]);
      }
      const restored = await fetch(`${web.url}/api/session`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
      expect(restored.status).toBe(200);
      expect(restored.headers.get('cache-control')).toContain('no-store');
      expect(authResultSchema.parse(await restored.json())).toMatchObject({ token, user: { email, name: 'Fox Mulder' } });
      expect((await fetch(`${web.url}/api/session`, { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
      expect((await fetch(`${web.url}/api/session`, { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(401);
    },
    FIRST_COMPILE_MS,
  );

  it(
    'answers pages with a Content-Security-Policy whose nonce its scripts carry, and refuses to be framed',
    async () => {
      const page = await fetch(`${web.url}/login`);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      expect(policy).toContain("form-action 'self'");
      expect(policy).toContain(`connect-src 'self' ${new URL(stack.url).origin}`);
      const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toBeDefined();
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await page.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
    FIRST_COMPILE_MS,
  );
});
