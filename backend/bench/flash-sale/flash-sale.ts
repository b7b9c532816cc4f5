import { resolve } from 'node:path';
import type { Pool } from 'pg';
import type { BenchStack } from '../bench-stack';
import { doubleBookedSeats } from '../booking-core';
import { BenchChild } from '../load/child';
import { Latency } from '../load/histogram';
import { log } from '../report';
import type { FlashSale, SellOutPoint } from '../results';
import { copyStadium } from '../stadium';
import type { BuyersCommand, BuyersReport } from './buyers';

const BUYERS = resolve(__dirname, 'buyers.ts');
const SAMPLE_MS = 1000;
/** After the last seat is taken (or time is up), how long decisions still queued may take before the books are checked. */
const SETTLE_MS = 3000;

export interface FlashSaleOptions {
  tokens: string[];
  workers: number;
  /** Give up after this long if seats are still available. */
  timeoutSeconds: number;
  hotShare: number;
  abandonShare: number;
  thinkMs: number;
}

/**
 * The stadium sold out from 50,000 free seats by signed-in buyers over
 * sockets: multi-seat holds, a new pick after every conflict, some carts
 * abandoned and their seats back on sale. Sampled every second from the
 * database; at the end the books are checked in SQL.
 */
export async function runFlashSale(stack: BenchStack, options: FlashSaleOptions): Promise<FlashSale> {
  const stadium = await copyStadium(stack.db);
  const seats = stadium.labels.length;
  log(`flash sale: ${options.tokens.length} buyers on ${seats.toLocaleString('en-US')} seats from ${options.workers} processes…`);
  const children = Array.from({ length: options.workers }, () => new BenchChild<BuyersCommand, BuyersReport>(BUYERS));
  try {
    await Promise.all(
      children.map((child, i) =>
        child.ask(
          {
            type: 'setup',
            gatewayUrl: stack.gatewayUrl,
            eventId: stadium.eventId,
            tokens: options.tokens.filter((_, n) => n % options.workers === i),
            labels: stadium.labels,
            hotCount: stadium.hotCount,
            hotShare: options.hotShare,
            abandonShare: options.abandonShare,
            thinkMs: options.thinkMs,
          },
          'ready',
        ),
      ),
    );
    const timeline: SellOutPoint[] = [];
    const started = Date.now();
    for (const child of children) child.tell({ type: 'go' });
    let sellOutSeconds: number | null = null;
    let attemptsBefore = 0;
    let sampledAt = started;
    while (Date.now() - started < options.timeoutSeconds * 1000) {
      await new Promise((wait) => setTimeout(wait, SAMPLE_MS));
      const [available, statuses] = await Promise.all([
        availableSeats(stack.db, stadium.eventId),
        Promise.all(children.map((child) => child.ask({ type: 'status' }, 'status'))),
      ]);
      const now = Date.now();
      const attempts = statuses.reduce((sum, report) => sum + report.attempts, 0);
      timeline.push({ t: (now - started) / 1000, taken: seats - available, attemptsPerSecond: ((attempts - attemptsBefore) * 1000) / (now - sampledAt) });
      attemptsBefore = attempts;
      sampledAt = now;
      if (available === 0) {
        sellOutSeconds = (now - started) / 1000;
        break;
      }
    }
    const results = await Promise.all(children.map((child) => child.ask({ type: 'stop' }, 'result')));
    await new Promise((wait) => setTimeout(wait, SETTLE_MS));
    const latency = new Latency();
    const statuses: Record<string, number> = {};
    for (const result of results) {
      latency.add(Latency.decode(result.latency));
      for (const [status, n] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    }
    const attempts = results.reduce((sum, result) => sum + result.attempts, 0);
    const seconds = sellOutSeconds ?? (Date.now() - started) / 1000;
    const won = results.flatMap((result) => result.won);
    const released = new Set(results.flatMap((result) => result.released));
    return {
      seats,
      buyers: options.tokens.length,
      sellOutSeconds,
      attempts,
      attemptsPerSecond: attempts / seconds,
      latency: latency.summary(),
      statuses,
      timeline,
      invariants: {
        doubleBookedSeats: (await doubleBookedSeats(stack.db, [stadium.eventId])).length,
        lost201: await lostHolds(stack.db, won, released),
        unaccountedSeats: await unaccountedSeats(stack.db, stadium.eventId),
      },
    };
  } finally {
    for (const child of children) child.kill();
  }
}

async function availableSeats(db: Pool, eventId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM seats WHERE event_id = $1 AND status = 'available'`, [eventId]);
  return rows[0]?.n ?? 0;
}

/**
 * Holds answered 201 that the database does not show: not stored, not with
 * exactly the seats the answer named, or no longer live though nobody let
 * them go (the bench's holds outlive the run).
 */
async function lostHolds(db: Pool, won: ReadonlyArray<readonly [string, readonly string[]]>, released: ReadonlySet<string>): Promise<number> {
  if (won.length === 0) return 0;
  const { rows } = await db.query<{ id: string; status: string; seat_ids: string[] }>(
    `SELECT b.id, b.status::text AS status, array(SELECT seat_id FROM booking_seats bs WHERE bs.booking_id = b.id ORDER BY seat_id) AS seat_ids
       FROM bookings b WHERE b.id = ANY($1)`,
    [won.map(([id]) => id)],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  return won.filter(([id, seatIds]) => {
    const booking = stored.get(id);
    if (!booking) return true;
    const live = booking.status === 'reserved' || (released.has(id) && booking.status === 'cancelled');
    return !live || [...seatIds].sort().join() !== booking.seat_ids.join();
  }).length;
}

/**
 * Seats whose row disagrees with the bookings: taken without a live booking
 * claiming it, free while a live booking claims it, or claimed by another
 * booking than the one the seat names.
 */
export async function unaccountedSeats(db: Pool, eventId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH claims AS (
       SELECT bs.seat_id, bs.booking_id FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id
        WHERE b.event_id = $1 AND b.status IN ('reserved', 'paid', 'confirmed'))
     SELECT count(*)::int AS n FROM seats s LEFT JOIN claims c ON c.seat_id = s.id
      WHERE s.event_id = $1
        AND ((s.status = 'available') <> (c.booking_id IS NULL) OR (c.booking_id IS NOT NULL AND c.booking_id IS DISTINCT FROM s.booking_id))`,
    [eventId],
  );
  return rows[0]?.n ?? 0;
}
