import { authResultSchema, bookingSchema, errorBodySchema } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { callFrom, uniqueLoopbackAddress, type Reply } from '../../../../test/http';
import { connectSocket, type TestSocket } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';
import { startWebApp, type WebApp } from '../../../../test/web-app';

const HOLD_RATE_LIMIT = 4;
const HOLD_RATE_LIMIT_PER_IP = 6;
const REGISTER_RATE_LIMIT_PER_IP = 3;
const LOGIN_RATE_LIMIT = 3;
/** The one address this stack trusts as a proxy (the web app's server connects from it); any other loopback address is a client of its own. */
const PROXY = '127.0.0.1';
const PASSWORD = 'correct horse battery';

// Not @example.com: that domain is the seed's (seed.int-spec.ts counts its users).
const uniqueEmail = (): string => `${uniqueId('user')}@seatstorm.test`;

/** The answer past a limit over REST: 429 with the stable body, and the same wait in Retry-After. */
function expectRateLimited(reply: Reply, windowSeconds: number): void {
  expect(reply.status).toBe(429);
  const body = errorBodySchema.parse(reply.body);
  expect(body).toMatchObject({ statusCode: 429, error: 'RATE_LIMITED', message: expect.any(String), details: { retryAfterSeconds: expect.any(Number) } });
  const retryAfter = Number(reply.headers['retry-after']);
  expect(retryAfter).toBe((body.details as { retryAfterSeconds: number }).retryAfterSeconds);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

/** The same refusal as a socket ack: the very body REST answers, without the header. */
function expectRateLimitedAck(ack: unknown): void {
  expect(ack).toEqual({ statusCode: 429, error: 'RATE_LIMITED', message: expect.any(String), details: { retryAfterSeconds: expect.any(Number) } });
}

describe('rate limits at the gateway, counted in Redis', () => {
  let stack: TestStack;
  let db: Pool;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['auth', 'catalog', 'booking', 'gateway'],
      env: {
        HOLD_RATE_LIMIT: String(HOLD_RATE_LIMIT),
        HOLD_RATE_LIMIT_PER_IP: String(HOLD_RATE_LIMIT_PER_IP),
        REGISTER_RATE_LIMIT_PER_IP: String(REGISTER_RATE_LIMIT_PER_IP),
        LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT),
        TRUSTED_PROXIES: PROXY,
      },
    });
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  async function connect(user: BuiltUser, options: { from: string; headers?: Record<string, string> }): Promise<TestSocket> {
    const socket = await connectSocket(stack.url, { token: user.token, ...options });
    sockets.push(socket);
    return socket;
  }
  const holdOverRest = (user: BuiltUser, from: string, eventId: string, seatId: string, headers?: Record<string, string>) =>
    callFrom(from, `${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds: [seatId] }, headers });
  const holdOverSocket = (socket: TestSocket, eventId: string, seatId: string) =>
    socket.timeout(10_000).emitWithAck('hold', { eventId, seatIds: [seatId], idempotencyKey: uniqueId('key') });
  const register = (from: string, email = uniqueEmail(), headers?: Record<string, string>) =>
    callFrom(from, `${stack.url}/auth/register`, { body: { email, name: 'Rate Tester', password: PASSWORD }, headers });

  /** A hold granted over REST: 201 with the reserved booking. */
  async function expectHeld(reply: Promise<Reply>, what: string): Promise<void> {
    const { status, body } = await reply;
    expect(status, `${what}: ${JSON.stringify(body)}`).toBe(201);
    expect(bookingSchema.parse(body).status, what).toBe('reserved');
  }

  /** A hold granted over the socket: the ack is the reserved booking. */
  async function expectHeldAck(ack: Promise<unknown>, what: string): Promise<void> {
    expect(bookingSchema.parse(await ack).status, what).toBe('reserved');
  }

  async function bookedSeats(userId: string): Promise<string[]> {
    const { rows } = await db.query<{ seatId: string }>(
      `SELECT bs.seat_id AS "seatId" FROM bookings b JOIN booking_seats bs ON bs.booking_id = b.id WHERE b.user_id = $1 ORDER BY bs.seat_id`,
      [userId],
    );
    return rows.map((row) => row.seatId);
  }

  async function usersNamed(email: string): Promise<number> {
    const { rows } = await db.query<{ count: string }>(`SELECT count(*) FROM users WHERE email = $1`, [email]);
    return Number(rows[0]?.count);
  }

  it("counts an account's holds over POST /bookings and the socket together: past HOLD_RATE_LIMIT a minute both refuse, and nothing is stored", async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 2, perRow: 5 });
    const [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const from = uniqueLoopbackAddress();
    const socket = await connect(user, { from });
    const seat = (i: number) => seatIds[i]!;

    await expectHeld(holdOverRest(user, from, eventId, seat(0)), 'first hold, REST');
    await expectHeldAck(holdOverSocket(socket, eventId, seat(1)), 'second hold, socket');
    await expectHeld(holdOverRest(user, from, eventId, seat(2)), 'third hold, REST');
    await expectHeldAck(holdOverSocket(socket, eventId, seat(3)), 'fourth hold, socket');

    expectRateLimited(await holdOverRest(user, from, eventId, seat(4)), 60);
    expectRateLimitedAck(await holdOverSocket(socket, eventId, seat(5)));
    // From another address too: the account's budget is spent, wherever it asks from.
    expectRateLimited(await holdOverRest(user, uniqueLoopbackAddress(), eventId, seat(6)), 60);

    expect(await bookedSeats(user.id)).toEqual([seat(0), seat(1), seat(2), seat(3)].sort());
    const { rows } = await db.query<{ status: string }>(`SELECT status FROM seats WHERE id = ANY($1)`, [[seat(4), seat(5), seat(6)]]);
    expect(rows.map((row) => row.status)).toEqual(['available', 'available', 'available']);
  });

  it('counts holds per client IP across accounts: past HOLD_RATE_LIMIT_PER_IP a minute every account there is refused, but not elsewhere', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 2, perRow: 5 });
    const [alice, bob] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];
    const shared = uniqueLoopbackAddress();
    const bobsSocket = await connect(bob, { from: shared });
    const seat = (i: number) => seatIds[i]!;

    for (let i = 0; i < HOLD_RATE_LIMIT_PER_IP / 2; i += 1) {
      await expectHeld(holdOverRest(alice, shared, eventId, seat(i)), `alice's hold ${i + 1}`);
      await expectHeldAck(holdOverSocket(bobsSocket, eventId, seat(5 + i)), `bob's hold ${i + 1}`);
    }
    // Bob has a hold of his own left, but not from this address.
    expectRateLimitedAck(await holdOverSocket(bobsSocket, eventId, seat(8)));
    expectRateLimited(await holdOverRest(bob, shared, eventId, seat(8)), 60);
    // Refused for the address, a request keeps none of the account's budget either.
    await expectHeld(holdOverRest(bob, uniqueLoopbackAddress(), eventId, seat(8)), "bob's last hold, from elsewhere");
    expect(await bookedSeats(bob.id)).toEqual([seat(5), seat(6), seat(7), seat(8)]);
  });

  it('limits registrations per client IP: past REGISTER_RATE_LIMIT_PER_IP an hour, 429 with Retry-After and no account is created', async () => {
    const from = uniqueLoopbackAddress();
    for (let i = 0; i < REGISTER_RATE_LIMIT_PER_IP; i += 1) expect((await register(from)).status, `registration ${i + 1}`).toBe(201);

    const email = uniqueEmail();
    expectRateLimited(await register(from, email), 3600);
    expect(await usersNamed(email)).toBe(0);
    // Elsewhere the same person can.
    expect((await register(uniqueLoopbackAddress(), email)).status).toBe(201);
    expect(await usersNamed(email)).toBe(1);
  });

  it('counts only registrations tried: a body refused as invalid takes nothing from the budget, an email already taken does', async () => {
    const from = uniqueLoopbackAddress();
    for (let i = 0; i < REGISTER_RATE_LIMIT_PER_IP; i += 1) {
      const reply = await callFrom(from, `${stack.url}/auth/register`, { body: { email: uniqueEmail(), name: 'Rate Tester', password: 'short' } });
      expect(reply.status).toBe(400);
    }
    const taken = uniqueEmail();
    expect((await register(from, taken)).status).toBe(201);
    expect((await register(from, taken)).status).toBe(409);
    expect((await register(from)).status).toBe(201);
    expectRateLimited(await register(from), 3600);
  });

  it('behind the trusted proxy, the address it forwards is the client: two forwarded addresses are limited apart, over REST and the socket', async () => {
    const [first, second] = [uniqueLoopbackAddress(), uniqueLoopbackAddress()];
    const forwarded = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < REGISTER_RATE_LIMIT_PER_IP; i += 1) expect((await register(PROXY, uniqueEmail(), forwarded(first))).status).toBe(201);
    expectRateLimited(await register(PROXY, uniqueEmail(), forwarded(first)), 3600);
    expect((await register(PROXY, uniqueEmail(), forwarded(second))).status).toBe(201);
    // The proxy's own address is a client apart as well.
    expect((await register(PROXY)).status).toBe(201);

    // A socket's handshake is read the same way, and shares the forwarded address's budget with REST.
    const { eventId, seatIds } = await buildEvent(db, { rows: 2, perRow: 5 });
    const [alice, bob] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];
    const seat = (i: number) => seatIds[i]!;
    const bobsSocket = await connect(bob, { from: PROXY, headers: forwarded(first) });
    for (let i = 0; i < HOLD_RATE_LIMIT; i += 1) await expectHeld(holdOverRest(alice, PROXY, eventId, seat(i), forwarded(first)), `alice's hold ${i + 1}`);
    for (let i = HOLD_RATE_LIMIT; i < HOLD_RATE_LIMIT_PER_IP; i += 1)
      await expectHeldAck(holdOverSocket(bobsSocket, eventId, seat(i)), `bob's hold at ${i + 1}`);
    expectRateLimitedAck(await holdOverSocket(bobsSocket, eventId, seat(6)));
    const bobElsewhere = await connect(bob, { from: PROXY, headers: forwarded(second) });
    await expectHeldAck(holdOverSocket(bobElsewhere, eventId, seat(6)), "bob's hold from the second address");
  });

  it('from a peer that is not a trusted proxy, X-Forwarded-For is ignored: the peer is the client, whatever it claims', async () => {
    const peer = uniqueLoopbackAddress();
    const claimed = Array.from({ length: REGISTER_RATE_LIMIT_PER_IP + 1 }, () => uniqueLoopbackAddress());
    for (let i = 0; i < REGISTER_RATE_LIMIT_PER_IP; i += 1) {
      expect((await register(peer, uniqueEmail(), { 'x-forwarded-for': claimed[i]! })).status).toBe(201);
    }
    expectRateLimited(await register(peer, uniqueEmail(), { 'x-forwarded-for': claimed.at(-1)! }), 3600);
    // Nothing was counted against the addresses it claimed.
    for (const address of claimed) expect((await register(PROXY, uniqueEmail(), { 'x-forwarded-for': address })).status).toBe(201);
  });

  describe('behind the web app', () => {
    let web: WebApp;

    beforeAll(async () => {
      web = await startWebApp(stack.url);
    }, 120_000);

    afterAll(async () => {
      await web?.close();
    });

    const signIn = (browser: string, email: string, password: string, headers?: Record<string, string>) =>
      callFrom(browser, `${web.url}/api/session`, { body: { mode: 'login', email, password }, headers });

    it("is the browser's address: wrong passwords from one browser, even claiming another's address, do not lock that other out", async () => {
      const email = uniqueEmail();
      expect((await register(uniqueLoopbackAddress(), email)).status).toBe(201);
      const [guesser, owner] = [uniqueLoopbackAddress(), uniqueLoopbackAddress()];

      // The guesser forges X-Forwarded-For to spend the owner's budget; the web server replaces it.
      for (let i = 0; i < LOGIN_RATE_LIMIT; i += 1) {
        expect((await signIn(guesser, email, 'wrong password', { 'x-forwarded-for': owner })).status, `guess ${i + 1}`).toBe(401);
      }
      const locked = await signIn(guesser, email, PASSWORD);
      expect(locked.status).toBe(429);
      expect(errorBodySchema.parse(locked.body).error).toBe('RATE_LIMITED');
      // The gateway counted the guesser's own address: it refuses it directly too.
      expectRateLimited(await callFrom(guesser, `${stack.url}/auth/login`, { body: { email, password: PASSWORD } }), 15 * 60);

      // The owner, through the same web server, signs in.
      const signedIn = await signIn(owner, email, PASSWORD);
      expect(signedIn.status).toBe(200);
      expect(authResultSchema.parse(signedIn.body).user.email).toBe(email);
    });
  });
});

