import { randomUUID } from 'node:crypto';
import { bookingSchema, errorBodySchema, queuePlaceSchema, SocketEvent, type QueuePlace } from '@seatstorm/contracts';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { connectSocket, startAnotherGateway, type TestSocket } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';
import { AdmissionPasses } from './admission-passes';
import { CLAIM_FLOOR_MS, WaitingRoomStore, type RoomClock } from './waiting-room.store';

/** A room that opens at a given time, with a fixed rate (null: adaptive). */
async function withRoom(db: Pool, options: { opensInMs?: number; perMinute?: number | null; paused?: boolean } = {}) {
  const event = await buildEvent(db, { rows: 4, perRow: 10 });
  const onSaleAt = new Date(Date.now() + (options.opensInMs ?? -60_000));
  await db.query(
    `UPDATE events SET waiting_room_enabled = true, admission_per_minute = $2, admission_paused = $3, on_sale_at = $4,
            status = CASE WHEN $4 <= now() THEN 'on_sale'::"EventStatus" ELSE 'scheduled'::"EventStatus" END WHERE id = $1`,
    [event.eventId, options.perMinute === undefined ? 600 : options.perMinute, options.paused ?? false, onSaleAt],
  );
  return { ...event, onSaleAt };
}

const join = async (url: string, eventId: string, user: BuiltUser): Promise<QueuePlace> => {
  const answer = await call(`${url}/events/${eventId}/queue`, { method: 'POST', token: user.token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return queuePlaceSchema.parse(answer.body);
};
const find = async (url: string, eventId: string, user: BuiltUser): Promise<QueuePlace> =>
  queuePlaceSchema.parse((await call(`${url}/events/${eventId}/queue`, { token: user.token })).body);
const admitted = (url: string, eventId: string, user: BuiltUser, timeoutMs = 10_000) =>
  eventually(
    () => find(url, eventId, user),
    (place) => place.status === 'admitted',
    timeoutMs,
  ) as Promise<Extract<QueuePlace, { status: 'admitted' }>>;

/** A deterministic stream of seeds, so the statistics below are the same on every run. */
function seededSeeds(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % 2 ** 31;
  };
}

describe('the waiting room store (real Redis)', () => {
  let redis: Redis;
  let store: WaitingRoomStore;
  const used: string[] = [];

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    store = new WaitingRoomStore(redis, { KAFKA_CLIENT_ID: `wrtest_${randomUUID().slice(0, 8)}` });
  });

  afterAll(async () => {
    for (const eventId of used) await store.forget(eventId);
    await redis.quit();
  });

  const room = (): string => {
    const eventId = `evt_wr_${randomUUID().slice(0, 12)}`;
    used.push(eventId);
    return eventId;
  };

  it('shuffles the pre-queue uniformly at the on-sale: arriving first gives no edge', async () => {
    const PEOPLE = 6;
    const RUNS = 1200;
    const nextSeed = seededSeeds(20261202);
    // counts[p][k]: how often the p-th to arrive got the k-th ticket.
    const counts = Array.from({ length: PEOPLE }, () => new Array<number>(PEOPLE).fill(0));
    const onSaleAt = 1_000_000;
    for (let run = 0; run < RUNS; run += 1) {
      const eventId = room();
      const clock = (now: number): RoomClock => ({ now, onSaleAt, passTtlMs: 600_000, seed: nextSeed() });
      for (let p = 0; p < PEOPLE; p += 1) expect((await store.place(eventId, `u${p}`, clock(onSaleAt - 1000 + p), true)).kind).toBe('pre');
      for (let p = 0; p < PEOPLE; p += 1) {
        const place = await store.place(eventId, `u${p}`, clock(onSaleAt + 1), false);
        if (place.kind !== 'queued') throw new Error(`u${p} has no ticket: ${JSON.stringify(place)}`);
        counts[p]![place.ticket - 1]! += 1;
      }
      await store.forget(eventId);
    }
    // Every arrival gets every ticket about RUNS / PEOPLE times: a χ² test with (6 − 1)² = 25 degrees
    // of freedom, whose 0.1 % critical value is 52.6. First-come order scores 6,000.
    const expected = RUNS / PEOPLE;
    const chiSquare = counts.flat().reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(52.6);
    // Each column is a permutation's: every ticket went to exactly one arrival per run.
    for (let k = 0; k < PEOPLE; k += 1) expect(counts.reduce((sum, row) => sum + row[k]!, 0)).toBe(RUNS);
  });

  it('after the on-sale, first come first served, one place per account, and leaving goes to the back', async () => {
    const eventId = room();
    const clock = (): RoomClock => ({ now: Date.now(), onSaleAt: 0, passTtlMs: 600_000, seed: 1 });
    const places = [];
    for (const user of ['a', 'b', 'c', 'd']) places.push(await store.place(eventId, user, clock(), true));
    expect(places).toEqual([
      { kind: 'queued', ticket: 1, ahead: 0 },
      { kind: 'queued', ticket: 2, ahead: 1 },
      { kind: 'queued', ticket: 3, ahead: 2 },
      { kind: 'queued', ticket: 4, ahead: 3 },
    ]);
    expect(await store.place(eventId, 'b', clock(), true)).toEqual({ kind: 'queued', ticket: 2, ahead: 1 });
    await store.leave(eventId, 'b');
    expect(await store.place(eventId, 'c', clock(), false)).toEqual({ kind: 'queued', ticket: 3, ahead: 1 });
    expect(await store.place(eventId, 'b', clock(), false)).toEqual({ kind: 'none' });
    expect(await store.place(eventId, 'b', clock(), true)).toEqual({ kind: 'queued', ticket: 5, ahead: 3 });
  });

  it('admits from the front, once, even when two tickers race', async () => {
    const eventId = room();
    const clock = (): RoomClock => ({ now: Date.now(), onSaleAt: 0, passTtlMs: 600_000, seed: 1 });
    for (const user of ['a', 'b', 'c', 'd', 'e']) await store.place(eventId, user, clock(), true);
    const { last } = await store.figures(eventId, Date.now(), 600_000);
    const tick = { lastSeen: last, admit: 2, carry: 0, rate: 120 };
    const [first, second] = await Promise.all([store.admit(eventId, clock(), tick), store.admit(eventId, clock(), tick)]);
    expect([...first!, ...second!]).toEqual(['a', 'b']);
    expect((await store.place(eventId, 'a', clock(), false)).kind).toBe('admitted');
    expect(await store.place(eventId, 'c', clock(), false)).toEqual({ kind: 'queued', ticket: 3, ahead: 0 });
    expect((await store.figures(eventId, Date.now(), 600_000)).admittedCount).toBe(2);
  });

  it('keeps the turn of a buyer let in while they could not ask: their pass runs from when they first do, within the claim window', async () => {
    const eventId = room();
    const passTtlMs = 20_000;
    const at = (now: number): RoomClock => ({ now, onSaleAt: 0, passTtlMs, seed: 1 });
    const t0 = Date.now();
    for (const user of ['late', 'prompt', 'gone']) await store.place(eventId, user, at(t0), true);
    const { last } = await store.figures(eventId, t0, passTtlMs);
    expect(await store.admit(eventId, at(t0 + 1000), { lastSeen: last, admit: 3, carry: 0, rate: 120 })).toEqual(['late', 'prompt', 'gone']);

    // Asked while the pass ran: it runs from the admission, as it always did, and ends with it.
    expect(await store.place(eventId, 'prompt', at(t0 + 5000), false)).toEqual({ kind: 'admitted', admittedAt: t0 + 1000 });
    expect(await store.place(eventId, 'prompt', at(t0 + 1000 + passTtlMs + 1), false)).toEqual({ kind: 'none' });
    // First asked once the pass would have run out (their gateway was down): the pass runs from now, once.
    const firstWord = t0 + 1000 + passTtlMs + 5000;
    expect(await store.place(eventId, 'late', at(firstWord), false)).toEqual({ kind: 'admitted', admittedAt: firstWord });
    expect(await store.place(eventId, 'late', at(firstWord + 1000), false)).toEqual({ kind: 'admitted', admittedAt: firstWord });
    expect(await store.place(eventId, 'late', at(firstWord + passTtlMs + 1), false)).toEqual({ kind: 'none' });
    // Past the claim window (its floor here, five minutes) an admission nobody asked about has lapsed: joining again goes to the back.
    expect(await store.place(eventId, 'gone', at(t0 + 1000 + CLAIM_FLOOR_MS + 1), false)).toEqual({ kind: 'none' });
    expect(await store.place(eventId, 'gone', at(t0 + 1000 + CLAIM_FLOOR_MS + 2), true)).toMatchObject({ kind: 'queued', ahead: 0 });
  });
});

