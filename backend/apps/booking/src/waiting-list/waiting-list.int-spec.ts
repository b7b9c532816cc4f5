import { bookingSchema, errorBodySchema, waitingListCountSchema, waitingListEntrySchema, type WaitingListEntry } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

describe('the waiting list of a sold-out event', () => {
  let stack: TestStack;
  let db: Pool;
  let holder: BuiltUser;
  let first: BuiltUser;
  let second: BuiltUser;
  let third: BuiltUser;
  let admin: BuiltUser;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['booking', 'payment', 'notification', 'gateway'],
      env: { HOLD_TTL: '10m', WAITING_LIST_CLAIM: '3s', EXPIRY_SWEEP_INTERVAL_MS: '200', RPC_TIMEOUT_MS: '3000' },
    });
    [holder, first, second, third] = (await buildUsers(db, stack.config, 4)) as [BuiltUser, BuiltUser, BuiltUser, BuiltUser];
    [admin] = (await buildUsers(db, stack.config, 1, 'Admin', 'admin')) as [BuiltUser];
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  const join = (user: BuiltUser, eventId: string, body: unknown) => call(`${stack.url}/events/${eventId}/waiting-list`, { token: user.token, body });
  const mine = async (user: BuiltUser, eventId: string): Promise<WaitingListEntry> =>
    waitingListEntrySchema.parse((await call(`${stack.url}/events/${eventId}/waiting-list/me`, { token: user.token })).body);
  const hold = (user: BuiltUser, eventId: string, seatIds: string[]) => call(`${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds } });
  const entries = async (eventId: string) => (await db.query(`SELECT user_id, status FROM waiting_list_entries WHERE event_id = $1`, [eventId])).rows;
  const seatStates = async (seatIds: string[]) =>
    (await db.query(`SELECT status::text, booking_id FROM seats WHERE id = ANY($1) ORDER BY id`, [seatIds])).rows as Array<{
      status: string;
      booking_id: string | null;
    }>;

  it('refuses to let anyone join while seats are on sale, and refuses bad bodies, writing nothing', async () => {
    const { eventId } = await buildEvent(db, { rows: 1, perRow: 2 });

    const early = await join(first, eventId, { quantity: 1 });
    expect({ status: early.status, error: errorBodySchema.parse(early.body).error }).toEqual({ status: 409, error: 'NOT_SOLD_OUT' });
    for (const body of [{}, { quantity: 0 }, { quantity: 'two' }, { quantity: 1.5 }, { quantity: 1, tier: '' }, { quantity: 1, seats: 2 }, { quantity: 9 }]) {
      const bad = await join(first, eventId, body);
      expect({ body, status: bad.status, error: errorBodySchema.parse(bad.body).error }).toEqual({ body, status: 400, error: 'VALIDATION_FAILED' });
    }
    const missing = await call(`${stack.url}/events/${eventId}/waiting-list/me`, { token: first.token });
    expect(missing.status).toBe(404);
    expect(await entries(eventId)).toEqual([]);
    expect((await call(`${stack.url}/events/evt_nowhere/waiting-list`, { token: admin.token })).status).toBe(404);
    expect((await call(`${stack.url}/events/${eventId}/waiting-list`, { token: first.token })).status).toBe(403);
  });

  it('offers a released seat to the first in line and to nobody else while the claim runs, then to general sale', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 2 });
    const held = await hold(holder, eventId, seatIds);
    expect(held.status).toBe(201);
    const heldId = bookingSchema.parse(held.body).id;

    // Sold out: two buyers join, in order; joining twice is refused.
    const joinedFirst = await join(first, eventId, { quantity: 2 });
    expect(joinedFirst.status).toBe(201);
    expect(waitingListEntrySchema.parse(joinedFirst.body)).toMatchObject({ status: 'waiting', position: 1, quantity: 2, offer: null });
    const joinedSecond = await join(second, eventId, { quantity: 1 });
    expect(waitingListEntrySchema.parse(joinedSecond.body)).toMatchObject({ status: 'waiting', position: 2 });
    const twice = await join(first, eventId, { quantity: 1 });
    expect({ status: twice.status, error: errorBodySchema.parse(twice.body).error }).toEqual({ status: 409, error: 'CONFLICT' });
    const counted = await call(`${stack.url}/events/${eventId}/waiting-list`, { token: admin.token });
    expect(waitingListCountSchema.parse(counted.body).waiting).toBe(2);

    // The holder cancels: both seats are held for the first in line, none for the second.
    expect((await call(`${stack.url}/bookings/${heldId}/cancel`, { token: holder.token, body: {} })).status).toBe(200);
    const offered = await eventually(
      () => mine(first, eventId),
      (entry) => entry.status === 'offered',
    );
    const offerId = offered.offer!.bookingId;
    const offer = bookingSchema.parse((await call(`${stack.url}/bookings/${offerId}`, { token: first.token })).body);
    expect(offer).toMatchObject({ userId: first.id, status: 'reserved', seatIds: [...seatIds].sort() });
    expect(Date.parse(offer.expiresAt!) - Date.parse(offer.createdAt)).toBe(3_000);
    expect(offered.offer!.expiresAt).toBe(offer.expiresAt);
    expect(await seatStates(seatIds)).toEqual(seatIds.map(() => ({ status: 'reserved', booking_id: offerId })));
    expect(await mine(second, eventId)).toMatchObject({ status: 'waiting', position: 1, offer: null });

    // The first in line is told, live and in their notifications.
    const told = await eventually(
      async () => (await db.query(`SELECT kind::text, title FROM notifications WHERE user_id = $1 AND booking_id = $2`, [first.id, offerId])).rows,
      (rows) => rows.length > 0,
    );
    expect(told[0]).toMatchObject({ kind: 'waiting_list_offer' });
    expect(told[0]!.title).toMatch(/^Seats are held for you from the waiting list until \d\d:\d\d UTC$/);

    // Nobody else gets them during the claim.
    const taken = await hold(third, eventId, [seatIds[0]!]);
    expect({ status: taken.status, error: errorBodySchema.parse(taken.body).error }).toEqual({ status: 409, error: 'SEAT_UNAVAILABLE' });

    // Unclaimed, the seats go to general sale, not down the line.
    const lapsed = await eventually(
      () => mine(first, eventId),
      (entry) => entry.status === 'lapsed',
      10_000,
    );
    expect(lapsed.offer).toBeNull();
    expect(await seatStates(seatIds)).toEqual(seatIds.map(() => ({ status: 'available', booking_id: null })));
    expect(await mine(second, eventId)).toMatchObject({ status: 'waiting', offer: null });
    expect((await hold(third, eventId, [seatIds[0]!])).status).toBe(201);
  });

  it('keeps a line per sold-out tier, and marks a place claimed once its offer is paid', async () => {
    // Row A is VIP, row B Regular: one seat each.
    const { eventId, seatIds } = await buildEvent(db, { rows: 2, perRow: 1 });
    const [vip, regular] = seatIds as [string, string];
    const vipHold = bookingSchema.parse((await hold(holder, eventId, [vip])).body).id;

    // VIP is sold out, Regular is not: only VIP's line is open.
    for (const body of [{ quantity: 1 }, { quantity: 1, tier: 'Regular' }]) {
      const refused = await join(third, eventId, body);
      expect({ body, status: refused.status, error: errorBodySchema.parse(refused.body).error }).toEqual({ body, status: 409, error: 'NOT_SOLD_OUT' });
    }
    const unknownTier = await join(third, eventId, { quantity: 1, tier: 'Balcony' });
    expect(errorBodySchema.parse(unknownTier.body).error).toBe('NOT_FOUND');
    expect((await join(second, eventId, { quantity: 1, tier: 'VIP' })).status).toBe(201);
    const regularHold = bookingSchema.parse((await hold(holder, eventId, [regular])).body).id;
    expect((await join(first, eventId, { quantity: 1, tier: 'Regular' })).status).toBe(201);

    // The Regular seat goes to the one who asked for Regular, though the VIP buyer joined first.
    expect((await call(`${stack.url}/bookings/${regularHold}/cancel`, { token: holder.token, body: {} })).status).toBe(200);
    const offered = await eventually(
      () => mine(first, eventId),
      (entry) => entry.status === 'offered',
    );
    expect(await seatStates([regular])).toEqual([{ status: 'reserved', booking_id: offered.offer!.bookingId }]);
    expect(await mine(second, eventId)).toMatchObject({ status: 'waiting', position: 1 });
    expect((await call(`${stack.url}/bookings/${vipHold}/cancel`, { token: holder.token, body: {} })).status).toBe(200);
    expect(
      await eventually(
        () => mine(second, eventId),
        (entry) => entry.status === 'offered',
      ),
    ).toMatchObject({ tier: 'VIP' });

    const paid = await call(`${stack.url}/bookings/${offered.offer!.bookingId}/pay`, { token: first.token, body: { card: '4242 4242 4242 4242' } });
    expect(paid.status).toBe(202);
    const claimed = await eventually(
      () => mine(first, eventId),
      (entry) => entry.status === 'claimed',
      15_000,
    );
    expect(claimed.offer).toBeNull();
    await eventually(
      () => seatStates([regular]),
      (rows) => rows[0]?.status === 'confirmed' && rows[0].booking_id === offered.offer!.bookingId,
    );
  });

  it('lets a buyer leave the line, after which nothing is offered to them', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 1 });
    const heldId = bookingSchema.parse((await hold(holder, eventId, seatIds)).body).id;
    expect((await join(first, eventId, { quantity: 1 })).status).toBe(201);
    const left = await call(`${stack.url}/events/${eventId}/waiting-list/me`, { method: 'DELETE', token: first.token });
    expect(waitingListEntrySchema.parse(left.body)).toMatchObject({ status: 'left', position: null });

    expect((await call(`${stack.url}/bookings/${heldId}/cancel`, { token: holder.token, body: {} })).status).toBe(200);
    expect(await seatStates(seatIds)).toEqual([{ status: 'available', booking_id: null }]);
    expect(await entries(eventId)).toEqual([{ user_id: first.id, status: 'left' }]);
  });
});
