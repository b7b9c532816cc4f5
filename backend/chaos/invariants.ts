import type { Booking } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { doubleBookedSeats } from '../bench/booking-core';
import { unaccountedSeats } from '../bench/flash-sale/flash-sale';
import { call } from '../test/http';
import { CARD_DECLINED, CARD_SUCCEEDS, type Ledger } from './buyers';
import { divergence, type Watcher } from './watchers';

/** What must hold whatever was killed, in the order the report's columns show them. */
export const INVARIANTS = {
  seats: 'no seat in two live bookings; every seat row agrees with the live booking that claims it',
  durable:
    'every hold answered 201 is stored with its seats, and ends as its buyer left it (paid → confirmed, declined → payment_failed, cancelled → cancelled, paid then cancelled → refunded)',
  decided: 'every hold answered 202 was decided: reserved (with its seats) or rejected, never left pending',
  payments: 'every booking charged at most once, and a charge ends confirmed or refunded; no payment or booking left in flight',
  tickets: 'every confirmed booking has one ticket per seat that lets its holder in; no other booking (refund asked, refunded, never confirmed) has any',
  maps: "every watcher's live seat map equals the database",
  answers: 'no request is answered 500: a fault is a 503 SERVICE_UNAVAILABLE, to be tried again; a 500 is a bug',
  queue: 'every buyer in the waiting room is let in once the stack serves again, none loses their place in line, and a pass it gave is never refused',
} as const;
export type InvariantName = keyof typeof INVARIANTS;

/** One broken promise: which invariant, about what (a booking, a seat, a watcher), and how. */
export interface Violation {
  invariant: InvariantName;
  subject: string;
  detail: string;
}

export interface Books {
  db: Pool;
  /** The flash sale's event, and the recovery probe's. */
  saleEventId: string;
  probeEventId: string;
  ledger: Ledger;
  watchers: readonly Watcher[];
}

/** Statuses a booking can end in; `paid` is on its way to one of them. */
const LIVE = new Set(['reserved', 'paid', 'confirmed']);

/** Everything the database and the watchers show that breaks an invariant, now. */
export async function violations(books: Books): Promise<Violation[]> {
  const [seats, stored, payments, tickets, truth] = await Promise.all([
    seatViolations(books),
    storedBookings(books),
    paymentViolations(books),
    ticketViolations(books),
    seatRows(books.db, books.saleEventId),
  ]);
  return [
    ...seats,
    ...ledgerViolations(books.ledger, stored),
    ...payments,
    ...tickets,
    ...books.watchers.flatMap((watcher) => mapViolations(watcher, truth)),
    ...queueViolations(books),
    ...books.ledger.internalErrors.map(({ kind, at, body }) => ({
      invariant: 'answers' as const,
      subject: kind,
      detail: `answered 500 at ${new Date(at).toISOString()}: ${body.slice(0, 160)}`,
    })),
  ];
}

/** Read after the buyers paused and the line was looked at again (Buyers.lineCleared). */
function queueViolations({ ledger }: Books): Violation[] {
  const found: Violation[] = [];
  const joined = (since: number) => `joined at ${new Date(since).toISOString()}`;
  for (const wait of ledger.admissions.waits) {
    if (wait.lost)
      found.push({
        invariant: 'queue',
        subject: wait.buyer,
        detail: `lost their place in line: the room said not queued, never having let them in (${joined(wait.since)}; ${wait.trail.join(', ')})`,
      });
    else if (wait.waitedMs === null) found.push({ invariant: 'queue', subject: wait.buyer, detail: `still in line, never let in (${joined(wait.since)})` });
  }
  for (const refusal of ledger.admissions.refusedPasses) {
    found.push({
      invariant: 'queue',
      subject: refusal.buyer,
      detail: `a pass the room gave was refused (${refusal.reason}) at ${new Date(refusal.at).toISOString()}`,
    });
  }
  return found;
}

async function seatViolations({ db, saleEventId, probeEventId }: Books): Promise<Violation[]> {
  const doubles = await doubleBookedSeats(db, [saleEventId, probeEventId]);
  const unaccounted = (await Promise.all([saleEventId, probeEventId].map((eventId) => unaccountedSeats(db, eventId)))).reduce((a, b) => a + b, 0);
  return [
    ...doubles.map(({ seatId }) => ({ invariant: 'seats' as const, subject: seatId, detail: 'held by two live bookings' })),
    ...(unaccounted > 0 ? [{ invariant: 'seats' as const, subject: 'seat rows', detail: `${unaccounted} seat row(s) disagree with the live bookings` }] : []),
  ];
}

