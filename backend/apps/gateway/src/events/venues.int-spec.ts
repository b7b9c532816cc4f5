import { errorBodySchema, eventDetailSchema, seatSnapshotSchema, venueListingSchema, type VenueListing } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';

const venueListSchema = venueListingSchema.array();

describe('admin: venues to create events on', () => {
  let stack: TestStack;
  let db: Pool;
  let admin: BuiltUser;
  let fan: BuiltUser;
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();

  const listVenues = async (): Promise<VenueListing[]> => {
    const answer = await call(`${stack.url}/venues`, { token: admin.token });
    expect(answer.status).toBe(200);
    return venueListSchema.parse(answer.body);
  };
  const eventsNamed = async (name: string): Promise<number> => (await db.query(`SELECT count(*)::int AS n FROM events WHERE name = $1`, [name])).rows[0].n;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['catalog', 'gateway'] });
    [admin] = (await buildUsers(db, stack.config, 1, 'Admin', 'admin')) as [BuiltUser];
    [fan] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  it('lists the seeded venues with their tiers, sections and seat counts', async () => {
    const byId = new Map((await listVenues()).map((venue) => [venue.id, venue]));
    expect(byId.get('ven_msg')).toEqual({
      id: 'ven_msg',
      name: 'Madison Square Garden',
      city: 'New York',
      seatsTotal: 100,
      tiers: [
        { tier: 'VIP', seatsTotal: 10 },
        { tier: 'Premium', seatsTotal: 10 },
        { tier: 'Regular', seatsTotal: 80 },
      ],
      sections: [{ name: 'Floor', tiers: ['VIP', 'Premium', 'Regular'], seatsTotal: 100 }],
    });
    expect(byId.get('ven_bluenote')).toMatchObject({ seatsTotal: 50, tiers: [{ tier: 'General', seatsTotal: 50 }] });
    const stadium = byId.get('ven_stadium');
    expect(stadium?.seatsTotal).toBe(50_000);
    expect(stadium?.sections).toHaveLength(40);
    expect(stadium?.tiers.map((tier) => tier.tier).sort()).toEqual(['Lower End', 'Lower Sideline', 'Upper']);
  });

  it('creates an event on a listed venue, each seat priced by its tier', async () => {
    const venue = (await listVenues()).find((candidate) => candidate.id === 'ven_msg')!;
    const prices = Object.fromEntries(venue.tiers.map((tier, index) => [tier.tier, 5000 + index * 1000]));
    const name = `Listed Night ${uniqueId('n')}`;
    const created = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { venueId: venue.id, name, startsAt: inAMonth, onSaleAt: inAWeek, prices },
    });
    expect(created.status).toBe(201);
    const event = eventDetailSchema.parse(created.body);
    expect(event).toMatchObject({ name, venue: { id: venue.id }, status: 'scheduled', onSaleAt: inAWeek, seatsTotal: venue.seatsTotal });

    const seats = seatSnapshotSchema.parse((await call(`${stack.url}/events/${event.id}/seats`)).body).seats;
    expect(seats).toHaveLength(venue.seatsTotal);
    for (const tier of venue.tiers) {
      const ofTier = seats.filter((seat) => seat.tier === tier.tier);
      expect(ofTier, tier.tier).toHaveLength(tier.seatsTotal);
      expect(new Set(ofTier.map((seat) => seat.price)), tier.tier).toEqual(new Set([prices[tier.tier]]));
    }
  });

  it('lists the venue a simple-form event laid out, so the next event can reuse it', async () => {
    const venueName = `Garage ${uniqueId('v')}`;
    const created = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { name: 'Garage Night', venue: venueName, date: inAMonth, totalSeats: 25, price: 12 },
    });
    expect(created.status).toBe(201);
    expect((await listVenues()).find((venue) => venue.name === venueName)).toMatchObject({
      id: eventDetailSchema.parse(created.body).venue.id,
      seatsTotal: 25,
      tiers: [{ tier: 'General', seatsTotal: 25 }],
    });
  });

  it('refuses an unknown venue, a malformed one and a missing tier price, and writes nothing', async () => {
    const name = `Ghost Night ${uniqueId('n')}`;
    const unknown = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { venueId: 'ven_nowhere', name, startsAt: inAMonth, prices: { General: 1000 } },
    });
    expect(unknown.status).toBe(404);
    expect(errorBodySchema.parse(unknown.body)).toMatchObject({ error: 'NOT_FOUND', message: 'Venue ven_nowhere was not found' });

    const malformed = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { venueId: 'ven nowhere;--', name, startsAt: inAMonth, prices: { General: 1000 } },
    });
    expect(malformed.status).toBe(400);
    expect(errorBodySchema.parse(malformed.body).error).toBe('VALIDATION_FAILED');

    const unpriced = await call(`${stack.url}/events`, {
      token: admin.token,
      body: { venueId: 'ven_msg', name, startsAt: inAMonth, prices: { VIP: 30000, Premium: 20000 } },
    });
    expect(unpriced.status).toBe(400);
    expect(errorBodySchema.parse(unpriced.body)).toMatchObject({ error: 'VALIDATION_FAILED', message: 'Missing prices for tiers: Regular.' });

    expect(await eventsNamed(name)).toBe(0);
  });

  it('is for admins only', async () => {
    const anonymous = await call(`${stack.url}/venues`);
    expect(anonymous.status).toBe(401);
    expect(errorBodySchema.parse(anonymous.body).error).toBe('UNAUTHORIZED');
    const asFan = await call(`${stack.url}/venues`, { token: fan.token });
    expect(asFan.status).toBe(403);
    expect(errorBodySchema.parse(asFan.body).error).toBe('FORBIDDEN');
  });
});
