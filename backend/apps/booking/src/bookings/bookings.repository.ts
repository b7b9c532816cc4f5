import { Inject, Injectable } from '@nestjs/common';
import type { BookingStatus, EventStatus } from '@seatstorm/contracts';
import { inPgTransaction, PG_POOL, type Pool, type PoolClient } from '@seatstorm/database';
import type { EncodedMessage } from '@seatstorm/kafka';
import type { BookingState, EventState, SeatState } from './booking.rules';

/** A database seat no longer had the state the decision was made on: the batch must not commit. */
export class SeatConflictError extends Error {
  constructor(readonly expected: number, readonly updated: number) {
    super(`seat update matched ${updated} of ${expected} rows`);
    this.name = 'SeatConflictError';
  }
}

export interface ProcessedCommandRow {
  commandId: string;
  eventId: string;
  type: string;
  bookingId: string | null;
  result: unknown;
}

interface BookingRow {
  id: string;
  event_id: string;
  user_id: string;
  status: BookingStatus;
  command_id: string;
  amount: number;
  expires_at: Date | null;
  hold_extended_at: Date | null;
  reason: string | null;
  card_token: string | null;
  charge_payment_id: string | null;
  refund_payment_id: string | null;
  created_at: Date;
  updated_at: Date;
  seat_ids: string[] | null;
}

/** A booking as stored: its state plus when it last changed. */
export type BookingRecord = BookingState & { updatedAt: Date };

const BOOKING_COLUMNS = `b.id, b.event_id, b.user_id, b.status::text AS status, b.command_id, b.amount, b.expires_at,
  b.hold_extended_at, b.reason, b.card_token, b.charge_payment_id, b.refund_payment_id, b.created_at, b.updated_at,
  (SELECT array_agg(bs.seat_id ORDER BY bs.seat_id) FROM booking_seats bs WHERE bs.booking_id = b.id) AS seat_ids`;

/**
 * A batch touches rows only by key. Given a few thousand keys at once, the
 * planner prefers hashing the whole seats table (every event's seats) to a
 * few thousand index lookups, a cost that grows with the catalogue rather than
 * with the batch. Scoped to the batch's transaction (`is_local`), so nothing
 * else is planned this way.
 */
const KEYED_ACCESS_ONLY = `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
  set_config('enable_mergejoin', 'off', true)`;

/**
 * Every query of the booking core. A batch runs inside `inTransaction`, whose
 * store locks what it reads (`FOR UPDATE`) and writes set-based: one statement
 * per kind of row, however many commands the batch holds.
 */
@Injectable()
export class BookingsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  inTransaction<T>(work: (store: BookingStore) => Promise<T>): Promise<T> {
    return inPgTransaction(this.pool, async (client) => {
      await client.query(KEYED_ACCESS_ONLY);
      return work(new BookingStore(client));
    });
  }

  async findBooking(bookingId: string): Promise<BookingRecord | undefined> {
    const { rows } = await this.pool.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM bookings b WHERE b.id = $1`, [bookingId]);
    return rows[0] && toBooking(rows[0]);
  }

  async findBookingsOfUser(userId: string, limit: number): Promise<BookingRecord[]> {
    const { rows } = await this.pool.query<BookingRow>(
      `SELECT ${BOOKING_COLUMNS} FROM bookings b WHERE b.user_id = $1 ORDER BY b.created_at DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toBooking);
  }
}

/** The queries of one batch transaction. */
export class BookingStore {
  constructor(private readonly client: PoolClient) {}

  private async query<T extends object[]>(sql: string, ...values: unknown[]): Promise<T> {
    return (await this.client.query(sql, values)).rows as T;
  }

  private async execute(sql: string, ...values: unknown[]): Promise<number> {
    return (await this.client.query(sql, values)).rowCount ?? 0;
  }

  async findProcessed(commandIds: readonly string[]): Promise<ProcessedCommandRow[]> {
    if (commandIds.length === 0) return [];
    return this.query<ProcessedCommandRow[]>(
      `SELECT command_id AS "commandId", event_id AS "eventId", type, booking_id AS "bookingId", result
         FROM processed_commands WHERE command_id = ANY($1::text[])`,
      commandIds,
    );
  }