interface StoredBooking {
  status: string;
  seatIds: string[];
}

async function storedBookings({ db, ledger }: Books, only?: readonly string[]): Promise<Map<string, StoredBooking>> {
  const ids = only ?? [...new Set([...ledger.reserved.keys(), ...ledger.pending.keys()])];
  const { rows } = await db.query<{ id: string; status: string; seat_ids: string[] }>(
    `SELECT b.id, b.status::text AS status, array(SELECT seat_id FROM booking_seats bs WHERE bs.booking_id = b.id ORDER BY seat_id) AS seat_ids
       FROM bookings b WHERE b.id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { status: row.status, seatIds: row.seat_ids }]));
}

/** The end each 201 may have, by what its buyer did next. */
function expectedEnds(ledger: Ledger, bookingId: string): readonly string[] {
  const paid = ledger.paid.get(bookingId);
  if (paid?.card === CARD_SUCCEEDS)
    return ledger.cancelled.has(bookingId) ? ['refunded'] : ledger.cancelAsked.has(bookingId) ? ['confirmed', 'refunded'] : ['confirmed'];
  if (paid?.card === CARD_DECLINED) return ['payment_failed'];
  if (ledger.cancelled.has(bookingId)) return ['cancelled'];
  // Nothing asked, or asked without an answer: any end a buyer's own request or the clock can bring.
  return ['reserved', 'expired', 'confirmed', 'payment_failed', 'cancelled'];
}

const sameSeats = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

function ledgerViolations(ledger: Ledger, stored: ReadonlyMap<string, StoredBooking>): Violation[] {
  const found: Violation[] = [];
  for (const [bookingId, { seatIds }] of ledger.reserved) {
    const booking = stored.get(bookingId);
    const ends = expectedEnds(ledger, bookingId);
    if (!booking) found.push({ invariant: 'durable', subject: bookingId, detail: 'answered 201, not in the database' });
    else if (!sameSeats(booking.seatIds, seatIds))
      found.push({ invariant: 'durable', subject: bookingId, detail: `answered 201 for ${seatIds.join(',')}, stored with ${booking.seatIds.join(',')}` });
    else if (!ends.includes(booking.status))
      found.push({ invariant: 'durable', subject: bookingId, detail: `answered 201; ${booking.status}, expected ${ends.join(' or ')}` });
  }
  for (const [bookingId, { seatIds }] of ledger.pending) {
    const booking = stored.get(bookingId);
    if (!booking) found.push({ invariant: 'decided', subject: bookingId, detail: 'answered 202, not in the database' });
    else if (booking.status === 'pending') found.push({ invariant: 'decided', subject: bookingId, detail: 'answered 202, still pending' });
    else if (booking.status !== 'rejected' && !sameSeats(booking.seatIds, seatIds)) {
      found.push({ invariant: 'decided', subject: bookingId, detail: `answered 202 for ${seatIds.join(',')}, stored with ${booking.seatIds.join(',')}` });
    }
  }
  return found;
}

async function paymentViolations({ db, saleEventId, probeEventId }: Books): Promise<Violation[]> {
  const { rows } = await db.query<{ id: string; status: string; charged: number; refunded: number; unsettled: number }>(
    `SELECT b.id, b.status::text AS status,
            count(p.id) FILTER (WHERE p.kind = 'charge' AND p.status = 'succeeded')::int AS charged,
            count(p.id) FILTER (WHERE p.kind = 'refund' AND p.status = 'succeeded')::int AS refunded,
            count(p.id) FILTER (WHERE p.status = 'pending')::int AS unsettled
       FROM bookings b LEFT JOIN payments p ON p.booking_id = b.id
      WHERE b.event_id = ANY($1)
      GROUP BY b.id`,
    [[saleEventId, probeEventId]],
  );
  const found: Violation[] = [];
  const add = (subject: string, detail: string) => found.push({ invariant: 'payments', subject, detail });
  for (const row of rows) {
    if (row.charged > 1) add(row.id, `charged ${row.charged} times`);
    if (row.unsettled > 0) add(row.id, `${row.unsettled} payment(s) still pending`);
    if (row.status === 'paid') add(row.id, 'still paid: the charge was never settled');
    if (row.charged >= 1 && row.status !== 'confirmed' && !(row.status === 'refunded' && row.refunded >= 1))
      add(row.id, `charged, yet ${row.status} and not refunded`);
    if (row.status === 'confirmed' && row.charged === 0) add(row.id, 'confirmed without a charge');
  }
  return found;
}

/** Tickets change in the transaction that changes their booking (docs/architecture.md §13): no crash may leave the two disagreeing. */
async function ticketViolations({ db, saleEventId, probeEventId }: Books): Promise<Violation[]> {
  const { rows } = await db.query<{ id: string; status: string; refunding: boolean; seats: number; admitting: number }>(
    `SELECT b.id, b.status::text AS status, b.refund_payment_id IS NOT NULL AS refunding,
            (SELECT count(*) FROM booking_seats bs WHERE bs.booking_id = b.id)::int AS seats,
            (SELECT count(*) FROM tickets t WHERE t.booking_id = b.id AND t.status <> 'revoked')::int AS admitting
       FROM bookings b WHERE b.event_id = ANY($1)`,
    [[saleEventId, probeEventId]],
  );
  const found: Violation[] = [];
  for (const row of rows) {
    const shouldAdmit = row.status === 'confirmed' && !row.refunding;
    const what = `${row.status}${row.refunding ? ' with a refund asked for' : ''}`;
    if (shouldAdmit && row.admitting !== row.seats) {
      found.push({ invariant: 'tickets', subject: row.id, detail: `${what} with ${row.seats} seat(s), yet ${row.admitting} ticket(s) that let anyone in` });
    } else if (!shouldAdmit && row.admitting > 0) {
      found.push({ invariant: 'tickets', subject: row.id, detail: `${what}, yet ${row.admitting} ticket(s) that let anyone in` });
    }
  }
  return found;
}

async function seatRows(db: Pool, eventId: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ id: string; status: string; booking_id: string | null }>(
    `SELECT id, status::text AS status, booking_id FROM seats WHERE event_id = $1`,
    [eventId],
  );
  return Object.fromEntries(rows.map((seat) => [seat.id, `${seat.status}${seat.booking_id ? `:${seat.booking_id}` : ''}`]));
}

function mapViolations(watcher: Watcher, truth: Readonly<Record<string, string>>): Violation[] {
  if (watcher.sync.status !== 'live') return [{ invariant: 'maps', subject: watcher.name, detail: `its map is ${watcher.sync.status}, not live` }];
  const differ = divergence(watcher, truth);
  return differ.length === 0
    ? []
    : [{ invariant: 'maps', subject: watcher.name, detail: `${differ.length} seat(s) differ from the database, e.g. ${differ.slice(0, 3).join(', ')}` }];
}

const API_CONCURRENCY = 8;

/**
 * The same bookings as their owners see them through the API (GET
 * /bookings/:id on the given gateway): each must answer what the database
 * holds, not a pending hold or a 404.
 */
export async function apiViolations(books: Books, gatewayUrl: string, bookingIds: readonly string[]): Promise<Violation[]> {
  const stored = await storedBookings(books, bookingIds);
  const found: Violation[] = [];
  const agrees = (booking: Booking, truth: StoredBooking | undefined) =>
    truth !== undefined && booking.status === truth.status && (!LIVE.has(truth.status) || sameSeats(booking.seatIds, truth.seatIds));
  const queue = [...bookingIds];
  await Promise.all(
    Array.from({ length: API_CONCURRENCY }, async () => {
      for (let bookingId = queue.shift(); bookingId !== undefined; bookingId = queue.shift()) {
        const entry = books.ledger.reserved.get(bookingId) ?? books.ledger.pending.get(bookingId);
        if (!entry) continue;
        const invariant: InvariantName = books.ledger.reserved.has(bookingId) ? 'durable' : 'decided';
        const reply = await call(`${gatewayUrl}/bookings/${bookingId}`, { token: entry.token, timeoutMs: 10_000 }).catch((error: Error) => ({
          status: 0,
          body: error.message,
        }));
        const booking = reply.body as Booking;
        if (reply.status !== 200) {
          found.push({ invariant, subject: bookingId, detail: `GET /bookings/${bookingId} answered ${reply.status}` });
          continue;
        }
        if (agrees(booking, stored.get(bookingId))) continue;
        // Holds nobody paid for keep expiring while this runs: a booking that moved on since the first read is read again.
        const fresh = (await storedBookings(books, [bookingId])).get(bookingId);
        if (!agrees(booking, fresh))
          found.push({
            invariant,
            subject: bookingId,
            detail: `the API says ${booking.status} (${booking.seatIds.join(',')}), the database ${fresh?.status ?? 'nothing'}`,
          });
      }
    }),
  );
  return found;
}
