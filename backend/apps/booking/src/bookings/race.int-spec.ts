import { errorBodySchema, bookingSchema, Topic } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdCommand } from '../../../../test/builders/command.builder';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { call } from '../../../../test/http';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';

/** Seats held by more than one live booking: must always be empty. */
async function doubleBooked(db: Pool, eventId: string): Promise<unknown[]> {
  const { rows } = await db.query(
    `SELECT bs.seat_id, count(*) FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id
      WHERE b.event_id = $1 AND b.status IN ('reserved', 'paid', 'confirmed')
      GROUP BY bs.seat_id HAVING count(*) > 1`,
    [eventId],
  );
  return rows;
}

describe('the race for seats, through REST, Kafka and PostgreSQL', () => {
  let stack: TestStack;
  let db: Pool;
  /** Puts commands straight onto the topic, as a forged or stale client could. */
  let producer: MessageProducer;
  let bookingEvents: KafkaProbe<typeof Topic.BookingEvents>;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['booking', 'gateway'] });
    producer = new MessageProducer(stack.config, 'race-test');
    bookingEvents = await KafkaProbe.start(stack.config, Topic.BookingEvents);
  });

  afterAll(async () => {
    await producer?.onApplicationShutdown();
    await bookingEvents?.close();
    await stack?.close();
    await db?.end();
  });

  const hold = (token: string, eventId: string, seatIds: string[], headers?: Record<string, string>) =>
    call(`${stack.url}/bookings`, { token, body: { eventId, seatIds }, headers });

  it('3 users, 1 seat, the same instant: exactly one reserved, two 409 naming the seat', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const seat = seatIds[0]!;
    const users = await buildUsers(db, stack.config, 3);

    const answers = await Promise.all(users.map((user) => hold(user.token, eventId, [seat])));

    const won = answers.filter((answer) => answer.status === 201);
    const lost = answers.filter((answer) => answer.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    const booking = bookingSchema.parse(won[0]!.body);
    expect(booking).toMatchObject({ status: 'reserved', seatIds: [seat], amount: 10000 });
    expect(Date.parse(booking.expiresAt!)).toBeGreaterThan(Date.now());
    for (const answer of lost) {
      const error = errorBodySchema.parse(answer.body);
      expect(error.error).toBe('SEAT_UNAVAILABLE');
      // People read the seat's label; clients get its id in the details.
      expect(error.message).toBe(`Seat ${seat.slice(eventId.length + 1)} is no longer available.`);
      expect(error.details).toMatchObject({ seatIds: [seat] });
    }
    const { rows } = await db.query(`SELECT status, booking_id FROM seats WHERE id = $1`, [seat]);
    expect(rows).toEqual([{ status: 'reserved', booking_id: booking.id }]);
    // The losers' bookings keep the code beside the words, for clients that ask again later.
    const losers = await db.query(`SELECT status::text, failure_code FROM bookings WHERE event_id = $1 AND id <> $2`, [eventId, booking.id]);
    expect(losers.rows).toEqual([
      { status: 'rejected', failure_code: 'SEAT_UNAVAILABLE' },
      { status: 'rejected', failure_code: 'SEAT_UNAVAILABLE' },
    ]);
    expect(await doubleBooked(db, eventId)).toEqual([]);
  });

  it('200 concurrent holds on one seat: exactly one winner', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const users = await buildUsers(db, stack.config, 200);

    const answers = await Promise.all(users.map((user) => hold(user.token, eventId, [seatIds[3]!])));

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(199);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1 AND status = 'reserved'`, [eventId]);
    expect(rows[0].n).toBe(1);
  });

  it('100 users on 16 seats with overlapping multi-seat requests: no seat twice, every winner holds all its seats', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 2, perRow: 8 });
    const users = await buildUsers(db, stack.config, 100);
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const requests = users.map((user) => {
      const start = Math.floor(random() * 16);
      const size = 1 + Math.floor(random() * 4);
      return { user, seats: [...new Set(Array.from({ length: size }, (_, i) => seatIds[(start + i * 3) % 16]!))] };
    });

    const answers = await Promise.all(requests.map(({ user, seats }) => hold(user.token, eventId, seats)));

    expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    const winners = answers.filter((answer) => answer.status === 201).map((answer) => bookingSchema.parse(answer.body));
    expect(winners.length).toBeGreaterThan(0);
    expect(await doubleBooked(db, eventId)).toEqual([]);
    const { rows } = await db.query<{ id: string; status: string; booking_id: string | null }>(`SELECT id, status, booking_id FROM seats WHERE event_id = $1`, [
      eventId,
    ]);
    const seats = new Map(rows.map((row) => [row.id, row]));
    for (const winner of winners) {
      for (const seatId of winner.seatIds) expect(seats.get(seatId)).toMatchObject({ status: 'reserved', booking_id: winner.id });
    }
    const held = rows.filter((row) => row.status === 'reserved').length;
    expect(held).toBe(winners.reduce((total, winner) => total + winner.seatIds.length, 0));
    // Every loser was refused for a seat a winner holds.
    for (const answer of answers.filter((a) => a.status === 409)) {
      const { details } = errorBodySchema.parse(answer.body);
      const lostSeats = (details as { seatIds: string[] }).seatIds;
      expect(lostSeats.length).toBeGreaterThan(0);
      for (const seatId of lostSeats) expect(seats.get(seatId)?.status).toBe('reserved');
    }
  });

  it('a repeated Idempotency-Key answers the same booking and holds once', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = await buildUsers(db, stack.config, 1);
    const headers = { 'idempotency-key': `retry-${eventId}` };

    const first = await hold(user!.token, eventId, [seatIds[0]!, seatIds[1]!], headers);
    const again = await hold(user!.token, eventId, [seatIds[0]!, seatIds[1]!], headers);

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    // The same booking, to the field: answered from the replayed decision, which carries the whole booking.
    expect(bookingSchema.parse(again.body)).toEqual(bookingSchema.parse(first.body));
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1`, [eventId]);
    expect(rows[0].n).toBe(1);
  });

  it('answers a hold for an event that does not exist with 404, and keeps deciding the holds behind it', async () => {
    const [user] = await buildUsers(db, stack.config, 1);
    const missing = await hold(user!.token, 'evt_missing_event', ['evt_missing_event_A1']);
    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(missing.body).error).toBe('NOT_FOUND');
    const { eventId, seatIds } = await buildEvent(db);
    expect((await hold(user!.token, eventId, [seatIds[0]!])).status).toBe(201);
  });

  it('refuses a hold from a user who does not exist, decides the holds sent with it, and keeps deciding the holds behind it', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [alice, bob, carol, dave] = await buildUsers(db, stack.config, 4);
    const ghost = uniqueId('usr_gone');
    // One burst on one event, in this order: the ghost asks for seats Bob then wins.
    const burst = [
      holdCommand(eventId, alice!.id, [seatIds[0]!]),
      holdCommand(eventId, ghost, [seatIds[1]!, seatIds[2]!]),
      holdCommand(eventId, bob!.id, [seatIds[1]!]),
      holdCommand(eventId, carol!.id, [seatIds[0]!]),
    ];

    await producer.publish(Topic.BookingCommands, burst);

    const answers = await Promise.all(burst.map((command) => bookingEvents.waitFor((event) => event.commandId === command.commandId)));
    expect(answers).toMatchObject([
      { userId: alice!.id, status: 'reserved', seatIds: [seatIds[0]] },
      {
        userId: ghost,
        status: 'rejected',
        errorCode: 'UNAUTHORIZED',
        reason: 'Your account no longer exists. Please sign in again.',
      },
      { userId: bob!.id, status: 'reserved', seatIds: [seatIds[1]] },
      { userId: carol!.id, status: 'rejected', errorCode: 'SEAT_UNAVAILABLE', unavailableSeatIds: [seatIds[0]] },
    ]);
    const stored = await db.query(
      `SELECT (SELECT count(*)::int FROM bookings WHERE user_id = $1) AS bookings,
              (SELECT count(*)::int FROM booking_seats WHERE booking_id = $2) AS claims`,
      [ghost, burst[1]!.bookingId],
    );
    expect(stored.rows).toEqual([{ bookings: 0, claims: 0 }]);
    const { rows: seats } = await db.query(`SELECT status::text, booking_id FROM seats WHERE id = ANY($1) ORDER BY id`, [seatIds.slice(0, 3)]);
    expect(seats).toEqual([
      { status: 'reserved', booking_id: burst[0]!.bookingId },
      { status: 'reserved', booking_id: burst[2]!.bookingId },
      { status: 'available', booking_id: null },
    ]);

    // The event's partition still flows: a later hold is decided while its sender waits (201, not 202 pending).
    const later = await hold(dave!.token, eventId, [seatIds[2]!]);
    expect(later.status).toBe(201);
    expect(bookingSchema.parse(later.body)).toMatchObject({ status: 'reserved', seatIds: [seatIds[2]] });
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = await buildUsers(db, stack.config, 1);
    const cases = [
      { eventId, seatIds: [] },
      { eventId, seatIds: [seatIds[0], seatIds[0]] },
      { eventId: 'bad id!', seatIds: [seatIds[0]] },
      { seatIds: [seatIds[0]] },
    ];
    for (const body of cases) {
      const answer = await call(`${stack.url}/bookings`, { token: user!.token, body });
      expect(answer.status).toBe(400);
      expect(errorBodySchema.parse(answer.body).error).toBe('VALIDATION_FAILED');
    }
    const unauthenticated = await call(`${stack.url}/bookings`, { body: { eventId, seatIds: [seatIds[0]] } });
    expect(unauthenticated.status).toBe(401);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1`, [eventId]);
    expect(rows[0].n).toBe(0);
  });
});