  /** Locks and reads the bookings; ordered by id so two writers never lock in opposite orders. */
  async lockBookings(bookingIds: readonly string[]): Promise<BookingState[]> {
    if (bookingIds.length === 0) return [];
    const rows = await this.query<BookingRow[]>(
      `SELECT ${BOOKING_COLUMNS} FROM bookings b WHERE b.id = ANY($1::text[]) ORDER BY b.id FOR UPDATE OF b`,
      bookingIds,
    );
    return rows.map(toBooking);
  }

  /** Locks and reads the seats, in id order. */
  async lockSeats(seatIds: readonly string[]): Promise<SeatState[]> {
    if (seatIds.length === 0) return [];
    return this.query<SeatState[]>(
      `SELECT id, event_id AS "eventId", label, status::text AS status, booking_id AS "bookingId", price
         FROM seats WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      seatIds,
    );
  }

  /**
   * Locks the events first, before anything else is read: one writer per
   * event at a time, whatever Kafka does. A rebalance can hand a batch to two
   * consumers for a moment; the second then waits here and, once the first
   * committed, sees its commands as processed.
   */
  async lockEvents(eventIds: readonly string[]): Promise<EventState[]> {
    if (eventIds.length === 0) return [];
    return this.query<Array<{ id: string; status: EventStatus; onSaleAt: Date }>>(
      `SELECT id, status::text AS status, on_sale_at AS "onSaleAt" FROM events WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      eventIds,
    );
  }

  /**
   * Which of these users exist, in id order. Locked as the bookings' foreign
   * key locks them anyway (`FOR KEY SHARE`, which only stops a delete or a
   * change of id), so a user found here still exists when the batch stores
   * their bookings.
   */
  async lockUsers(userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.query<Array<{ id: string }>>(
      `SELECT id FROM users WHERE id = ANY($1::text[]) ORDER BY id FOR KEY SHARE`,
      userIds,
    );
    return rows.map((row) => row.id);
  }

  /** Inserts new bookings and updates changed ones in one statement, then records which seats each claimed. */
  async saveBookings(bookings: readonly BookingState[]): Promise<void> {
    if (bookings.length === 0) return;
    // Both statements read the same rows: the bookings as JSON, keyed by their field names.
    const rows = JSON.stringify(bookings);
    await this.execute(
      `INSERT INTO bookings (id, event_id, user_id, status, command_id, amount, expires_at, hold_extended_at, reason,
                             card_token, charge_payment_id, refund_payment_id, created_at, updated_at)
       SELECT v.id, v."eventId", v."userId", v.status, v."commandId", v.amount, v."expiresAt", v."holdExtendedAt",
              v.reason, v."cardToken", v."chargePaymentId", v."refundPaymentId", v."createdAt", now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, "eventId" text, "userId" text, status "BookingStatus", "commandId" text,
                amount int, "expiresAt" timestamptz, "holdExtendedAt" timestamptz, reason text, "cardToken" text,
                "chargePaymentId" text, "refundPaymentId" text, "createdAt" timestamptz)
        -- A hold refused for an event (or user) that does not exist has nothing
        -- to belong to: it is answered, not stored, rather than failing the batch.
        WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = v."eventId") AND EXISTS (SELECT 1 FROM users u WHERE u.id = v."userId")
       ON CONFLICT (id) DO UPDATE SET
         status = EXCLUDED.status, expires_at = EXCLUDED.expires_at, hold_extended_at = EXCLUDED.hold_extended_at,
         reason = EXCLUDED.reason, card_token = EXCLUDED.card_token, charge_payment_id = EXCLUDED.charge_payment_id,
         refund_payment_id = EXCLUDED.refund_payment_id, updated_at = now()`,
      rows,
    );
    if (!bookings.some((booking) => booking.seatIds.length > 0)) return;
    // Only seats that exist can be claimed, and only by a booking that was stored: a hold rejected
    // for unknown seats records none of those, and one not stored (above) records none at all.
    await this.execute(
      `INSERT INTO booking_seats (booking_id, seat_id, price)
       SELECT v.id, s.id, s.price FROM jsonb_to_recordset($1::jsonb) AS v(id text, "seatIds" jsonb)
         CROSS JOIN jsonb_array_elements_text(v."seatIds") AS claim(seat_id)
         JOIN bookings b ON b.id = v.id
         JOIN seats s ON s.id = claim.seat_id
       ON CONFLICT DO NOTHING`,
      rows,
    );
  }

