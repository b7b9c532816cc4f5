import { Inject, Injectable } from '@nestjs/common';
import type { EventStatus, WaitingListStatus } from '@seatstorm/contracts';
import { inPgTransaction, PG_POOL, type Pool, type PoolClient } from '@seatstorm/database';
import type { WaitingEntryState } from './waiting-list.rules';

/** How many waiting entries of each event a batch reads, from the head of the line: more than any batch's released seats can serve. */
export const LINE_HEAD = 200;

const ENTRY_COLUMNS = `w.id, w.event_id AS "eventId", w.user_id AS "userId", w.quantity, w.tier, w.status::text AS status,
  w.joined_at AS "joinedAt", w.offered_booking_id AS "offeredBookingId", w.offered_at AS "offeredAt"`;

/** An entry as the API shows it, with what it takes to answer: its place in line and its offer's expiry. */
export interface WaitingEntryView extends WaitingEntryState {
  /** Waiting entries of its event ahead of it (null unless waiting). */
  ahead: number | null;
  /** When the offer's booking stops holding the seats (null unless offered). */
  offerExpiresAt: Date | null;
}

export interface WaitingEventRow {
  id: string;
  status: EventStatus;
  onSaleAt: Date | null;
}

/** The waiting list's queries outside the booking batches: joining, leaving, reading one's place. */
@Injectable()
export class WaitingListRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Runs `work` with the event locked as a booking batch locks it (`FOR UPDATE`): a join or a
   * leave is ordered with every batch that could release the event's seats, so a seat is never
   * released between reading that the event is sold out and joining its line. Undefined: no such event.
   */
  withEventLocked<T>(eventId: string, work: (store: WaitingListStore, event: WaitingEventRow) => Promise<T>): Promise<T | undefined> {
    return inPgTransaction(this.pool, async (client) => {
      const { rows } = await client.query<WaitingEventRow>(`SELECT id, status::text AS status, on_sale_at AS "onSaleAt" FROM events WHERE id = $1 FOR UPDATE`, [
        eventId,
      ]);
      return rows[0] ? work(new WaitingListStore(client), rows[0]) : undefined;
    });
  }

  /** The user's latest entry at the event (the active one if any), with its place and offer. */
  findLatest(eventId: string, userId: string): Promise<WaitingEntryView | undefined> {
    return latestEntry(this.pool, eventId, userId);
  }

  /** How many wait in the event's line; undefined: no such event. */
  async countWaiting(eventId: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ waiting: number }>(
      `SELECT (SELECT count(*)::int FROM waiting_list_entries w WHERE w.event_id = e.id AND w.status = 'waiting') AS waiting
         FROM events e WHERE e.id = $1`,
      [eventId],
    );
    return rows[0]?.waiting;
  }
}

/** The queries of one join or leave, inside `withEventLocked`. */
export class WaitingListStore {
  constructor(private readonly client: PoolClient) {}

  /** Seats of the event (of the tier, if named) on general sale now, and how many seats that tier has at all. */
  async countSeats(eventId: string, tier: string | null): Promise<{ available: number; total: number }> {
    const { rows } = await this.client.query<{ available: number; total: number }>(
      `SELECT count(*) FILTER (WHERE status = 'available' AND booking_id IS NULL)::int AS available, count(*)::int AS total
         FROM seats WHERE event_id = $1 AND ($2::text IS NULL OR tier = $2)`,
      [eventId, tier],
    );
    return rows[0] ?? { available: 0, total: 0 };
  }

  findLatest(eventId: string, userId: string): Promise<WaitingEntryView | undefined> {
    return latestEntry(this.client, eventId, userId);
  }

  async insert(entry: Pick<WaitingEntryState, 'id' | 'eventId' | 'userId' | 'quantity' | 'tier'>): Promise<void> {
    await this.client.query(
      `INSERT INTO waiting_list_entries (id, event_id, user_id, quantity, tier, status, joined_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'waiting', clock_timestamp(), clock_timestamp())`,
      [entry.id, entry.eventId, entry.userId, entry.quantity, entry.tier],
    );
  }

  async setStatus(entryId: string, status: WaitingListStatus): Promise<void> {
    await this.client.query(`UPDATE waiting_list_entries SET status = $2::"WaitingListStatus", updated_at = now() WHERE id = $1`, [entryId, status]);
  }
}

/**
 * The waiting list's part of a booking batch (docs/architecture.md §14), on the batch's
 * connection: read the line under the batch's event locks, write back what the batch decided.
 */
export class WaitingLineStore {
  constructor(private readonly client: PoolClient) {}

  /**
   * The head of each event's line (its first LINE_HEAD waiting entries, in line order) and the
   * offered entries of the named bookings, locked. The events are locked already, so nobody
   * joins, leaves or is offered anything meanwhile; the row locks say so to any other writer.
   */
  async load(eventIds: readonly string[], bookingIds: readonly string[]): Promise<WaitingEntryState[]> {
    if (eventIds.length === 0 && bookingIds.length === 0) return [];
    const { rows } = await this.client.query<WaitingEntryState>(
      `SELECT ${ENTRY_COLUMNS} FROM waiting_list_entries w
        WHERE w.id IN (
          SELECT head.id FROM unnest($1::text[]) AS e(id)
            CROSS JOIN LATERAL (
              SELECT h.id FROM waiting_list_entries h WHERE h.event_id = e.id AND h.status = 'waiting'
               ORDER BY h.joined_at, h.id LIMIT $3
            ) head
          UNION ALL
          SELECT o.id FROM waiting_list_entries o WHERE o.offered_booking_id = ANY($2::text[]) AND o.status = 'offered'
        )
        ORDER BY w.id FOR UPDATE`,
      [eventIds, bookingIds, LINE_HEAD],
    );
    return rows.map((row) => ({ ...row, joinedAt: new Date(row.joinedAt), offeredAt: row.offeredAt && new Date(row.offeredAt) }));
  }

  /** Writes the entries the batch changed, after the bookings they point to were saved. */
  async save(entries: readonly WaitingEntryState[]): Promise<void> {
    if (entries.length === 0) return;
    await this.client.query(
      `UPDATE waiting_list_entries AS w
          SET status = v.status, offered_booking_id = v."offeredBookingId", offered_at = v."offeredAt", updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, status "WaitingListStatus", "offeredBookingId" text, "offeredAt" timestamptz)
        WHERE w.id = v.id`,
      [JSON.stringify(entries.map(({ id, status, offeredBookingId, offeredAt }) => ({ id, status, offeredBookingId, offeredAt })))],
    );
  }
}

async function latestEntry(db: Pool | PoolClient, eventId: string, userId: string): Promise<WaitingEntryView | undefined> {
  const { rows } = await db.query<WaitingEntryView>(
    `SELECT ${ENTRY_COLUMNS},
            CASE WHEN w.status = 'waiting' THEN (
              SELECT count(*)::int FROM waiting_list_entries a
               WHERE a.event_id = w.event_id AND a.status = 'waiting' AND (a.joined_at, a.id) < (w.joined_at, w.id)
            ) END AS ahead,
            CASE WHEN w.status = 'offered' THEN b.expires_at END AS "offerExpiresAt"
       FROM waiting_list_entries w LEFT JOIN bookings b ON b.id = w.offered_booking_id
      WHERE w.event_id = $1 AND w.user_id = $2
      ORDER BY (w.status IN ('waiting', 'offered')) DESC, w.joined_at DESC, w.id DESC
      LIMIT 1`,
    [eventId, userId],
  );
  return rows[0];
}
