import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** The seeded 50,000-seat show (docs/architecture.md §7), copied fresh for every measured run. */
const STADIUM = 'evt_stadium';
/** The sought-after seats: the lower ring (sections S01–S20), its ten rows nearest the pitch. */
const HOT_SECTIONS = 20;
const HOT_ROWS = 10;

export interface Stadium {
  eventId: string;
  /** Seat labels, the sought-after ones first. */
  labels: string[];
  hotCount: number;
}

/**
 * A new on-sale event on the seeded stadium's venue with a copy of its
 * 50,000 seats, all available: each sweep step and the flash sale start from
 * the same untouched map.
 */
export async function copyStadium(db: Pool): Promise<Stadium> {
  const eventId = `evt_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO events (id, venue_id, name, description, category, starts_at, on_sale_at, status)
       SELECT $1, venue_id, name, description, category, starts_at, now() - interval '1 minute', 'on_sale' FROM events WHERE id = $2`,
      [eventId, STADIUM],
    );
    await client.query(`INSERT INTO event_tiers (event_id, tier, price) SELECT $1, tier, price FROM event_tiers WHERE event_id = $2`, [eventId, STADIUM]);
    await client.query(
      `INSERT INTO seats (id, event_id, label, section, row, number, tier, price, x, y)
       SELECT $1 || '_' || label, $1, label, section, row, number, tier, price, x, y FROM seats WHERE event_id = $2`,
      [eventId, STADIUM],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  const { rows } = await db.query<{ label: string; hot: boolean }>(
    `SELECT label, (substring(section FROM 2)::int <= $2 AND substring(row FROM 2)::int <= $3) AS hot
       FROM seats WHERE event_id = $1 ORDER BY 2 DESC, label`,
    [eventId, HOT_SECTIONS, HOT_ROWS],
  );
  if (rows.length === 0) throw new Error(`the seeded stadium (${STADIUM}) has no seats: was the bench database seeded?`);
  return { eventId, labels: rows.map((row) => row.label), hotCount: rows.filter((row) => row.hot).length };
}