  /**
   * Writes the seats, each only if it still has the status and holder the
   * decision saw. The database has the last word: any mismatch aborts the
   * batch (docs/architecture.md §4.4), so not even a wrong in-memory decision
   * can double-book.
   */
  async updateSeats(changes: ReadonlyArray<{ before: SeatState; after: SeatState }>): Promise<void> {
    if (changes.length === 0) return;
    const updated = await this.execute(
      `UPDATE seats AS s SET status = v.status, booking_id = v."bookingId", updated_at = now()
         FROM jsonb_to_recordset($1::jsonb)
           AS v(id text, status "SeatStatus", "bookingId" text, "expectedStatus" "SeatStatus", "expectedBookingId" text)
        WHERE s.id = v.id AND s.status = v."expectedStatus" AND s.booking_id IS NOT DISTINCT FROM v."expectedBookingId"`,
      JSON.stringify(
        changes.map(({ before, after }) => ({
          id: after.id,
          status: after.status,
          bookingId: after.bookingId,
          expectedStatus: before.status,
          expectedBookingId: before.bookingId,
        })),
      ),
    );
    if (updated !== changes.length) throw new SeatConflictError(changes.length, updated);
  }

  /** Bumps each event's seat version by one; returns the new versions. */
  async bumpSeatVersions(eventIds: readonly string[]): Promise<Map<string, number>> {
    if (eventIds.length === 0) return new Map();
    const rows = await this.query<Array<{ id: string; seat_version: number }>>(
      `UPDATE events SET seat_version = seat_version + 1, updated_at = now() WHERE id = ANY($1::text[]) RETURNING id, seat_version`,
      eventIds,
    );
    return new Map(rows.map((row) => [row.id, row.seat_version]));
  }

  async recordProcessed(rows: readonly ProcessedCommandRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.execute(
      `INSERT INTO processed_commands (command_id, event_id, type, booking_id, result)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS v("commandId" text, "eventId" text, type text, "bookingId" text, result jsonb)
       ON CONFLICT (command_id) DO NOTHING`,
      JSON.stringify(rows),
    );
  }

  /** Queues messages for the outbox relay; ids follow the array's order, which is the publishing order. */
  async enqueue(messages: readonly EncodedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // A message's value is JSON text already: it goes into the parameter as it is, not escaped into a string.
    const rows = messages.map(
      (message) =>
        `{"topic":${JSON.stringify(message.topic)},"key":${JSON.stringify(message.key)},"payload":${message.value},"headers":${JSON.stringify(message.headers)}}`,
    );
    await this.execute(
      `INSERT INTO outbox_messages (topic, key, payload, headers)
       SELECT v.topic, v.key, v.payload, v.headers
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (topic text, key text, payload jsonb, headers jsonb))
              WITH ORDINALITY AS v(topic, key, payload, headers, n)
        ORDER BY v.n`,
      `[${rows.join(',')}]`,
    );
  }
}

function toBooking(row: BookingRow): BookingRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    userId: row.user_id,
    status: row.status,
    commandId: row.command_id,
    seatIds: row.seat_ids ?? [],
    amount: row.amount,
    expiresAt: row.expires_at,
    holdExtendedAt: row.hold_extended_at,
    reason: row.reason,
    cardToken: row.card_token,
    chargePaymentId: row.charge_payment_id,
    refundPaymentId: row.refund_payment_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

