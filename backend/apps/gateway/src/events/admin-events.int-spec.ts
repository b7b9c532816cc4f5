import { commandAcceptedSchema, errorBodySchema, eventDetailSchema, seatSnapshotSchema } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

describe('admin: creating events and taking seats off sale', () => {
  let stack: TestStack;
  let db: Pool;
  let admin: BuiltUser;
  let fan: BuiltUser;
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['catalog', 'booking', 'gateway'] });
    [admin] = (await buildUsers(db, stack.config, 1, 'Admin', 'admin')) as [BuiltUser];
    [fan] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  it('creates an event on a venue layout, with every seat priced by tier', async () => {
    const created = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { venueId: 'ven_msg', name: 'Encore Night', startsAt: inAMonth, prices: { VIP: 30000, Premium: 20000, Regular: 9900 } },
    });
    expect(created.status).toBe(201);
    const event = eventDetailSchema.parse(created.body);
    expect(event).toMatchObject({ name: 'Encore Night', status: 'on_sale', seatsTotal: 100, seatsAvailable: 100, priceMin: 9900, priceMax: 30000 });
    const snapshot = seatSnapshotSchema.parse((await call(`${stack.url}/events/${event.id}/seats`)).body);
    expect(snapshot.version).toBe(0);
    expect(snapshot.seats.find((seat) => seat.label === 'A1')).toMatchObject({ id: `${event.id}_A1`, tier: 'VIP', price: 30000, status: 'available' });
  });

  it("accepts the original demo's simple form and lays out a plain grid", async () => {
    const created = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { name: 'Garage Gig', venue: 'The Basement', date: inAMonth, totalSeats: 25, price: 19.5, category: 'rock' },
    });
    expect(created.status).toBe(201);
    const event = eventDetailSchema.parse(created.body);
    expect(event).toMatchObject({ venue: { name: 'The Basement' }, seatsTotal: 25, priceMin: 1950, category: 'rock' });
    const labels = seatSnapshotSchema.parse((await call(`${stack.url}/events/${event.id}/seats`)).body).seats.map((seat) => seat.label);
    expect(labels.filter((label) => label.startsWith('C'))).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
  });

  it('creates one event however often, and however concurrently, the same Idempotency-Key asks', async () => {
    const name = `Retried Night ${Date.now()}`;
    const create = (key: string) =>
      call(`${stack.url}/events`, {
        token: admin.token,
        headers: { 'idempotency-key': key },
        body: { name, venue: 'The Loft', date: inAMonth, totalSeats: 30, price: 25 },
      });
    const answers = [...(await Promise.all([create('create-once-1'), create('create-once-1'), create('create-once-1')])), await create('create-once-1')];
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => eventDetailSchema.parse(answer.body).id)).size).toBe(1);
    expect((await db.query(`SELECT count(*)::int AS n FROM events WHERE name = $1`, [name])).rows[0].n).toBe(1);
    expect((await db.query(`SELECT count(*)::int AS n FROM venues WHERE name = 'The Loft'`)).rows[0].n).toBe(1);

    // Another key is another event.
    expect((await create('create-once-2')).status).toBe(201);
    expect((await db.query(`SELECT count(*)::int AS n FROM events WHERE name = $1`, [name])).rows[0].n).toBe(2);
    const bad = await call(`${stack.url}/events`, {
      token: admin.token,
      headers: { 'idempotency-key': 'no spaces allowed' },
      body: { name, venue: 'X', date: inAMonth, totalSeats: 1, price: 1 },
    });
    expect(bad.status).toBe(400);
    expect(errorBodySchema.parse(bad.body).error).toBe('VALIDATION_FAILED');
  });

  it('lays out 20,000 seats in the simple form and answers 201 with every seat, once', async () => {
    const name = `Big Field ${Date.now()}`;
    const created = await call(`${stack.url}/events`, {
      token: admin.token,
      headers: { 'idempotency-key': `big-field-${Date.now()}` },
      body: { name, venue: 'The Big Field', date: inAMonth, totalSeats: 20_000, price: 40 },
    });
    expect(created.status).toBe(201);
    expect(eventDetailSchema.parse(created.body)).toMatchObject({ seatsTotal: 20_000, seatsAvailable: 20_000 });
    expect((await db.query(`SELECT count(*)::int AS n FROM events WHERE name = $1`, [name])).rows[0].n).toBe(1);
  });

  it('refuses bad events with a clear 400 and writes nothing', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM events`)).rows[0].n;
    const cases = [
      { venueId: 'ven_msg', name: 'No prices', startsAt: inAMonth, prices: { VIP: 100 } },
      { name: 'Past', venue: 'Somewhere', date: '2001-01-01T20:00:00Z', totalSeats: 10, price: 10 },
      { name: 'Fractions', venue: 'Somewhere', date: inAMonth, totalSeats: 10, price: 10.555 },
      { name: 'Huge', venue: 'Somewhere', date: inAMonth, totalSeats: 1_000_000, price: 10 },
    ];
    for (const body of cases) {
      const answer = await call(`${stack.url}/events`, { token: admin.token, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(errorBodySchema.parse(answer.body).error).toBe('VALIDATION_FAILED');
    }
    const missingVenue = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { venueId: 'ven_nowhere', name: 'Ghost', startsAt: inAMonth, prices: {} },
    });
    expect(missingVenue.status).toBe(404);
    expect((await db.query(`SELECT count(*)::int AS n FROM events`)).rows[0].n).toBe(before);
  });

  it('is for admins only', async () => {
    const body = { name: 'Sneaky', venue: 'Nowhere', date: inAMonth, totalSeats: 5, price: 1 };
    expect((await call(`${stack.url}/events`, { token: fan.token, body })).status).toBe(403);
    expect((await call(`${stack.url}/events`, { body })).status).toBe(401);
  });

  it('blocks a seat so nobody can hold it, and unblocks it again', async () => {
    const event = eventDetailSchema.parse(
      (await call(`${stack.url}/events`, { token: admin.token, body: { name: 'Blockers', venue: 'Hall', date: inAMonth, totalSeats: 10, price: 10 } })).body,
    );
    const seatId = `${event.id}_A3`;
    const seatStatus = async () => (await db.query(`SELECT status FROM seats WHERE id = $1`, [seatId])).rows[0]?.status;

    const blocked = await call(`${stack.url}/events/${event.id}/seats/block`, { token: admin.token, body: { seatIds: [seatId] } });
    expect(blocked.status).toBe(202);
    expect(commandAcceptedSchema.parse(blocked.body).commandId).toMatch(/^block_/);
    await eventually(seatStatus, (status) => status === 'blocked');
    const refused = await call(`${stack.url}/bookings`, { token: fan.token, body: { eventId: event.id, seatIds: [seatId] } });
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(refused.body).error).toBe('SEAT_UNAVAILABLE');

    expect((await call(`${stack.url}/events/${event.id}/seats/unblock`, { token: admin.token, body: { seatIds: [seatId] } })).status).toBe(202);
    await eventually(seatStatus, (status) => status === 'available');
    expect((await call(`${stack.url}/bookings`, { token: fan.token, body: { eventId: event.id, seatIds: [seatId] } })).status).toBe(201);
    expect((await call(`${stack.url}/events/${event.id}/seats/block`, { token: fan.token, body: { seatIds: [seatId] } })).status).toBe(403);
  });

  it('sets the per-buyer limit and the waiting room of an event, and refuses bad settings', async () => {
    const created = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { venueId: 'ven_msg', name: 'Queue Night', startsAt: inAMonth, prices: { VIP: 100, Premium: 100, Regular: 100 }, maxSeatsPerBuyer: 4 },
    });
    const event = eventDetailSchema.parse(created.body);
    expect(event).toMatchObject({ maxSeatsPerBuyer: 4, waitingRoom: { enabled: false, admissionPerMinute: null, paused: false } });

    const patched = await call(`${stack.url}/events/${event.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { waitingRoom: { enabled: true, admissionPerMinute: 120 } },
    });
    expect(patched.status).toBe(200);
    expect(eventDetailSchema.parse(patched.body)).toMatchObject({
      maxSeatsPerBuyer: 4,
      waitingRoom: { enabled: true, admissionPerMinute: 120, paused: false },
    });
    const reset = await call(`${stack.url}/events/${event.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { maxSeatsPerBuyer: null, waitingRoom: { paused: true } },
    });
    expect(eventDetailSchema.parse(reset.body)).toMatchObject({
      maxSeatsPerBuyer: stack.config.MAX_SEATS_PER_BUYER,
      waitingRoom: { enabled: true, paused: true },
    });

    for (const body of [{}, { maxSeatsPerBuyer: 0 }, { waitingRoom: { admissionPerMinute: -5 } }, { status: 'cancelled' }]) {
      const refused = await call(`${stack.url}/events/${event.id}`, { method: 'PATCH', token: admin.token, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(errorBodySchema.parse(refused.body).error).toBe('VALIDATION_FAILED');
    }
    expect((await call(`${stack.url}/events/evt_nowhere`, { method: 'PATCH', token: admin.token, body: { maxSeatsPerBuyer: 2 } })).status).toBe(404);
    expect((await call(`${stack.url}/events/${event.id}`, { method: 'PATCH', token: fan.token, body: { maxSeatsPerBuyer: 2 } })).status).toBe(403);
    const stored = (
      await db.query(`SELECT max_seats_per_buyer, waiting_room_enabled, admission_per_minute, admission_paused FROM events WHERE id = $1`, [event.id])
    ).rows[0];
    expect(stored).toEqual({ max_seats_per_buyer: null, waiting_room_enabled: true, admission_per_minute: 120, admission_paused: true });
  });
});
