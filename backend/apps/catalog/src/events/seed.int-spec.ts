import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../test/db';

/** The seed must hold exactly docs/architecture.md §7: the original demo's three events, the stadium, the demo users. */
describe('seed data', () => {
  let db: Pool;

  beforeAll(() => {
    db = testDb();
  });

  afterAll(async () => {
    await db.end();
  });

  async function seatsByTier(eventId: string) {
    const { rows } = await db.query<{ tier: string; price: number; seats: string; first: string; last: string }>(
      `SELECT tier, price, count(*) AS seats, min(label) AS first, max(label) AS last
         FROM seats WHERE event_id = $1 GROUP BY tier, price ORDER BY price DESC`,
      [eventId],
    );
    return rows.map((row) => ({ tier: row.tier, price: row.price, seats: Number(row.seats) }));
  }

  it('seeds the Eras Tour at Madison Square Garden: VIP A1–A10 $225, Premium B1–B10 $180, Regular C1–C80 $150', async () => {
    expect(await seatsByTier('evt_eras')).toEqual([
      { tier: 'VIP', price: 22500, seats: 10 },
      { tier: 'Premium', price: 18000, seats: 10 },
      { tier: 'Regular', price: 15000, seats: 80 },
    ]);
    const { rows } = await db.query<{ label: string; row: string; id: string }>(
      `SELECT label, row, id FROM seats WHERE event_id = 'evt_eras' ORDER BY row, number`,
    );
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `A${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `B${i + 1}`),
      ...Array.from({ length: 80 }, (_, i) => `C${i + 1}`),
    ];
    expect(rows.map((row) => row.label)).toEqual(expected);
    expect(rows.every((row) => row.id === `evt_eras_${row.label}` && row.label.startsWith(row.row))).toBe(true);
    const venue = await db.query(`SELECT v.name FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.id = 'evt_eras'`);
    expect(venue.rows[0]).toEqual({ name: 'Madison Square Garden' });
  });

  it('seeds Ed Sheeran at Wembley (80 seats, $120) and Local Jazz Night at the Blue Note (50 seats, $45)', async () => {
    expect((await seatsByTier('evt_sheeran')).map(({ price, seats }) => ({ price, seats }))).toEqual([{ price: 12000, seats: 80 }]);
    expect((await seatsByTier('evt_jazz')).map(({ price, seats }) => ({ price, seats }))).toEqual([{ price: 4500, seats: 50 }]);
  });

  it('seeds a 50,000-seat stadium show with unique seat ids', async () => {
    const { rows } = await db.query<{ seats: string; ids: string }>(
      `SELECT count(*) AS seats, count(DISTINCT id) AS ids FROM seats WHERE event_id = 'evt_stadium'`,
    );
    expect(rows[0]).toEqual({ seats: '50000', ids: '50000' });
  });

  it('puts every event on sale with all seats available at version 0', async () => {
    const { rows } = await db.query<{ id: string; status: string; seat_version: number; taken: string }>(
      `SELECT e.id, e.status, e.seat_version,
              (SELECT count(*) FROM seats s WHERE s.event_id = e.id AND s.status <> 'available') AS taken
         FROM events e WHERE e.id IN ('evt_eras', 'evt_sheeran', 'evt_jazz', 'evt_stadium') ORDER BY e.id`,
    );
    expect(rows).toEqual(['evt_eras', 'evt_jazz', 'evt_sheeran', 'evt_stadium'].map((id) => ({ id, status: 'on_sale', seat_version: 0, taken: '0' })));
  });

  it('seeds alice, bob and charlie as users, admin@example.com as the admin and staff@example.com as door staff, with hashed passwords', async () => {
    const { rows } = await db.query<{ email: string; role: string; password_hash: string }>(
      `SELECT email, role, password_hash FROM users WHERE email LIKE '%@example.com' ORDER BY email`,
    );
    expect(rows.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: 'admin@example.com', role: 'admin' },
      { email: 'alice@example.com', role: 'user' },
      { email: 'bob@example.com', role: 'user' },
      { email: 'charlie@example.com', role: 'user' },
      { email: 'staff@example.com', role: 'staff' },
    ]);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
