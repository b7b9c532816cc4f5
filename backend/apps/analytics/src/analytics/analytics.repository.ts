import { Inject, Injectable } from '@nestjs/common';
import type { SalesMinute, TierRevenue } from '@seatstorm/contracts';
import { inPgTransaction, PG_POOL, type Pool } from '@seatstorm/database';
import type { PoolClient } from 'pg';
import type { BatchCount, CountedFlags, SoldSeat, TotalsDelta } from './analytics.rules';

/**
 * The analytics' tables (analytics_*, prisma/schema.prisma), and what they
 * read of the booking core's: the seats of sold bookings (their tiers and
 * prices as charged) and the event's seat counts. Set-based SQL on the pool,
 * like the booking core's batch: one batch is a handful of statements.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Counts one batch in one transaction: locks what was counted of its
   * bookings, hands it to `decide` with the seats of `seatsFor`, and stores
   * the flags and the counts `decide` returns together. Two deliveries of one
   * message meet at the booking's row: the second finds its flags set.
   */
  countBatch(
    bookingIds: readonly string[],
    seatsFor: readonly string[],
    decide: (prior: Map<string, CountedFlags>, seats: Map<string, SoldSeat[]>) => BatchCount,
  ): Promise<BatchCount> {
    return inPgTransaction(this.pool, async (client) => {
      const prior = await this.lockCounted(client, bookingIds);
      const seats = await this.soldSeats(client, seatsFor);
      const count = decide(prior, seats);
      await this.store(client, count);
      return count;
    });
  }

  async eventExists(eventId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM events WHERE id = $1', [eventId]);
    return (rowCount ?? 0) > 0;
  }

  async totals(eventId: string): Promise<TotalsDelta> {
    const { rows } = await this.pool.query<TotalsDelta>(
      `SELECT holds, paid, abandoned, payment_failed AS "paymentFailed", refunded FROM analytics_event_totals WHERE event_id = $1`,
      [eventId],
    );
    return rows[0] ?? { holds: 0, paid: 0, abandoned: 0, paymentFailed: 0, refunded: 0 };
  }

  /** Seats of the event, and those available now (the catalog's counts, kept by triggers on `seats`). */
  async seatCounts(eventId: string): Promise<{ seatsTotal: number; seatsLeft: number }> {
    const { rows } = await this.pool.query<{ seatsTotal: number; seatsLeft: number }>(
      `SELECT coalesce(sum(count), 0)::int AS "seatsTotal",
              coalesce(sum(count) FILTER (WHERE status = 'available'), 0)::int AS "seatsLeft"
         FROM event_seat_counts WHERE event_id = $1`,
      [eventId],
    );
    return rows[0] ?? { seatsTotal: 0, seatsLeft: 0 };
  }

  async firstSaleMinute(eventId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ minute: Date | null }>('SELECT min(minute) AS minute FROM analytics_sales_minutes WHERE event_id = $1', [eventId]);
    return rows[0]?.minute?.toISOString() ?? null;
  }

  async salesSince(eventId: string, from: string): Promise<SalesMinute[]> {
    const { rows } = await this.pool.query<{ minute: Date; seats: number; cents: string }>(
      'SELECT minute, seats, cents FROM analytics_sales_minutes WHERE event_id = $1 AND minute >= $2 ORDER BY minute',
      [eventId, from],
    );
    return rows.map((row) => ({ minute: row.minute.toISOString(), seats: row.seats, cents: Number(row.cents) }));
  }

  /** Every tier of the event (none sold: 0), dearest first. */
  async revenueByTier(eventId: string): Promise<TierRevenue[]> {
    const { rows } = await this.pool.query<{ tier: string; seats: number; cents: string }>(
      `SELECT tier, sum(seats)::int AS seats, sum(cents)::bigint AS cents, max(price) AS price
         FROM (SELECT tier, 0 AS seats, 0::bigint AS cents, price FROM event_tiers WHERE event_id = $1
               UNION ALL
               SELECT tier, seats, cents, NULL FROM analytics_tier_revenue WHERE event_id = $1) AS tiers
        GROUP BY tier ORDER BY max(price) DESC NULLS LAST, tier`,
      [eventId],
    );
    return rows.map((row) => ({ tier: row.tier, seats: row.seats, cents: Number(row.cents) }));
  }

  private async lockCounted(client: PoolClient, bookingIds: readonly string[]): Promise<Map<string, CountedFlags>> {
    const { rows } = await client.query<{ bookingId: string } & CountedFlags>(
      `SELECT booking_id AS "bookingId", held, sold, abandoned, payment_failed AS "paymentFailed", refunded
         FROM analytics_bookings WHERE booking_id = ANY($1::text[]) ORDER BY booking_id FOR UPDATE`,
      [bookingIds],
    );
    return new Map(rows.map(({ bookingId, ...flags }) => [bookingId, flags]));
  }

  private async soldSeats(client: PoolClient, bookingIds: readonly string[]): Promise<Map<string, SoldSeat[]>> {
    const seats = new Map<string, SoldSeat[]>();
    if (bookingIds.length === 0) return seats;
    const { rows } = await client.query<{ bookingId: string; tier: string; cents: string }>(
      `SELECT bs.booking_id AS "bookingId", s.tier, bs.price AS cents
         FROM booking_seats bs JOIN seats s ON s.id = bs.seat_id
        WHERE bs.booking_id = ANY($1::text[])`,
      [bookingIds],
    );
    for (const row of rows) seats.set(row.bookingId, [...(seats.get(row.bookingId) ?? []), { tier: row.tier, cents: Number(row.cents) }]);
    return seats;
  }

  /** Rows in key order, so two batches that touch the same rows (after a rebalance) never deadlock. */
  private async store(client: PoolClient, count: BatchCount): Promise<void> {
    const bookings = [...count.bookings].sort((a, b) => compare(a.bookingId, b.bookingId));
    if (bookings.length > 0) {
      await client.query(
        `INSERT INTO analytics_bookings (booking_id, event_id, held, sold, abandoned, payment_failed, refunded)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bool[], $4::bool[], $5::bool[], $6::bool[], $7::bool[])
         ON CONFLICT (booking_id) DO UPDATE SET held = EXCLUDED.held, sold = EXCLUDED.sold, abandoned = EXCLUDED.abandoned,
           payment_failed = EXCLUDED.payment_failed, refunded = EXCLUDED.refunded, updated_at = now()`,
        [
          bookings.map((b) => b.bookingId),
          bookings.map((b) => b.eventId),
          bookings.map((b) => b.flags.held),
          bookings.map((b) => b.flags.sold),
          bookings.map((b) => b.flags.abandoned),
          bookings.map((b) => b.flags.paymentFailed),
          bookings.map((b) => b.flags.refunded),
        ],
      );
    }
    const totals = [...count.totals].sort((a, b) => compare(a.eventId, b.eventId));
    if (totals.length > 0) {
      await client.query(
        `INSERT INTO analytics_event_totals AS t (event_id, holds, paid, abandoned, payment_failed, refunded)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[])
         ON CONFLICT (event_id) DO UPDATE SET holds = t.holds + EXCLUDED.holds, paid = t.paid + EXCLUDED.paid,
           abandoned = t.abandoned + EXCLUDED.abandoned, payment_failed = t.payment_failed + EXCLUDED.payment_failed,
           refunded = t.refunded + EXCLUDED.refunded, updated_at = now()`,
        [
          totals.map((t) => t.eventId),
          totals.map((t) => t.holds),
          totals.map((t) => t.paid),
          totals.map((t) => t.abandoned),
          totals.map((t) => t.paymentFailed),
          totals.map((t) => t.refunded),
        ],
      );
    }
    const minutes = [...count.minutes].sort((a, b) => compare(a.eventId, b.eventId) || compare(a.minute, b.minute));
    if (minutes.length > 0) {
      await client.query(
        `INSERT INTO analytics_sales_minutes AS m (event_id, minute, seats, cents)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::bigint[])
         ON CONFLICT (event_id, minute) DO UPDATE SET seats = m.seats + EXCLUDED.seats, cents = m.cents + EXCLUDED.cents`,
        [minutes.map((m) => m.eventId), minutes.map((m) => m.minute), minutes.map((m) => m.seats), minutes.map((m) => m.cents)],
      );
    }
    const tiers = [...count.tiers].sort((a, b) => compare(a.eventId, b.eventId) || compare(a.tier, b.tier));
    if (tiers.length > 0) {
      await client.query(
        `INSERT INTO analytics_tier_revenue AS r (event_id, tier, seats, cents)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[])
         ON CONFLICT (event_id, tier) DO UPDATE SET seats = r.seats + EXCLUDED.seats, cents = r.cents + EXCLUDED.cents`,
        [tiers.map((t) => t.eventId), tiers.map((t) => t.tier), tiers.map((t) => t.seats), tiers.map((t) => t.cents)],
      );
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
