import { bookingSchema, errorBodySchema, Topic, type Booking } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

describe('a hold over its lifetime', () => {
  let stack: TestStack;
  let db: Pool;
  let user: BuiltUser;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['booking', 'gateway'],
      env: {
        HOLD_TTL: '2s',
        EXPIRY_SWEEP_INTERVAL_MS: '200',
        HOLD_DECISION_WAIT_MS: '1500',
        HOLD_REQUEST_DEADLINE: '6s',
        RPC_TIMEOUT_MS: '1000',
      },
    });
    [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  const hold = (eventId: string, seatIds: string[]) => call(`${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds } });
  const booking = async (id: string): Promise<Booking> => bookingSchema.parse((await call(`${stack.url}/bookings/${id}`, { token: user.token })).body);
  const seatStates = async (seatIds: string[]) => (await db.query(`SELECT status, booking_id FROM seats WHERE id = ANY($1) ORDER BY id`, [seatIds])).rows;
  const seatDeltas = async (eventId: string) =>
    (
      await db.query<{ payload: { baseVersion: number; version: number; changes: unknown[] }; published: boolean }>(
        `SELECT payload, published_at IS NOT NULL AS published FROM outbox_messages
          WHERE topic = $2 AND key = $1 ORDER BY id`,
        [eventId, Topic.SeatUpdated],
      )
    ).rows;

  it('expires an unpaid hold: the seats are free again and a versioned seat.updated says so', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const held = await hold(eventId, [seatIds[0]!, seatIds[1]!]);
    expect(held.status).toBe(201);
    const { id } = bookingSchema.parse(held.body);

    const expired = await eventually(
      () => booking(id),
      (b) => b.status === 'expired',
      10_000,
    );
    expect(expired.reason).toContain('expired');
    expect(await seatStates([seatIds[0]!, seatIds[1]!])).toEqual([
      { status: 'available', booking_id: null },
      { status: 'available', booking_id: null },
    ]);
    const deltas = await eventually(
      () => seatDeltas(eventId),
      (rows) => rows.length === 2 && rows.every((row) => row.published),
    );
    expect(deltas.map((row) => [row.payload.baseVersion, row.payload.version])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(deltas[1]!.payload.changes).toEqual([
      { seatId: seatIds[0], status: 'available', bookingId: null },
      { seatId: seatIds[1], status: 'available', bookingId: null },
    ]);

    // …and someone can take them now.
    expect((await hold(eventId, [seatIds[0]!])).status).toBe(201);
  });

  it('cancels a hold at once, freeing its seats', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const { id } = bookingSchema.parse((await hold(eventId, [seatIds[2]!])).body);

    const cancelled = await call(`${stack.url}/bookings/${id}/cancel`, { method: 'PUT', token: user.token });

    expect(cancelled.status).toBe(200);
    expect(bookingSchema.parse(cancelled.body).status).toBe('cancelled');
    expect(await seatStates([seatIds[2]!])).toEqual([{ status: 'available', booking_id: null }]);
    const again = await call(`${stack.url}/bookings/${id}/cancel`, { token: user.token, body: {} });
    expect(again.status).toBe(409);
    expect(errorBodySchema.parse(again.body).error).toBe('INVALID_STATE');
  });

  it('answers 202 pending while the booking service is down, and decides the hold when it is back', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    await stack.stop('booking');
    try {
      const pending = await hold(eventId, [seatIds[4]!]);
      expect(pending.status).toBe(202);
      const { id, status } = bookingSchema.parse(pending.body);
      expect(status).toBe('pending');
      expect((await booking(id)).status).toBe('pending');
    } finally {
      await stack.start('booking');
    }
    const decided = await eventually(
      async () => (await db.query(`SELECT status FROM bookings WHERE event_id = $1`, [eventId])).rows,
      (rows) => rows.length === 1,
    );
    expect(decided).toEqual([{ status: 'reserved' }]);
    expect(await seatStates([seatIds[4]!])).toMatchObject([{ status: 'reserved' }]);
  });

  it('rejects a hold whose deadline passed while the service was down, rather than granting it late', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    await stack.stop('booking');
    let bookingId: string;
    try {
      const pending = await hold(eventId, [seatIds[5]!]);
      expect(pending.status).toBe(202);
      bookingId = bookingSchema.parse(pending.body).id;
      await new Promise((resolve) => setTimeout(resolve, 6500)); // the command's deadline (6 s) passes while no one decides
    } finally {
      await stack.start('booking');
    }
    const decided = await eventually(
      () => booking(bookingId),
      (b) => b.status !== 'pending',
    );
    expect(decided.status).toBe('rejected');
    expect(decided.reason).toContain('waited too long');
    expect(await seatStates([seatIds[5]!])).toEqual([{ status: 'available', booking_id: null }]);
  });
});
