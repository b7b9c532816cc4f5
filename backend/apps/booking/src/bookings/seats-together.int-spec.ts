import { bookingSchema, errorBodySchema, type Booking } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

/** Each row's free seats as text, `.` free and `x` taken, e.g. `A ..xxxx....`. */
async function rowsOf(db: Pool, eventId: string): Promise<string[]> {
  const { rows } = await db.query<{ row: string; seats: string }>(
    `SELECT row, string_agg(CASE WHEN status = 'available' AND booking_id IS NULL THEN '.' ELSE 'x' END, '' ORDER BY number) AS seats
       FROM seats WHERE event_id = $1 GROUP BY row ORDER BY row`,
    [eventId],
  );
  return rows.map((row) => `${row.row} ${row.seats}`);
}

/** Free seats alone in their row: between taken seats or a taken seat and the row's end. */
const strandedIn = (rows: string[]): string[] => rows.filter((row) => /(^|x)\.(x|$)/.test(row.split(' ')[1]!));

describe('seats together, through REST, Kafka and PostgreSQL', () => {
  let stack: TestStack;
  let db: Pool;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['booking', 'gateway'] });
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  /** A hold's final answer: the 201 or 409 at once, or the decision a 202 was waiting for. */
  async function decided(token: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const answer = await call(`${stack.url}/bookings`, { token, body, timeoutMs: 30_000 });
    if (answer.status !== 202) return answer;
    const { id } = bookingSchema.parse(answer.body);
    const booking = await eventually(
      async () => bookingSchema.parse((await call(`${stack.url}/bookings/${id}`, { token })).body),
      (current) => current.status !== 'pending',
      30_000,
      200,
    );
    return { status: booking.status === 'reserved' ? 201 : 409, body: booking.status === 'reserved' ? booking : { error: booking.failureCode } };
  }

  it('50 buyers ask for the best 4 seats of a 100-seat event at once: each gets 4 together, none shared, no seat left alone, as many as the rows allow', async () => {
    const { eventId } = await buildEvent(db, { rows: 10, perRow: 10, noOrphanSeats: true });
    const buyers = await buildUsers(db, stack.config, 50);

    const answers = await Promise.all(buyers.map((buyer) => decided(buyer.token, { eventId, best: { count: 4 } })));

    const granted = answers.filter((answer) => answer.status === 201).map((answer) => bookingSchema.parse(answer.body));
    const refused = answers.filter((answer) => answer.status !== 201);
    // A row of ten seats two groups of four (3–6 and 7–10, or 1–4 and 5–8) and never three: 10 rows, 20 groups.
    expect(granted).toHaveLength(20);
    for (const answer of refused) expect(answer).toMatchObject({ status: 409, body: { error: 'NOT_ENOUGH_SEATS_TOGETHER' } });
    for (const booking of granted) {
      const seats = booking.seatIds.map((id) => id.slice(eventId.length + 1));
      const row = seats[0]!.charAt(0);
      const numbers = seats.map((label) => Number(label.slice(1))).sort((a, b) => a - b);
      expect(
        seats.every((label) => label.startsWith(row)),
        `${booking.id}: ${seats.join(' ')}`,
      ).toBe(true);
      expect(numbers, `${booking.id}: ${seats.join(' ')}`).toEqual([0, 1, 2, 3].map((i) => numbers[0]! + i));
    }
    const allSeats = granted.flatMap((booking) => booking.seatIds);
    expect(new Set(allSeats).size).toBe(80);
    const rows = await rowsOf(db, eventId);
    expect(strandedIn(rows)).toEqual([]);
    // What the database holds is what the answers say: 80 seats reserved, each by the booking that was told so.
    const { rows: held } = await db.query(`SELECT count(*)::int AS seats FROM seats WHERE event_id = $1 AND status = 'reserved'`, [eventId]);
    expect(held).toEqual([{ seats: 80 }]);
  });

  it('refuses a hold that would strand a seat, naming it, and holds nothing', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 6, noOrphanSeats: true });
    const [buyer] = await buildUsers(db, stack.config, 1);

    const answer = await call(`${stack.url}/bookings`, { token: buyer!.token, body: { eventId, seatIds: [seatIds[1], seatIds[2]] } });

    expect(answer.status).toBe(409);
    const error = errorBodySchema.parse(answer.body);
    expect(error.error).toBe('ORPHAN_SEAT');
    expect(error.message).toMatch(/seat A1 on its own/);
    expect(error.details).toMatchObject({ seatIds: [seatIds[0]] });
    expect(await rowsOf(db, eventId)).toEqual(['A ......']);
  });

  it('refuses a companion seat held alone and grants it with its wheelchair space', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 6 });
    await db.query(`UPDATE seats SET attributes = '{wheelchair}' WHERE id = $1`, [seatIds[0]]);
    await db.query(`UPDATE seats SET attributes = '{companion}' WHERE id = $1`, [seatIds[1]]);
    const [alice, bob] = await buildUsers(db, stack.config, 2);

    const alone = await call(`${stack.url}/bookings`, { token: alice!.token, body: { eventId, seatIds: [seatIds[1]] } });
    expect(alone.status).toBe(409);
    expect(errorBodySchema.parse(alone.body)).toMatchObject({ error: 'COMPANION_SEAT_ALONE', details: { seatIds: [seatIds[1]] } });

    const together = await decided(bob!.token, { eventId, best: { count: 2, accessible: true } });
    expect(together.status).toBe(201);
    expect((together.body as Booking).seatIds).toEqual([seatIds[0], seatIds[1]]);
  });

  it('refuses bad best-available requests with a 400 and holds nothing', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 6 });
    const [buyer] = await buildUsers(db, stack.config, 1);

    for (const body of [
      { eventId, best: { count: 0 } },
      { eventId, best: { count: 2, near: 'stage' } },
      { eventId, best: { count: 2 }, seatIds: [seatIds[0]] },
      { eventId },
      { eventId, best: { count: stack.config.MAX_SEATS_PER_BOOKING + 1 } },
    ]) {
      const answer = await call(`${stack.url}/bookings`, { token: buyer!.token, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(errorBodySchema.parse(answer.body).error).toBe('VALIDATION_FAILED');
    }
    expect(await rowsOf(db, eventId)).toEqual(['A ......']);
  });
});
