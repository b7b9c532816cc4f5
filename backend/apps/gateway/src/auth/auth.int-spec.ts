import { randomInt } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, authResultSchema, errorBodySchema, JWT_ISSUER, publicUserSchema } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../test/db';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';

const LOGIN_RATE_LIMIT = 8;
const LOGIN_RATE_LIMIT_PER_EMAIL = 3;
const PASSWORD = 'correct horse battery';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

interface CallOptions {
  method?: 'GET' | 'POST';
  /** Sent as JSON; `raw` sends a string as it is. */
  json?: unknown;
  raw?: string;
  authorization?: string;
  /** The client's loopback address: each test signs in from its own, so the per-IP limit of one test never touches another. */
  from?: string;
  /** Another stack's gateway instead of this file's. */
  via?: TestStack;
}

const uniqueIp = (): string => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
// Not @example.com: that domain is the seed's (seed.int-spec.ts counts its users).
const uniqueEmail = (): string => `${uniqueId('user')}@seatstorm.test`;

describe('auth through gateway → Kafka → auth service → PostgreSQL', () => {
  let stack: TestStack;
  let db: Pool;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['auth', 'gateway'],
      env: { LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT), LOGIN_RATE_LIMIT_PER_EMAIL: String(LOGIN_RATE_LIMIT_PER_EMAIL) },
    });
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  /** One HTTP call from a chosen loopback address (fetch cannot pick its source address). */
  function call(path: string, options: CallOptions = {}): Promise<Reply> {
    const payload = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    const url = new URL(path, (options.via ?? stack).url);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
          localAddress: options.from ?? uniqueIp(),
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...(options.authorization === undefined ? {} : { authorization: options.authorization }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  const login = (email: string, password: string, from?: string, deviceToken?: string) =>
    call('/auth/login', { json: { email, password, ...(deviceToken === undefined ? {} : { deviceToken }) }, from });

  async function register(email = uniqueEmail()) {
    const reply = await call('/auth/register', { json: { email, name: 'Dana Scully', password: PASSWORD } });
    expect(reply.status).toBe(201);
    return authResultSchema.parse(reply.body);
  }

  function errorOf(reply: Reply) {
    return errorBodySchema.parse(reply.body);
  }

  it('registers, signs in and answers who the caller is', async () => {
    const email = uniqueEmail();
    const registered = await call('/auth/register', { json: { email: `  ${email.toUpperCase()} `, name: ' Dana Scully ', password: PASSWORD } });
    expect(registered.status).toBe(201);
    const { user, token } = authResultSchema.parse(registered.body);
    expect(user).toEqual({ id: expect.stringMatching(/^usr_/), email, name: 'Dana Scully', role: 'user' });
    expect(token.split('.')).toHaveLength(3);

    const { rows } = await db.query<{ email: string; role: string; password_hash: string }>('SELECT email, role, password_hash FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email, role: 'user' });
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.password_hash).not.toContain(PASSWORD);

    const signedIn = await login(email, PASSWORD);
    expect(signedIn.status).toBe(200);
    const session = authResultSchema.parse(signedIn.body);
    expect(session.user).toEqual(user);

    const me = await call('/auth/me', { authorization: `Bearer ${session.token}` });
    expect(me.status).toBe(200);
    expect(publicUserSchema.parse(me.body)).toEqual(user);
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('refuses a second account for the same email, whatever its case, with 409 EMAIL_TAKEN', async () => {
    const email = uniqueEmail();
    await register(email);
    const again = await call('/auth/register', { json: { email: email.toUpperCase(), name: 'Someone Else', password: PASSWORD } });
    expect(again.status).toBe(409);
    expect(errorOf(again)).toMatchObject({ statusCode: 409, error: 'EMAIL_TAKEN' });
    const { rows } = await db.query('SELECT id FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(1);
  });

  it('answers bad input with 400 VALIDATION_FAILED naming each field, and writes nothing', async () => {
    const name = uniqueId('Nobody');
    const reply = await call('/auth/register', { json: { email: 'not-an-email', name, password: 'short' } });
    expect(reply.status).toBe(400);
    const body = errorOf(reply);
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('email');
    expect(body.message).toContain('password');
    expect(body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'email' }), expect.objectContaining({ path: 'password' })]));
    const { rows } = await db.query('SELECT id FROM users WHERE name = $1', [name]);
    expect(rows).toHaveLength(0);
  });

  it('answers a malformed JSON body or none at all with 400 VALIDATION_FAILED, not a 500', async () => {
    for (const path of ['/auth/register', '/auth/login']) {
      const broken = await call(path, { raw: '{"email": "a@example.com", "password": ' });
      expect(broken.status).toBe(400);
      expect(errorOf(broken).error).toBe('VALIDATION_FAILED');
      const empty = await call(path, { method: 'POST' });
      expect(empty.status).toBe(400);
      expect(errorOf(empty).error).toBe('VALIDATION_FAILED');
    }
  });

  it('answers a wrong password and an unknown email alike: 401 INVALID_CREDENTIALS with one message', async () => {
    const { user } = await register();
    const wrongPassword = await login(user.email, 'not the password');
    const unknownEmail = await login(uniqueEmail(), PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(errorOf(wrongPassword)).toMatchObject({ error: 'INVALID_CREDENTIALS' });
    expect(errorOf(unknownEmail).message).toBe(errorOf(wrongPassword).message);
    expect(JSON.stringify(wrongPassword.body)).not.toContain('token');
  });

  it('signs in the seeded demo users with password123, the admin as admin', async () => {
    const alice = await login('alice@example.com', 'password123');
    expect(alice.status).toBe(200);
    expect(authResultSchema.parse(alice.body).user).toEqual({ id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user' });
    const admin = await login('Admin@Example.com', 'password123');
    expect(admin.status).toBe(200);
    expect(authResultSchema.parse(admin.body).user.role).toBe('admin');
  });

  it('accepts the token with or without the Bearer scheme', async () => {
    const { user, token } = await register();
    for (const authorization of [token, `bearer ${token}`, `Bearer   ${token} `]) {
      const me = await call('/auth/me', { authorization });
      expect(me.status, authorization).toBe(200);
      expect(publicUserSchema.parse(me.body).id).toBe(user.id);
    }
  });

  it('answers 401 UNAUTHORIZED without a token, with a tampered, foreign or expired one, and for a deleted account', async () => {
    const { user, token } = await register();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const signer = new JwtService({ secret: stack.config.JWT_SECRET, signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER } });
    const claimsOf = { sub: user.id, email: user.email, name: user.name, role: user.role };

    const cases: Array<[string, string | undefined, RegExp]> = [
      ['no header', undefined, /sign in/i],
      ['a tampered payload', `Bearer ${header}.${promoted}.${signature}`, /invalid/i],
      ['garbage', 'Bearer not-a-jwt', /invalid/i],
      ['another secret', `Bearer ${new JwtService({ secret: 'x'.repeat(40) }).sign(claimsOf, { issuer: JWT_ISSUER })}`, /invalid/i],
      ['another issuer', `Bearer ${signer.sign(claimsOf, { issuer: 'someone-else' })}`, /invalid/i],
      ['an expired token', `Bearer ${signer.sign({ ...claimsOf, iat: now - 120, exp: now - 60 })}`, /expired/i],
      ['a deleted account', `Bearer ${signer.sign({ ...claimsOf, sub: uniqueId('usr_gone') }, { expiresIn: 60 })}`, /no longer exists/i],
      ['a malformed header', `Basic ${token}`, /Bearer <token>/],
    ];
    for (const [what, authorization, message] of cases) {
      const reply = await call('/auth/me', { authorization });
      expect(reply.status, what).toBe(401);
      expect(errorOf(reply), what).toMatchObject({ error: 'UNAUTHORIZED', message: expect.stringMatching(message) });
    }
  });

  /** The answer to an attempt over a limit: 429 RATE_LIMITED, with how long to wait in the header and the body. */
  function expectRateLimited(reply: Reply) {
    expect(reply.status).toBe(429);
    expect(errorOf(reply)).toMatchObject({ error: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    const retryAfter = Number(reply.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  }

  it('never counts a successful sign-in: one IP signs in far more often than either limit allows failures', async () => {
    const from = uniqueIp();
    const accounts = [await register(), await register(), await register()];
    for (let round = 1; round <= LOGIN_RATE_LIMIT; round += 1) {
      for (const { user } of accounts) expect((await login(user.email, PASSWORD, from)).status).toBe(200);
    }
  });

  it('limits failed sign-ins per email: then even the right password is refused with 429 and Retry-After, from any IP', async () => {
    const from = uniqueIp();
    const target = await register();
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT_PER_EMAIL; attempt += 1) {
      expect((await login(target.user.email, 'wrong password', from)).status).toBe(401);
    }
    // The attempt never reaches the auth service.
    expectRateLimited(await login(target.user.email, PASSWORD, from));
    expectRateLimited(await login(target.user.email, PASSWORD));

    // Another account from the same IP is not held back by this email's failures.
    const other = await register();
    expect((await login(other.user.email, PASSWORD, from)).status).toBe(200);
  });

  it('limits failed sign-ins per IP across emails: then even the right password is refused from that IP', async () => {
    const from = uniqueIp();
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT; attempt += 1) {
      expect((await login(uniqueEmail(), PASSWORD, from)).status).toBe(401);
    }
    const { user } = await register();
    expectRateLimited(await login(user.email, PASSWORD, from));
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });

  it("clears an email's failures on a successful sign-in, but never the IP's", async () => {
    const from = uniqueIp();
    const { user } = await register();
    for (let attempt = 1; attempt < LOGIN_RATE_LIMIT_PER_EMAIL; attempt += 1) {
      expect((await login(user.email, 'wrong password', from)).status).toBe(401);
    }
    expect((await login(user.email, PASSWORD, from)).status).toBe(200);
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT_PER_EMAIL; attempt += 1) {
      expect((await login(user.email, 'wrong password', from)).status).toBe(401);
    }
    expectRateLimited(await login(user.email, 'wrong password', from));

    // Every failure so far still counts against the IP, the sign-in in between notwithstanding.
    const failedSoFar = 2 * LOGIN_RATE_LIMIT_PER_EMAIL - 1;
    for (let attempt = failedSoFar + 1; attempt <= LOGIN_RATE_LIMIT; attempt += 1) {
      expect((await login(uniqueEmail(), PASSWORD, from)).status).toBe(401);
    }
    expectRateLimited(await login((await register()).user.email, PASSWORD, from));
  });

  it('counts guesses sent all at once: exactly the limit is tried, per IP and per email', async () => {
    const from = uniqueIp();
    const perIp = await Promise.all(Array.from({ length: 2 * LOGIN_RATE_LIMIT }, () => login(uniqueEmail(), PASSWORD, from)));
    expect(perIp.filter((reply) => reply.status === 401)).toHaveLength(LOGIN_RATE_LIMIT);
    for (const reply of perIp.filter((reply) => reply.status !== 401)) expectRateLimited(reply);

    const { user } = await register();
    const perEmail = await Promise.all(Array.from({ length: 3 * LOGIN_RATE_LIMIT_PER_EMAIL }, () => login(user.email, 'wrong password')));
    expect(perEmail.filter((reply) => reply.status === 401)).toHaveLength(LOGIN_RATE_LIMIT_PER_EMAIL);
    for (const reply of perEmail.filter((reply) => reply.status !== 401)) expectRateLimited(reply);
  });

  it('keeps the counts of each deployment apart: a second stack on the same Redis starts with none', async () => {
    const from = uniqueIp();
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT; attempt += 1) {
      expect((await login(uniqueEmail(), PASSWORD, from)).status).toBe(401);
    }
    const { user } = await register();
    expectRateLimited(await login(user.email, PASSWORD, from));

    const other = await startStack({ services: ['auth', 'gateway'], env: { LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT) } });
    try {
      expect((await call('/auth/login', { json: { email: user.email, password: PASSWORD }, from, via: other })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("does not lock an account's owner out: on a device that signed in before, the email's spent budget does not apply", async () => {
    const { user, deviceToken } = await register();
    expect(deviceToken).toEqual(expect.any(String));
    const signedIn = authResultSchema.parse((await login(user.email, PASSWORD)).body);
    // Someone who knows the email spends its budget from addresses of their own.
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT_PER_EMAIL; attempt += 1) {
      expect((await login(user.email, 'wrong password')).status).toBe(401);
    }
    expectRateLimited(await login(user.email, PASSWORD));
    expectRateLimited(await login(user.email, PASSWORD, undefined, (await register()).deviceToken));
    expectRateLimited(await login(user.email, PASSWORD, undefined, 'not-a-device-token'));
    // The owner's devices, from registering and from signing in, still get in.
    for (const device of [deviceToken, signedIn.deviceToken]) {
      const reply = await login(user.email, PASSWORD, undefined, device);
      expect(reply.status).toBe(200);
      expect(authResultSchema.parse(reply.body).user.id).toBe(user.id);
    }
  });

  it('limits wrong passwords from a known device per device: a stolen device token buys no more guesses than the email had', async () => {
    const { user, deviceToken } = await register();
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT_PER_EMAIL; attempt += 1) {
      expect((await login(user.email, 'wrong password', undefined, deviceToken)).status).toBe(401);
    }
    expectRateLimited(await login(user.email, PASSWORD, undefined, deviceToken));
    // The device's guesses left the email's own budget alone, and the per-IP limit applies as ever.
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    const from = uniqueIp();
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT; attempt += 1) {
      expect((await login(uniqueEmail(), PASSWORD, from)).status).toBe(401);
    }
    expectRateLimited(await login(user.email, PASSWORD, from, deviceToken));
  });

  it('counts no failure for a request that tried no password', async () => {
    const from = uniqueIp();
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT; attempt += 1) {
      expect((await call('/auth/login', { json: { email: 'not-an-email', password: PASSWORD }, from })).status).toBe(400);
    }
    const { user } = await register();
    expect((await login(user.email, PASSWORD, from)).status).toBe(200);
  });
});