describe('the waiting room through the gateway (real Kafka, PostgreSQL, Redis)', () => {
  let db: Pool;
  let stack: TestStack;
  let passes: AdmissionPasses;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['catalog', 'booking', 'gateway'], env: { WAITING_ROOM_TICK_MS: '200' } });
    passes = new AdmissionPasses(stack.config);
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  const liveBookingsOf = async (eventId: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1 AND status IN ('reserved', 'paid', 'confirmed')`, [eventId])).rows[0].n;

  it('refuses a hold without a pass while the room is on, over REST and the socket, and no seat is taken', async () => {
    const event = await withRoom(db, { paused: true });
    const [buyer] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const refused = await call(`${stack.url}/bookings`, { token: buyer.token, body: { eventId: event.eventId, seatIds: [event.seatIds[0]] } });
    expect(refused.status).toBe(403);
    expect(errorBodySchema.parse(refused.body).error).toBe('ADMISSION_REQUIRED');
    const socket = await connectSocket(stack.url, { token: buyer.token });
    try {
      const ack = await socket.emitWithAck(SocketEvent.Hold, { eventId: event.eventId, seatIds: [event.seatIds[1]!], idempotencyKey: `hold-${randomUUID()}` });
      expect(errorBodySchema.parse(ack).error).toBe('ADMISSION_REQUIRED');
    } finally {
      socket.close();
    }
    // Decided by the booking core, recorded as refused: nothing holds a seat.
    expect(await liveBookingsOf(event.eventId)).toBe(0);
    expect((await db.query(`SELECT count(*)::int AS n FROM seats WHERE event_id = $1 AND status <> 'available'`, [event.eventId])).rows[0].n).toBe(0);
  });

  it('applies a room turned on at once: the next hold without a pass is refused', async () => {
    const event = await buildEvent(db);
    const [buyer] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const hold = (seat: string) => call(`${stack.url}/bookings`, { token: buyer.token, body: { eventId: event.eventId, seatIds: [seat] } });
    expect((await hold(event.seatIds[0]!)).status).toBe(201);
    await db.query(`UPDATE events SET waiting_room_enabled = true WHERE id = $1`, [event.eventId]);
    expect(errorBodySchema.parse((await hold(event.seatIds[1]!)).body).error).toBe('ADMISSION_REQUIRED');
  });

  it('lets a buyer in at the rate, with a pass that holds seats; refuses forged, expired and borrowed passes', async () => {
    const event = await withRoom(db, { perMinute: 600 });
    const [buyer, other] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];
    expect((await join(stack.url, event.eventId, buyer)).status).toBe('waiting');
    const place = await admitted(stack.url, event.eventId, buyer);
    expect(Date.parse(place.passExpiresAt) - Date.now()).toBeGreaterThan((stack.config.WAITING_ROOM_PASS_TTL - 5) * 1000);

    const hold = (token: string, admissionPass: string, seat = event.seatIds[0]) =>
      call(`${stack.url}/bookings`, { token, body: { eventId: event.eventId, seatIds: [seat], admissionPass } });
    const expired = passes.issue(buyer.id, event.eventId, Date.now() - (stack.config.WAITING_ROOM_PASS_TTL + 60) * 1000).pass;
    const forged = `${place.pass.slice(0, -4)}${place.pass.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const otherEvent = passes.issue(buyer.id, 'evt_elsewhere', Date.now()).pass;
    for (const [pass, reason] of [
      [expired, 'expired'],
      [forged, 'invalid'],
      [otherEvent, 'other-event'],
    ] as const) {
      const refused = await hold(buyer.token, pass);
      expect(refused.status, reason).toBe(403);
      expect(errorBodySchema.parse(refused.body)).toMatchObject({ error: 'ADMISSION_REQUIRED', details: { reason } });
    }
    const borrowed = await hold(other.token, place.pass, event.seatIds[1]);
    expect(errorBodySchema.parse(borrowed.body)).toMatchObject({ error: 'ADMISSION_REQUIRED', details: { reason: 'other-user' } });
    expect(await liveBookingsOf(event.eventId)).toBe(0);

    const granted = await hold(buyer.token, place.pass);
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect(bookingSchema.parse(granted.body).status).toBe('reserved');
  });

  it('pushes the room over the socket: updates every tick, then the pass, which holds over the socket', async () => {
    const event = await withRoom(db, { perMinute: 300 });
    const [early, buyer] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];
    await join(stack.url, event.eventId, early);
    const socket: TestSocket = await connectSocket(stack.url, { token: buyer.token });
    try {
      const updates: number[] = [];
      socket.on(SocketEvent.QueueUpdated, (stats) => updates.push(stats.admittedCount));
      const admission = new Promise<{ pass: string }>((resolve) => socket.once(SocketEvent.QueueAdmitted, resolve));
      const place = queuePlaceSchema.parse(await socket.emitWithAck(SocketEvent.QueueJoin, { eventId: event.eventId }));
      expect(place).toMatchObject({ status: 'waiting', ticket: 2, ahead: 1 });
      const { pass } = await admission;
      expect(updates.length).toBeGreaterThan(0);
      const booking = await socket.emitWithAck(SocketEvent.Hold, {
        eventId: event.eventId,
        seatIds: [event.seatIds[5]!],
        idempotencyKey: `hold-${randomUUID()}`,
        admissionPass: pass,
      });
      expect(bookingSchema.parse(booking).status).toBe('reserved');
    } finally {
      socket.close();
    }
  });

  it('keeps one queue for two gateways, and every place across a gateway restart', async () => {
    const event = await withRoom(db, { paused: true });
    const buyers = await buildUsers(db, stack.config, 6);
    const second = await startAnotherGateway(stack.config);
    const tickets: number[] = [];
    try {
      for (const [i, buyer] of buyers.entries()) {
        const place = await join(i % 2 === 0 ? stack.url : second.url, event.eventId, buyer);
        if (place.status !== 'waiting') throw new Error(JSON.stringify(place));
        tickets.push(place.ticket!);
      }
      expect(tickets).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await second.close();
    }
    // The gateway that took half the places is gone; a fresh one finds every place where it was.
    const third = await startAnotherGateway(stack.config);
    try {
      for (const [i, buyer] of buyers.entries()) {
        expect(await find(third.url, event.eventId, buyer)).toMatchObject({ status: 'waiting', ticket: i + 1, ahead: i });
      }
    } finally {
      await third.close();
    }
  });

  it('answers 404 for an event without a room, and 401 without signing in', async () => {
    const event = await buildEvent(db);
    const [buyer] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const answer = await call(`${stack.url}/events/${event.eventId}/queue`, { method: 'POST', token: buyer.token });
    expect(answer.status).toBe(404);
    expect((await call(`${stack.url}/events/${event.eventId}/queue`, { method: 'POST' })).status).toBe(401);
  });
});
