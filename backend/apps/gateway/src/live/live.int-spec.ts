import { isDeepStrictEqual } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import {
  bookingUpdatedSchema,
  bookingSchema,
  errorBodySchema,
  JWT_ALGORITHM,
  JWT_ISSUER,
  labDecisionSchema,
  SocketEvent,
  type SeatMapUpdate,
  type SeatUpdated,
} from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { connectSocket, received, startAnotherGateway, statusesOf, watchSeatMap, type TestSocket } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';

const LIVE_HOLD_RATE_LIMIT = 5;
const LIVE_SUBSCRIBE_RATE_LIMIT = 4;

/** The seats of an event as the database has them. */
async function databaseSeats(db: Pool, eventId: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ id: string; status: string; bookingId: string | null }>(
    `SELECT id, status, booking_id AS "bookingId" FROM seats WHERE event_id = $1 ORDER BY id`,
    [eventId],
  );
  return statusesOf(rows);
}

describe('live seat maps: two gateway instances sharing Redis', () => {
  let stack: TestStack;
  let other: { url: string; close(): Promise<void> };
  let db: Pool;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['auth', 'catalog', 'booking', 'gateway'],
      env: { LIVE_HOLD_RATE_LIMIT: String(LIVE_HOLD_RATE_LIMIT), LIVE_SUBSCRIBE_RATE_LIMIT: String(LIVE_SUBSCRIBE_RATE_LIMIT) },
    });
    other = await startAnotherGateway(stack.config);
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await other?.close();
    await stack?.close();
    await db?.end();
  });

  const gatewayA = () => stack.url;
  const gatewayB = () => other.url;
  async function connect(url: string, user?: BuiltUser, options: { reconnection?: boolean } = {}): Promise<TestSocket> {
    const socket = await connectSocket(url, { token: user?.token, ...options });
    sockets.push(socket);
    return socket;
  }
  const hold = (socket: TestSocket, eventId: string, seatIds: string[], idempotencyKey = uniqueId('key')) =>
    socket.timeout(10_000).emitWithAck('hold', { eventId, seatIds, idempotencyKey });
  const live = (sync: { status: string }) =>
    eventually(
      async () => sync.status,
      (status) => status === 'live',
    );

  it('a hold through instance A reaches a watcher on instance B; booking.updated reaches only the holder, on both instances', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [holder, stranger] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];
    const holderOnA = await connect(gatewayA(), holder);
    const holderOnB = await connect(gatewayB(), holder);
    const strangerOnB = await connect(gatewayB(), stranger);
    const watcherOnB = await connect(gatewayB());
    expect(await watcherOnB.emitWithAck('subscribe', { eventId })).toEqual({ version: 0 });
    const deltas = received(watcherOnB, SocketEvent.SeatUpdated);
    const holderUpdates = [received(holderOnA, 'booking.updated'), received(holderOnB, 'booking.updated')];
    const strangerUpdates = received(strangerOnB, 'booking.updated');

    const booking = bookingSchema.parse(await hold(holderOnA, eventId, [seatIds[0]!, seatIds[1]!]));

    expect(booking).toMatchObject({ status: 'reserved', userId: holder.id, seatIds: [seatIds[0], seatIds[1]] });
    const [delta] = await eventually(
      async () => deltas,
      (list) => list.length >= 1,
    );
    expect(delta).toEqual({
      eventId,
      baseVersion: 0,
      version: 1,
      changes: [
        { seatId: seatIds[0], status: 'reserved', bookingId: booking.id },
        { seatId: seatIds[1], status: 'reserved', bookingId: booking.id },
      ],
    } satisfies SeatUpdated);
    for (const updates of holderUpdates) {
      const [update] = await eventually(
        async () => updates,
        (list) => list.length >= 1,
      );
      // The contract's view of the decision, and nothing more (no command, trace or user id on the wire).
      expect(bookingUpdatedSchema.strict().parse(update)).toEqual({
        bookingId: booking.id,
        eventId,
        status: 'reserved',
        seatIds: booking.seatIds,
        expiresAt: booking.expiresAt,
        reason: null,
        failureCode: null,
        extensionsLeft: booking.extensionsLeft,
      });
    }

    // The stranger's own later decision comes through the same partition and relay, after the holder's:
    // once it is in, the holder's would have been too, had it been sent to the stranger.
    const strangers = bookingSchema.parse(await hold(strangerOnB, eventId, [seatIds[2]!]));
    await eventually(
      async () => strangerUpdates,
      (list) => list.some((u) => u.bookingId === strangers.id),
    );
    expect(strangerUpdates.map((u) => u.bookingId)).toEqual([strangers.id]);
    await eventually(
      async () => deltas,
      (list) => list.length >= 2,
    );
    expect(holderUpdates.flat().map((u) => u.bookingId)).toEqual([booking.id, booking.id]);
  });

  it('3 sockets race for one seat at the same instant: one wins, two get SEAT_UNAVAILABLE, all four maps equal the database', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const seat = seatIds[4]!;
    const users = await buildUsers(db, stack.config, 3);
    const racers = await Promise.all(users.map((user, i) => connect(i % 2 ? gatewayB() : gatewayA(), user)));
    const watcher = await connect(gatewayB());
    const maps = [...racers, watcher].map((socket, i) => watchSeatMap(i % 2 ? gatewayB() : gatewayA(), socket, eventId));
    for (const map of maps) await live(map);

    const answers = await Promise.all(racers.map((socket) => hold(socket, eventId, [seat])));

    const won = answers.filter((answer) => bookingSchema.safeParse(answer).success).map((answer) => bookingSchema.parse(answer));
    const lost = answers.filter((answer) => errorBodySchema.safeParse(answer).success).map((answer) => errorBodySchema.parse(answer));
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ status: 'reserved', seatIds: [seat] });
    expect(lost).toHaveLength(2);
    for (const error of lost) {
      expect(error).toMatchObject({ statusCode: 409, error: 'SEAT_UNAVAILABLE', details: { seatIds: [seat] } });
      expect(error.message).toBe(`Seat ${seat.slice(eventId.length + 1)} is no longer available.`);
    }
    const expected = await databaseSeats(db, eventId);
    expect(expected[seat]).toBe(`reserved:${won[0]!.id}`);
    for (const map of maps) {
      await eventually(
        async () => statusesOf(map.seats.values()),
        (seen) => isDeepStrictEqual(seen, expected),
      );
      expect(map.version).toBe(1);
    }
  });

  it('a socket disconnected while 50 changes happen reconnects and converges to the database', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 6, perRow: 10 });
    const users = await buildUsers(db, stack.config, 50);
    const watcher = await connect(gatewayB());
    const map = watchSeatMap(gatewayB(), watcher, eventId);
    await live(map);
    const snapshots: SeatMapUpdate[] = [];
    map.onUpdate((update) => update.kind === 'snapshot' && snapshots.push(update));

    watcher.disconnect();
    const answers = await Promise.all(users.map((user, i) => call(`${gatewayA()}/bookings`, { token: user.token, body: { eventId, seatIds: [seatIds[i]!] } })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
    expect(map.version).toBe(0);
    watcher.connect();

    const expected = await databaseSeats(db, eventId);
    expect(Object.values(expected).filter((status) => status.startsWith('reserved'))).toHaveLength(50);
    await eventually(
      async () => statusesOf(map.seats.values()),
      (seen) => isDeepStrictEqual(seen, expected),
    );
    expect(snapshots).toEqual([expect.objectContaining({ reason: 'reconnect' })]);
  });

  it('a client that drops a delta detects the gap and reloads the snapshot', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const socket = await connect(gatewayA(), user);
    const watcher = await connect(gatewayB());
    const map = watchSeatMap(gatewayB(), watcher, eventId, { gapTimeoutMs: 300 });
    await live(map);
    const updates: SeatMapUpdate[] = [];
    map.onUpdate((update) => updates.push(update));
    // The network loses the second message.
    let messages = 0;
    watcher.off(SocketEvent.SeatUpdated);
    watcher.on(SocketEvent.SeatUpdated, (delta) => {
      messages += 1;
      if (messages !== 2) map.receive(delta);
    });

    for (let i = 0; i < 3; i += 1) {
      bookingSchema.parse(await hold(socket, eventId, [seatIds[i]!]));
      await eventually(
        async () => messages,
        (count) => count === i + 1,
      );
    }

    const expected = await databaseSeats(db, eventId);
    await eventually(
      async () => statusesOf(map.seats.values()),
      (seen) => isDeepStrictEqual(seen, expected),
    );
    expect(updates.map((u) => (u.kind === 'snapshot' ? `snapshot:${u.reason}` : `delta:${u.version}`))).toEqual(['delta:1', 'snapshot:gap']);
    expect(map.version).toBe(3);
  });

  it('answers holds the way POST /bookings does: the same booking for a repeated key, errors with the same codes', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const socket = await connect(gatewayB(), user);
    const key = uniqueId('retry');

    const first = bookingSchema.parse(await hold(socket, eventId, [seatIds[0]!], key));
    const again = bookingSchema.parse(await hold(socket, eventId, [seatIds[0]!], key));
    expect(again.id).toBe(first.id);
    expect(errorBodySchema.parse(await hold(socket, eventId, [seatIds[1]!], key))).toMatchObject({ statusCode: 409, error: 'CONFLICT' });

    const invalid = errorBodySchema.parse(await socket.emitWithAck('hold', { eventId, seatIds: [seatIds[2]!, seatIds[2]!], idempotencyKey: 'short' }));
    expect(invalid).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    expect(invalid.message).toContain('seat appears twice');
    expect(invalid.message).toContain('idempotencyKey');
    expect(errorBodySchema.parse(await socket.emitWithAck('subscribe', { eventId: 'evt_nope' }))).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });

    // Another socket of the owner (on the other instance; each socket has its own rate allowance) releases the hold.
    const releaser = await connect(gatewayA(), user);
    expect(await releaser.emitWithAck('release', { bookingId: first.id })).toEqual({ ok: true });
    await eventually(
      async () => (await databaseSeats(db, eventId))[seatIds[0]!],
      (status) => status === 'available',
    );
    expect(errorBodySchema.parse(await releaser.emitWithAck('release', { bookingId: first.id }))).toMatchObject({ statusCode: 409, error: 'INVALID_STATE' });
  });

  it('lets anonymous sockets watch but not hold, and refuses a bad token at the handshake', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const anonymous = await connect(gatewayA());
    expect(await anonymous.emitWithAck('subscribe', { eventId })).toEqual({ version: 0 });
    expect(errorBodySchema.parse(await hold(anonymous, eventId, [seatIds[0]!]))).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
    expect(errorBodySchema.parse(await anonymous.emitWithAck('release', { bookingId: 'bkg_x' }))).toMatchObject({ error: 'UNAUTHORIZED' });

    const refused = await connectSocket(gatewayA(), { token: 'forged.token.value' }).catch((error: Error & { data?: unknown }) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe('The token is invalid. Please sign in again.');
    expect(errorBodySchema.parse((refused as Error & { data?: unknown }).data)).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
  });

  it('closes a socket when its session runs out, and refuses the expired token when it comes back', async () => {
    const [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const jwt = new JwtService({ secret: stack.config.JWT_SECRET, signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER } });
    const token = jwt.sign({ sub: user.id, email: user.email, name: user.name, role: user.role }, { expiresIn: 2 });
    const socket = await connectSocket(gatewayA(), { token });
    sockets.push(socket);
    const reasons: string[] = [];
    socket.on('disconnect', (reason) => reasons.push(reason));

    await eventually(
      async () => reasons,
      (list) => list.length > 0,
      5000,
    );

    expect(reasons).toEqual(['io server disconnect']);
    const again = await connectSocket(gatewayA(), { token }).catch((error: Error) => error);
    expect((again as Error).message).toBe('Your session has expired. Please sign in again.');
  });

  it(`limits hold and release to ${LIVE_HOLD_RATE_LIMIT} a second per socket`, async () => {
    const [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const socket = await connect(gatewayA(), user);
    const burst = await Promise.all(
      Array.from({ length: LIVE_HOLD_RATE_LIMIT + 3 }, () => socket.emitWithAck('hold', { eventId: 'evt_x', seatIds: [], idempotencyKey: 'k' })),
    );
    const codes = burst.map((answer) => errorBodySchema.parse(answer).error);
    expect(codes.filter((code) => code === 'VALIDATION_FAILED')).toHaveLength(LIVE_HOLD_RATE_LIMIT);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(3);
    expect(errorBodySchema.parse(burst.at(-1)).details).toMatchObject({ retryAfterMs: expect.any(Number) });
    // Another socket of the same user has its own allowance.
    const second = await connect(gatewayA(), user);
    expect(errorBodySchema.parse(await second.emitWithAck('hold', { eventId: 'evt_x', seatIds: [], idempotencyKey: 'k' })).error).toBe('VALIDATION_FAILED');
  });

  it(`limits subscribes, which each ask the catalog, to ${LIVE_SUBSCRIBE_RATE_LIMIT} a second per socket`, async () => {
    const socket = await connect(gatewayA());
    const burst = await Promise.all(
      Array.from({ length: LIVE_SUBSCRIBE_RATE_LIMIT + 4 }, (_, i) => socket.emitWithAck(i % 2 === 0 ? 'subscribe' : 'lab.subscribe', { eventId: 'evt_eras' })),
    );
    const limited = burst.filter((answer) => errorBodySchema.safeParse(answer).data?.error === 'RATE_LIMITED');
    expect(limited).toHaveLength(4);
    expect(errorBodySchema.parse(limited[0]).details).toMatchObject({ retryAfterMs: expect.any(Number) });
    expect(burst.filter((answer) => !errorBodySchema.safeParse(answer).success)).toHaveLength(LIVE_SUBSCRIBE_RATE_LIMIT);
    // The allowance comes back: a second later the socket subscribes again.
    await eventually(
      () => socket.emitWithAck('subscribe', { eventId: 'evt_eras' }),
      (answer) => !errorBodySchema.safeParse(answer).success,
      3000,
    );
  });

  it('streams the decisions of a race to the lab room: who (by name), which seats, the outcome and where it sat in Kafka', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const users = await buildUsers(db, stack.config, 3, 'Racer');
    const racers = await Promise.all(users.map((user) => connect(gatewayA(), user)));
    const lab = await connect(gatewayB());
    expect(await lab.emitWithAck('lab.subscribe', { eventId })).toEqual({ ok: true });
    const decisions = received(lab, 'lab.decision');

    await Promise.all(racers.map((socket) => hold(socket, eventId, [seatIds[0]!])));

    await eventually(
      async () => decisions,
      (list) => list.length >= 3,
    );
    const parsed = decisions.map((decision) => labDecisionSchema.parse(decision));
    expect(parsed.map((d) => d.status).sort()).toEqual(['rejected', 'rejected', 'reserved']);
    expect(new Set(parsed.map((d) => d.userName))).toEqual(new Set(['Racer 1', 'Racer 2', 'Racer 3']));
    for (const decision of parsed) {
      expect(decision).toMatchObject({ eventId, seatIds: [seatIds[0]], commandId: expect.any(String), decidedInMs: expect.any(Number) });
      expect(JSON.stringify(decision)).not.toContain('@');
    }
    expect(parsed.filter((d) => d.status === 'rejected').every((d) => d.errorCode === 'SEAT_UNAVAILABLE' && d.reason)).toBe(true);
    // One partition (keyed by event), offsets in decision order.
    expect(new Set(parsed.map((d) => d.partition)).size).toBe(1);
    const offsets = parsed.map((d) => BigInt(d.offset));
    expect([...offsets].sort((a, b) => (a < b ? -1 : 1))).toEqual(offsets);
  });
});

