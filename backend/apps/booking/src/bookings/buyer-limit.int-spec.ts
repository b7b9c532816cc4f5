import { bookingSchema, errorBodySchema, type Booking, type ErrorBody } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { call } from '../../../../test/http';
import { connectSocket, type TestSocket } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';

/** What a buyer is told: the booking a hold answered, or the error, whichever way it was sent. */
type Outcome = { granted: Booking } | { refused: ErrorBody };

/** Live seats (reserved, paid or confirmed) one account has at one event, as an operator would count them. */
async function liveSeatsOf(db: Pool, userId: string, eventId: string): Promise<{ claimed: number; shown: number }> {
  const { rows } = await db.query<{ claimed: number; shown: number }>(
    `SELECT (SELECT count(*)::int FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id
              WHERE b.user_id = $1 AND b.event_id = $2 AND b.status IN ('reserved', 'paid', 'confirmed')) AS claimed,
            (SELECT count(*)::int FROM seats s JOIN bookings b ON b.id = s.booking_id
              WHERE b.user_id = $1 AND s.event_id = $2) AS shown`,
    [userId, eventId],
  );
  return rows[0]!;
}

describe('the per-buyer seat limit, decided with the race', () => {
  let stack: TestStack;
  let db: Pool;
  let admin: BuiltUser;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['catalog', 'booking', 'gateway'],
      env: {
        // This file is about the seat limit: the hold-rate limits must not answer first.
        HOLD_RATE_LIMIT: '100000',
        HOLD_RATE_LIMIT_PER_IP: '100000',
        // A burst on one partition must be decided while its senders wait, never answered 202 pending.
        HOLD_DECISION_WAIT_MS: '15000',
      },
    });
    [admin] = (await buildUsers(db, stack.config, 1, 'Admin', 'admin')) as [BuiltUser];
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  async function viaRest(user: BuiltUser, eventId: string, seatIds: string[]): Promise<Outcome> {
    const { status, body } = await call(`${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds } });
    if (status === 201) return { granted: bookingSchema.parse(body) };
    expect(status, JSON.stringify(body)).toBe(409);
    return { refused: errorBodySchema.parse(body) };
  }

  async function viaSocket(socket: TestSocket, eventId: string, seatIds: string[]): Promise<Outcome> {
    const reply = await socket.timeout(20_000).emitWithAck('hold', { eventId, seatIds, idempotencyKey: uniqueId('key') });
    const booking = bookingSchema.safeParse(reply);
    if (booking.success) {
      expect(booking.data.status).toBe('reserved');
      return { granted: booking.data };
    }
    return { refused: errorBodySchema.parse(reply) };
  }

  async function connect(user: BuiltUser): Promise<TestSocket> {
    const socket = await connectSocket(stack.url, { token: user.token });
    sockets.push(socket);
    return socket;
  }

  const bookingOf = (outcome: Outcome): Booking => {
    if ('refused' in outcome) throw new Error(`the hold was refused: ${outcome.refused.message}`);
    return outcome.granted;
  };
  const granted = (outcomes: Outcome[]) => outcomes.flatMap((outcome) => ('granted' in outcome ? [outcome.granted] : []));
  const refused = (outcomes: Outcome[]) => outcomes.flatMap((outcome) => ('refused' in outcome ? [outcome.refused] : []));

  it('21 holds by one account never give it more than the limit, under concurrency, through REST and socket', async () => {
    const limit = stack.config.MAX_SEATS_PER_BUYER;
    expect(limit).toBe(8);
    const { eventId, seatIds } = await buildEvent(db, { rows: 3, perRow: 10 });
    const [buyer] = (await buildUsers(db, stack.config, 1, 'Scalper')) as [BuiltUser];
    // Two tabs of the same account, beside its REST calls; each socket stays under its own per-second limit.
    const tabs = [await connect(buyer), await connect(buyer)];

    const outcomes = await Promise.all(
      seatIds.slice(0, 21).map((seatId, i) => (i % 2 === 0 ? viaRest(buyer, eventId, [seatId]) : viaSocket(tabs[i % 4 === 1 ? 0 : 1]!, eventId, [seatId]))),
    );

    expect(granted(outcomes)).toHaveLength(limit);
    expect(refused(outcomes)).toHaveLength(21 - limit);
    for (const error of refused(outcomes)) {
      expect(error).toMatchObject({ statusCode: 409, error: 'BUYER_LIMIT_REACHED' });
      expect(error.message).toBe('You can have at most 8 seats at this event, and you already hold 8.');
    }
    expect(await liveSeatsOf(db, buyer.id, eventId)).toEqual({ claimed: limit, shown: limit });
    const { rows } = await db.query(`SELECT status::text, count(*)::int AS n FROM bookings WHERE user_id = $1 GROUP BY status ORDER BY status`, [buyer.id]);
    expect(rows).toEqual([
      { status: 'rejected', n: 21 - limit },
      { status: 'reserved', n: limit },
    ]);
  });

  it('an event’s own limit counts every booking of the account, and only that account’s', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const patched = await call(`${stack.url}/events/${eventId}`, { method: 'PATCH', token: admin.token, body: { maxSeatsPerBuyer: 2 } });
    expect(patched.status).toBe(200);
    const [alice, bob] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];
    const [a1, a2, a3, a4] = seatIds as [string, string, string, string];

    expect(await viaRest(alice, eventId, [a1, a2, a3])).toMatchObject({
      refused: { error: 'BUYER_LIMIT_REACHED', message: 'You can have at most 2 seats at this event.' },
    });
    expect(await viaRest(alice, eventId, [a1])).toMatchObject({ granted: { status: 'reserved', seatIds: [a1] } });
    expect(await viaSocket(await connect(alice), eventId, [a2, a3])).toMatchObject({
      refused: { statusCode: 409, error: 'BUYER_LIMIT_REACHED', message: 'You can have at most 2 seats at this event; you hold 1, so at most 1 more.' },
    });
    expect(await viaRest(alice, eventId, [a2])).toMatchObject({ granted: { status: 'reserved' } });
    expect(await viaRest(bob, eventId, [a3, a4])).toMatchObject({ granted: { status: 'reserved', seatIds: [a3, a4] } });
    expect(await liveSeatsOf(db, alice.id, eventId)).toEqual({ claimed: 2, shown: 2 });
    // At another event the account starts from nothing.
    const other = await buildEvent(db);
    expect(await viaRest(alice, other.eventId, other.seatIds.slice(0, 3))).toMatchObject({ granted: { status: 'reserved' } });
  });

  it('after cancelling, the allowance comes back', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 2, perRow: 8 });
    const [buyer] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const first = bookingOf(await viaRest(buyer, eventId, seatIds.slice(0, 4)));
    expect(await viaRest(buyer, eventId, seatIds.slice(4, 8))).toMatchObject({ granted: { status: 'reserved' } });
    expect(await viaRest(buyer, eventId, [seatIds[8]!])).toMatchObject({
      refused: { error: 'BUYER_LIMIT_REACHED', message: 'You can have at most 8 seats at this event, and you already hold 8.' },
    });

    const cancelled = await call(`${stack.url}/bookings/${first.id}/cancel`, { method: 'PUT', token: buyer.token });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });

    expect(await viaRest(buyer, eventId, seatIds.slice(8, 10))).toMatchObject({ granted: { status: 'reserved' } });
    expect(await viaRest(buyer, eventId, seatIds.slice(10, 13))).toMatchObject({
      refused: { error: 'BUYER_LIMIT_REACHED', message: 'You can have at most 8 seats at this event; you hold 6, so at most 2 more.' },
    });
    expect(await viaRest(buyer, eventId, seatIds.slice(10, 12))).toMatchObject({ granted: { status: 'reserved' } });
    expect(await liveSeatsOf(db, buyer.id, eventId)).toEqual({ claimed: 8, shown: 8 });
  });
});