describe('rate limits while Redis is away', () => {
  let stack: TestStack;
  let db: Pool;

  beforeAll(async () => {
    db = testDb();
    // Nothing listens on port 1 of the loopback.
    stack = await startStack({ services: ['auth', 'gateway'], env: { REDIS_URL: 'redis://127.0.0.1:1', REGISTER_RATE_LIMIT_PER_IP: '2' } });
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  it('refuses holds with 503 SERVICE_UNAVAILABLE, over REST and the socket, rather than letting them through uncounted', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const from = uniqueLoopbackAddress();

    const rest = await callFrom(from, `${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds: [seatIds[0]] } });
    expect(rest.status).toBe(503);
    expect(errorBodySchema.parse(rest.body).error).toBe('SERVICE_UNAVAILABLE');

    const socket = await connectSocket(stack.url, { token: user.token, from });
    try {
      const ack = await socket.timeout(10_000).emitWithAck('hold', { eventId, seatIds: [seatIds[0]!], idempotencyKey: uniqueId('key') });
      expect(errorBodySchema.parse(ack)).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
    } finally {
      socket.close();
    }
  });

  it('keeps limiting registrations, each gateway instance counting on its own', async () => {
    const from = uniqueLoopbackAddress();
    expect((await register(from)).status).toBe(201);
    expect((await register(from)).status).toBe(201);
    expectRateLimited(await register(from), 3600);
  });

  const register = (from: string) => callFrom(from, `${stack.url}/auth/register`, { body: { email: uniqueEmail(), name: 'Rate Tester', password: PASSWORD } });
});