describe('a booking over its lifetime, as a watcher sees it', () => {
  let stack: TestStack;
  let db: Pool;
  let user: BuiltUser;
  let socket: TestSocket;
  let watcher: TestSocket;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['catalog', 'booking', 'payment', 'gateway'],
      env: { HOLD_TTL: '3s', EXPIRY_SWEEP_INTERVAL_MS: '200', PAYMENT_LATENCY_MS: '50' },
    });
    [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    socket = await connectSocket(stack.url, { token: user.token });
    watcher = await connectSocket(stack.url);
  });

  afterAll(async () => {
    socket?.close();
    watcher?.close();
    await stack?.close();
    await db?.end();
  });

  /** Each seat status the watcher saw for `seatId`, with the versions, in order. */
  async function watch(eventId: string) {
    const deltas = received(watcher, SocketEvent.SeatUpdated);
    expect(await watcher.emitWithAck('subscribe', { eventId })).toEqual({ version: 0 });
    return {
      deltas,
      historyOf: (seatId: string) =>
        deltas.filter((d) => d.eventId === eventId).flatMap((d) => d.changes.filter((c) => c.seatId === seatId).map((c) => c.status)),
    };
  }

  it('available → reserved → paid → confirmed, with consecutive versions; the owner hears every step', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const { deltas, historyOf } = await watch(eventId);
    const updates = received(socket, 'booking.updated');
    const booking = bookingSchema.parse(await socket.emitWithAck('hold', { eventId, seatIds: [seatIds[0]!], idempotencyKey: uniqueId('key') }));

    const paying = await call(`${stack.url}/bookings/${booking.id}/pay`, { token: user.token, body: { card: '4242 4242 4242 4242' } });
    expect(paying.status).toBe(202);

    await eventually(
      async () => historyOf(seatIds[0]!),
      (history) => history.at(-1) === 'confirmed',
    );
    expect(historyOf(seatIds[0]!)).toEqual(['reserved', 'paid', 'confirmed']);
    expect(deltas.map((d) => [d.baseVersion, d.version])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    await eventually(
      async () => updates.map((u) => u.status),
      (statuses) => statuses.includes('confirmed'),
    );
    // Starting the payment answers with the booking still reserved (its hold extended): one status may repeat.
    const steps = updates.filter((u) => u.bookingId === booking.id).map((u) => u.status);
    expect(steps.filter((status, i) => status !== steps[i - 1])).toEqual(['reserved', 'paid', 'confirmed']);
  });

  it('reserved → available when the hold expires, and when it is released', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const { deltas, historyOf } = await watch(eventId);

    bookingSchema.parse(await socket.emitWithAck('hold', { eventId, seatIds: [seatIds[0]!], idempotencyKey: uniqueId('key') }));
    const released = bookingSchema.parse(await socket.emitWithAck('hold', { eventId, seatIds: [seatIds[1]!], idempotencyKey: uniqueId('key') }));
    expect(await socket.emitWithAck('release', { bookingId: released.id })).toEqual({ ok: true });

    await eventually(
      async () => historyOf(seatIds[0]!),
      (history) => history.at(-1) === 'available',
      15_000,
    );
    expect(historyOf(seatIds[0]!)).toEqual(['reserved', 'available']);
    // Held and released within one tick, the coalescer may send only the final state: what a map must show.
    await eventually(
      async () => historyOf(seatIds[1]!),
      (history) => history.at(-1) === 'available',
    );
    expect(historyOf(seatIds[1]!).filter((status) => status !== 'reserved')).toEqual(['available']);
    const versions = deltas.map((d) => [d.baseVersion, d.version]);
    expect(versions.every(([base, version], i) => version! > base! && (i === 0 ? base === 0 : base === versions[i - 1]![1]))).toBe(true);
    expect(versions.at(-1)![1]).toBe(4);
  });
});
