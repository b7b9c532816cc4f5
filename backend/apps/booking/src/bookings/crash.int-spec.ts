import { bookingSchema, errorBodySchema, Topic, type SeatChange, type SeatUpdated } from '@seatstorm/contracts';
import { kafkaIdOf } from '@seatstorm/kafka';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { ServiceProcess } from '../../../../test/service-process';
import { startStack, type TestStack } from '../../../../test/stack';

const USERS = 40;
const ATTEMPTS_PER_USER = 3;
/** The booking process is killed once this many of the burst's commands are decided. */
const KILL_AFTER_DECISIONS = 10;

interface Attempt {
  user: BuiltUser;
  seatIds: string[];
}

interface Answer extends Attempt {
  status: number;
  bookingId: string;
}

/** Overlapping holds of 1–4 seats, from a seeded generator so a failure can be replayed. */
function planBurst(users: readonly BuiltUser[], seatIds: readonly string[]): Attempt[][] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return users.map((user) =>
    Array.from({ length: ATTEMPTS_PER_USER }, () => {
      const start = Math.floor(random() * seatIds.length);
      const size = 1 + Math.floor(random() * 4);
      return { user, seatIds: [...new Set(Array.from({ length: size }, (_, i) => seatIds[(start + i * 7) % seatIds.length]!))] };
    }),
  );
}

/** The booking a POST /bookings answer is about: the body of a 201/202, or the details of a 409. */
function bookingIdOf(status: number, body: unknown): string {
  if (status === 409) return (errorBodySchema.parse(body).details as { bookingId: string }).bookingId;
  return bookingSchema.parse(body).id;
}

/** A seat map as the chain of deltas paints it, starting from every seat available. */
function replay(seatIds: readonly string[], chain: readonly SeatUpdated[]): Map<string, Omit<SeatChange, 'seatId'>> {
  const seats = new Map(seatIds.map((id) => [id, { status: 'available' as SeatChange['status'], bookingId: null as string | null }]));
  for (const delta of chain) for (const { seatId, status, bookingId } of delta.changes) seats.set(seatId, { status, bookingId });
  return seats;
}

