import { generateSeats, gridLayout, type VenueLayout } from '@seatstorm/contracts';
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

/**
 * Creates a fresh on-sale event on its own club venue: a standing area `Floor` of `capacity`
 * places at $30 (docs/architecture.md §15) and a balcony row A of `seats` seats at $50, generated
 * from the layout as the catalog does. Returns the balcony's seat ids.
 */
export async function buildStandingEvent(db: Pool, options: { capacity: number; seats?: number }): Promise<BuiltEvent> {
  const eventId = uniqueId('evt_test');
  const venueId = uniqueId('ven_test');
  const layout: VenueLayout = {
    sections: [
      {
        name: 'Floor',
        labelFormat: 'row-number',
        tier: 'Floor',
        rows: [],
        placement: { kind: 'grid', center: { x: 0, y: 4 }, seatPitch: 1.2, rowPitch: 1.6 },
        standing: { capacity: options.capacity, width: 14, height: 6 },
      },
      {
        name: 'Balcony',
        labelFormat: 'row-number',
        tier: 'Balcony',
        rows: [{ label: 'A', seats: options.seats ?? 4 }],
        placement: { kind: 'grid', center: { x: 0, y: 10 }, seatPitch: 1.2, rowPitch: 1.6 },
      },
    ],
    features: [{ kind: 'stage', label: 'Stage', x: 0, y: 0, width: 10, height: 2 }],
  };
  const prices = { Floor: 3000, Balcony: 5000 };
  const seats = generateSeats(eventId, layout, prices);
  await db.query(`INSERT INTO venues (id, name, city, layout) VALUES ($1, 'Test Club', 'Testville', $2::jsonb)`, [venueId, JSON.stringify(layout)]);
  await db.query(
    `INSERT INTO events (id, venue_id, name, starts_at, on_sale_at, status)
     VALUES ($1, $2, 'Test Club Night', now() + interval '30 days', now() - interval '1 day', 'on_sale')`,
    [eventId, venueId],
  );
  await db.query(`INSERT INTO event_tiers (event_id, tier, price) VALUES ($1, 'Floor', 3000), ($1, 'Balcony', 5000)`, [eventId]);
  await db.query(
    `INSERT INTO seats (id, event_id, label, section, row, number, tier, price, x, y, block, stage_distance, attributes)
     SELECT s.id, s."eventId", s.label, s.section, s.row, s.number, s.tier, s.price, s.x, s.y, s.block, s."stageDistance", s.attributes
       FROM jsonb_to_recordset($1::jsonb) AS s(id text, "eventId" text, label text, section text, row text, number int, tier text, price int,
              x float, y float, block int, "stageDistance" float, attributes text[])`,
    [JSON.stringify(seats)],
  );
  return { eventId, seatIds: seats.filter((seat) => !seat.attributes.includes('standing')).map((seat) => seat.id) };
}
