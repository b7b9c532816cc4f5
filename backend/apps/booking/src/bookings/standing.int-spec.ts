import { bookingSchema, errorBodySchema, seatSnapshotSchema, Topic, type Booking, type BookingStatus } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStandingEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

const VISA = '4242 4242 4242 4242';

/** Standing areas on the real stack (docs/architecture.md §15): places are held like seats, never more than the area holds. */
describe('standing places, through REST, Kafka and PostgreSQL', () => {
  let stack: TestStack;
  let db: Pool;

  /** Holds live long enough that none expires during a test, unless the test starts a stack where they do not. */
  const ENV = { PAYMENT_LATENCY_MS: '20', HOLD_REQUEST_DEADLINE: '60s', HOLD_DECISION_WAIT_MS: '20000' };
  const SERVICES = ['booking', 'payment', 'catalog', 'gateway'] as const;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: [...SERVICES], env: ENV });
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  const hold = (user: BuiltUser, body: Record<string, unknown>) => call(`${stack.url}/bookings`, { token: user.token, body, timeoutMs: 60_000 });
  const booking = async (user: BuiltUser, id: string): Promise<Booking> =>
    bookingSchema.parse((await call(`${stack.url}/bookings/${id}`, { token: user.token })).body);
  const until = (user: BuiltUser, id: string, status: BookingStatus) =>
    eventually(
      () => booking(user, id),
      (current) => current.status === status,
      20_000,
    );

  /** What the buyer's map says: the area's places left, from GET /events/:id/seats. */
  async function placesLeft(eventId: string): Promise<{ capacity: number; available: number; seats: number }> {
    const snapshot = seatSnapshotSchema.parse((await call(`${stack.url}/events/${eventId}/seats`)).body);
    const floor = snapshot.areas.find((area) => area.id === 'Floor');
    return { capacity: floor?.capacity ?? 0, available: floor?.available ?? -1, seats: snapshot.seats.length };
  }

  /** Places held by live bookings, from the database, and any place two live bookings claim. */
  async function heldInDatabase(eventId: string): Promise<{ held: number; claimedTwice: number; mismatched: number }> {
    const { rows } = await db.query<{ held: number; claimedTwice: number; mismatched: number }>(
      `SELECT (SELECT count(*)::int FROM seats WHERE event_id = $1 AND section = 'Floor' AND status <> 'available') AS held,
              (SELECT count(*)::int FROM (SELECT bs.seat_id FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id
                  WHERE b.event_id = $1 AND b.status IN ('reserved', 'paid', 'confirmed') GROUP BY bs.seat_id HAVING count(*) > 1) twice) AS "claimedTwice",
              (SELECT count(*)::int FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id JOIN seats s ON s.id = bs.seat_id
                  WHERE b.event_id = $1 AND b.status IN ('reserved', 'paid', 'confirmed') AND s.booking_id IS DISTINCT FROM b.id) AS mismatched`,
      [eventId],
    );
    return rows[0]!;
  }

  it('500 concurrent holds of 1–3 places on a 100-place floor: exactly 100 places granted, none twice, the database and the map agree', async () => {
    const { eventId } = await buildStandingEvent(db, { capacity: 100 });
    const buyers = await buildUsers(db, stack.config, 500);
    const quantities = buyers.map((_, i) => 1 + (i % 3));

    const answers = await Promise.all(buyers.map((buyer, i) => hold(buyer, { eventId, ga: { areaId: 'Floor', quantity: quantities[i] } })));

    expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 409)).toEqual([]);
    const granted = answers.flatMap((answer, i) => (answer.status === 201 ? [{ booking: bookingSchema.parse(answer.body), quantity: quantities[i]! }] : []));
    for (const { booking: held, quantity } of granted) {
      expect(held.seatIds).toHaveLength(quantity);
      expect(held.amount).toBe(quantity * 3000);
    }
    for (const answer of answers.filter((answer) => answer.status === 409)) expect(errorBodySchema.parse(answer.body).error).toBe('NOT_ENOUGH_PLACES');
    const places = granted.flatMap(({ booking: held }) => held.seatIds);
    // Demand (1,000 places) far exceeds the floor, and holds of one place keep coming after it is nearly full: it fills exactly.
    expect(places).toHaveLength(100);
    expect(new Set(places).size).toBe(100);
    expect(places.every((id) => id.startsWith(`${eventId}_Floor-`))).toBe(true);
    expect(await heldInDatabase(eventId)).toEqual({ held: 100, claimedTwice: 0, mismatched: 0 });
    expect(await placesLeft(eventId)).toEqual({ capacity: 100, available: 0, seats: 4 });
  });

  it('cancel, expiry and refund give places back: the count goes up again and the places can be held again', async () => {
    const longLived = stack;
    stack = await startStack({ services: [...SERVICES], env: { ...ENV, HOLD_TTL: '2s', EXPIRY_SWEEP_INTERVAL_MS: '200' } });
    try {
      await givesPlacesBack();
    } finally {
      await stack.close();
      stack = longLived;
    }
  }, 60_000);

  async function givesPlacesBack(): Promise<void> {
    const { eventId } = await buildStandingEvent(db, { capacity: 6 });
    const [alice, bob, carol] = (await buildUsers(db, stack.config, 3)) as [BuiltUser, BuiltUser, BuiltUser];

    // Alice holds 2 and pays; Bob holds 2 and lets them expire; Carol holds 2 and cancels.
    const paid = bookingSchema.parse((await hold(alice, { eventId, ga: { areaId: 'Floor', quantity: 2 } })).body);
    expect((await call(`${stack.url}/bookings/${paid.id}/pay`, { token: alice.token, body: { card: VISA } })).status).toBe(202);
    await until(alice, paid.id, 'confirmed');
    const expiring = bookingSchema.parse((await hold(bob, { eventId, ga: { areaId: 'Floor', quantity: 2 } })).body);
    const cancelled = bookingSchema.parse((await hold(carol, { eventId, ga: { areaId: 'Floor', quantity: 2 } })).body);
    expect((await hold(carol, { eventId, ga: { areaId: 'Floor', quantity: 1 } })).status).toBe(409);

    expect((await call(`${stack.url}/bookings/${cancelled.id}/cancel`, { token: carol.token, body: {} })).status).toBe(200);
    await until(bob, expiring.id, 'expired');
    expect(
      await eventually(
        () => placesLeft(eventId),
        (left) => left.available === 4,
      ),
    ).toMatchObject({ capacity: 6, available: 4 });

    expect((await call(`${stack.url}/bookings/${paid.id}/cancel`, { token: alice.token, body: {} })).status).toBe(200);
    await until(alice, paid.id, 'refunded');
    expect(
      await eventually(
        () => placesLeft(eventId),
        (left) => left.available === 6,
      ),
    ).toMatchObject({ available: 6 });
    // Tickets were one per place, and are revoked with the refund.
    const tickets = await db.query(`SELECT seat_id, status::text FROM tickets WHERE booking_id = $1 ORDER BY seat_id`, [paid.id]);
    expect(tickets.rows.map((ticket) => [ticket.seat_id, ticket.status])).toEqual([...paid.seatIds].sort().map((id) => [id, 'revoked']));

    const again = await hold(carol, { eventId, ga: { areaId: 'Floor', quantity: 6 } });
    expect(again.status).toBe(201);
    expect(await heldInDatabase(eventId)).toEqual({ held: 6, claimedTwice: 0, mismatched: 0 });
  }

  it('holds seats and places together all or nothing: too few places, and the seat is not held either', async () => {
    const { eventId, seatIds } = await buildStandingEvent(db, { capacity: 3, seats: 4 });
    const [alice, bob] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];

    const tooMany = await hold(alice, { eventId, seatIds: [seatIds[0]], ga: { areaId: 'Floor', quantity: 4 } });
    expect(tooMany.status).toBe(409);
    expect(errorBodySchema.parse(tooMany.body)).toMatchObject({ error: 'NOT_ENOUGH_PLACES' });
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM seats WHERE event_id = $1 AND status <> 'available'`, [eventId]);
    expect(rows[0].n).toBe(0);

    const together = await hold(bob, { eventId, seatIds: [seatIds[0]], ga: { areaId: 'Floor', quantity: 3 } });
    expect(together.status).toBe(201);
    const held = bookingSchema.parse(together.body);
    expect(held.seatIds).toEqual([seatIds[0], `${eventId}_Floor-1`, `${eventId}_Floor-2`, `${eventId}_Floor-3`]);
    expect(held.amount).toBe(5000 + 3 * 3000);
    expect(await placesLeft(eventId)).toEqual({ capacity: 3, available: 0, seats: 4 });
  });

  it('every delta that changes places says how many the area has left', async () => {
    const { eventId } = await buildStandingEvent(db, { capacity: 10 });
    const [alice] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];

    expect((await hold(alice, { eventId, ga: { areaId: 'Floor', quantity: 3 } })).status).toBe(201);

    const { rows } = await db.query<{ payload: { areas?: unknown; changes: unknown[] } }>(
      `SELECT payload FROM outbox_messages WHERE topic = $2 AND key = $1 ORDER BY id`,
      [eventId, Topic.SeatUpdated],
    );
    expect(rows.map((row) => row.payload.areas)).toEqual([[{ areaId: 'Floor', available: 7 }]]);
    expect(rows[0]!.payload.changes).toHaveLength(3);
  });

  it('refuses bad standing requests with a 400 or 404, and holds nothing', async () => {
    const { eventId, seatIds } = await buildStandingEvent(db, { capacity: 5 });
    const [buyer] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];

    for (const body of [
      { eventId, ga: { areaId: 'Floor', quantity: 0 } },
      { eventId, ga: { areaId: 'Floor', quantity: 1.5 } },
      { eventId, ga: { areaId: 'Floor' } },
      { eventId, ga: { quantity: 2 } },
      { eventId, ga: { areaId: 'Floor', quantity: 2, near: 'stage' } },
      { eventId, ga: { areaId: 'Floor', quantity: stack.config.MAX_SEATS_PER_BOOKING + 1 } },
      { eventId, best: { count: 1 }, ga: { areaId: 'Floor', quantity: 1 } },
      { eventId, seatIds: [], ga: { areaId: 'Floor', quantity: 1 } },
      { eventId, seatIds: [`${eventId}_Floor-1`] },
    ]) {
      const answer = await hold(buyer!, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(errorBodySchema.parse(answer.body).error).toBe('VALIDATION_FAILED');
    }
    const unknown = await hold(buyer!, { eventId, ga: { areaId: 'Pit', quantity: 1 } });
    expect(unknown.status).toBe(404);
    expect(errorBodySchema.parse(unknown.body).error).toBe('NOT_FOUND');

    const { rows } = await db.query(`SELECT count(*)::int AS n FROM seats WHERE event_id = $1 AND status <> 'available'`, [eventId]);
    expect(rows[0].n).toBe(0);
    expect(seatIds).toHaveLength(4);
    expect(await placesLeft(eventId)).toEqual({ capacity: 5, available: 5, seats: 4 });
  });
});
