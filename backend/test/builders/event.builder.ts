import { gridLayout } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { uniqueId } from '../test-env';

export interface BuiltEvent {
  eventId: string;
  seatIds: string[];
}

/**
 * Creates a fresh on-sale event on its own venue: `rows` rows (A, B, …) of
 * `perRow` seats, the first row in tier VIP at $100, the rest Regular at $50;
 * with `noOrphanSeats`, holds may not leave a single seat alone in a row.
 * Unique ids keep tests independent of each other and of the seed.
 */
export async function buildEvent(db: Pool, options: { rows?: number; perRow?: number; noOrphanSeats?: boolean } = {}): Promise<BuiltEvent> {
  const rows = options.rows ?? 2;
  const perRow = options.perRow ?? 5;
  const eventId = uniqueId('evt_test');
  const venueId = uniqueId('ven_test');
  const seats = Array.from({ length: rows }, (_, r) => String.fromCharCode(65 + r)).flatMap((row, r) =>
    Array.from({ length: perRow }, (_, n) => ({
      id: `${eventId}_${row}${n + 1}`,
      label: `${row}${n + 1}`,
      row,
      number: n + 1,
      tier: r === 0 ? 'VIP' : 'Regular',
      price: r === 0 ? 10000 : 5000,
      x: n,
      y: r,
    })),
  );
  // The layout the seats come from, as the catalog stores one: GET /venues reads every venue's layout.
  const layout = gridLayout({ section: 'Floor', tier: 'Regular', rows, seatsPerRow: perRow });
  layout.sections[0]!.rows[0]!.tier = 'VIP';
  await db.query(`INSERT INTO venues (id, name, city, layout) VALUES ($1, 'Test Hall', 'Testville', $2::jsonb)`, [venueId, JSON.stringify(layout)]);
  await db.query(
    `INSERT INTO events (id, venue_id, name, starts_at, on_sale_at, status, no_orphan_seats)
     VALUES ($1, $2, 'Test Night', now() + interval '30 days', now() - interval '1 day', 'on_sale', $3)`,
    [eventId, venueId, options.noOrphanSeats ?? false],
  );
  await db.query(`INSERT INTO event_tiers (event_id, tier, price) VALUES ($1, 'VIP', 10000), ($1, 'Regular', 5000)`, [eventId]);
  await db.query(
    // Row A nearest the stage: each row one run, one unit further back than the one before.
    `INSERT INTO seats (id, event_id, label, section, row, number, tier, price, x, y, stage_distance)
     SELECT s->>'id', $1, s->>'label', 'Floor', s->>'row', (s->>'number')::int, s->>'tier', (s->>'price')::int,
            (s->>'x')::float, (s->>'y')::float, (s->>'y')::float
       FROM jsonb_array_elements($2::jsonb) AS s`,
    [eventId, JSON.stringify(seats)],
  );
  return { eventId, seatIds: seats.map((seat) => seat.id) };
}