describe('a crash of the booking process in the middle of a burst', () => {
  let stack: TestStack;
  let db: Pool;
  let booking: ServiceProcess;
  let seatUpdates: KafkaProbe<typeof Topic.SeatUpdated>;

  beforeAll(async () => {
    db = testDb();
    // The gateway runs here; the booking service runs in a process of its own, which can be killed.
    // Holds sent while it is down answer 202 after 2 s rather than 3, so the burst ends sooner.
    stack = await startStack({ services: ['gateway'], env: { HOLD_DECISION_WAIT_MS: '2000' } });
    booking = new ServiceProcess({ services: ['booking'], config: stack.config, groups: [kafkaIdOf(stack.config, 'booking')] });
    await booking.start();
    seatUpdates = await KafkaProbe.start(stack.config, Topic.SeatUpdated);
  });

  afterAll(async () => {
    await booking?.kill();
    await seatUpdates?.close();
    await stack?.close();
    await db?.end();
  });

  const decidedHolds = async (eventId: string): Promise<number> =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM processed_commands WHERE event_id = $1 AND type = 'hold'`, [eventId])).rows[0]!.n;
  const unpublishedCount = async (eventId: string): Promise<number> =>
    (await db.query(`SELECT 1 FROM outbox_messages WHERE key = $1 AND published_at IS NULL`, [eventId])).rowCount ?? 0;

  it(
    'SIGKILL mid-burst, restart: no seat twice, every 201 holds its seats, seat.updated gap-free in the outbox and on Kafka',
    { timeout: 120_000 },
    async () => {
      const { eventId, seatIds } = await buildEvent(db, { rows: 6, perRow: 10 });
      const users = await buildUsers(db, stack.config, USERS);
      const plan = planBurst(users, seatIds);

      // Each user holds one attempt after another, so commands keep arriving around the kill.
      const answers: Answer[] = [];
      const burst = Promise.all(
        plan.map(async (attempts) => {
          for (const attempt of attempts) {
            const { status, body } = await call(`${stack.url}/bookings`, { token: attempt.user.token, body: { eventId, seatIds: attempt.seatIds } });
            expect(status, JSON.stringify(body)).toBeOneOf([201, 202, 409]);
            answers.push({ ...attempt, status, bookingId: bookingIdOf(status, body) });
          }
        }),
      );
      await eventually(
        () => decidedHolds(eventId),
        (n) => n >= KILL_AFTER_DECISIONS,
        30_000,
        5,
      );
      // Aim at the riskiest moment: decisions committed, their messages not yet
      // published (a window of a few ms); if the polls miss it, any moment will do.
      await eventually(
        () => unpublishedCount(eventId),
        (n) => n > 0,
        3_000,
        1,
      ).catch(() => undefined);
      await booking.kill();
      const decidedBeforeKill = await decidedHolds(eventId);
      await booking.start();
      await burst;

      const attempts = USERS * ATTEMPTS_PER_USER;
      expect(answers).toHaveLength(attempts);
      expect(decidedBeforeKill, 'the kill came before the burst was over').toBeLessThan(attempts);

      // Every hold is decided, exactly once, and every message the decisions produced is published.
      const bookingIds = answers.map((answer) => answer.bookingId);
      await eventually(
        async () => (await db.query(`SELECT id FROM bookings WHERE id = ANY($1) AND status <> 'pending'`, [bookingIds])).rowCount,
        (decided) => decided === attempts,
        60_000,
      );
      expect(await decidedHolds(eventId)).toBe(attempts);
      await eventually(
        () => unpublishedCount(eventId),
        (n) => n === 0,
        30_000,
      );

      // No seat is held by two live bookings.
      const { rows: doubleBooked } = await db.query(
        `SELECT bs.seat_id FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id
        WHERE b.event_id = $1 AND b.status IN ('reserved', 'paid', 'confirmed') GROUP BY bs.seat_id HAVING count(*) > 1`,
        [eventId],
      );
      expect(doubleBooked).toEqual([]);

      // Every seat and the bookings table agree: a seat is reserved exactly when a live booking claims it.
      const { rows: live } = await db.query<{ id: string; seat_ids: string[] }>(
        `SELECT b.id, array_agg(bs.seat_id ORDER BY bs.seat_id) AS seat_ids FROM bookings b JOIN booking_seats bs ON bs.booking_id = b.id
        WHERE b.event_id = $1 AND b.status = 'reserved' GROUP BY b.id`,
        [eventId],
      );
      const holder = new Map(live.flatMap((row) => row.seat_ids.map((seatId) => [seatId, row.id] as const)));
      const { rows: seats } = await db.query<{ id: string; status: string; booking_id: string | null }>(
        `SELECT id, status::text AS status, booking_id FROM seats WHERE event_id = $1 ORDER BY id`,
        [eventId],
      );
      const expectedSeats = seats.map((seat) =>
        holder.has(seat.id) ? { id: seat.id, status: 'reserved', booking_id: holder.get(seat.id) } : { id: seat.id, status: 'available', booking_id: null },
      );
      expect(seats).toEqual(expectedSeats);

      // Every hold answered 201 holds all its seats.
      const won = answers.filter((answer) => answer.status === 201);
      expect(won.length).toBeGreaterThan(0);
      for (const answer of won) {
        expect(live.find((row) => row.id === answer.bookingId)?.seat_ids, `booking ${answer.bookingId}`).toEqual([...answer.seatIds].sort());
      }

      // The outbox holds one gap-free chain of seat deltas, from version 0 to the event's seat version…
      const { rows: outbox } = await db.query<{ payload: SeatUpdated }>(`SELECT payload FROM outbox_messages WHERE topic = $1 AND key = $2 ORDER BY id`, [
        Topic.SeatUpdated,
        eventId,
      ]);
      const chain = outbox.map((row) => row.payload);
      const { rows: event } = await db.query<{ seat_version: number }>(`SELECT seat_version FROM events WHERE id = $1`, [eventId]);
      const finalVersion = event[0]!.seat_version;
      expect(chain.map((delta) => [delta.baseVersion, delta.version])).toEqual(Array.from({ length: finalVersion }, (_, i) => [i, i + 1]));
      // …that paints exactly the seats the database has.
      const painted = replay(seatIds, chain);
      expect(seats.map((seat) => ({ id: seat.id, ...painted.get(seat.id) }))).toEqual(
        seats.map((seat) => ({ id: seat.id, status: seat.status, bookingId: seat.booking_id })),
      );

      // Kafka delivered that chain: duplicates from the republished outbox are allowed, gaps are not.
      const delivered = await eventually(
        async () => seatUpdates.messages.filter((message) => message.eventId === eventId),
        (messages) => new Set(messages.map((message) => message.version)).size >= finalVersion,
        30_000,
      );
      const firstOfEachVersion = delivered.filter((message, i) => delivered.findIndex((other) => other.version === message.version) === i);
      expect(firstOfEachVersion).toEqual(chain);
    },
  );
});
