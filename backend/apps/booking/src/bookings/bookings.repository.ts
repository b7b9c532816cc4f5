import { Inject, Injectable } from '@nestjs/common';
import {
  SEAT_HOLDING_STATUSES,
  seatRunKey,
  STANDING_ATTRIBUTE,
  type BestAvailable,
  type BookingPosition,
  type BookingStatus,
  type ErrorCode,
  type EventStatus,
} from '@seatstorm/contracts';
import { inPgTransaction, PG_POOL, type Pool, type PoolClient } from '@seatstorm/database';
import type { EncodedMessage } from '@seatstorm/kafka';
import { WaitingLineStore } from '../waiting-list/waiting-list.repository';
import type { BookingState, EventState, SeatState } from './booking.rules';

/** A database seat no longer had the state the decision was made on: the batch must not commit. */
export class SeatConflictError extends Error {
  constructor(
    readonly expected: number,
    readonly updated: number,
  ) {
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

/** A booking row as node-postgres reads it (timestamps as Dates) or as JSON carries it (timestamps as ISO text). */
interface BookingRow {
  id: string;
  event_id: string;
  user_id: string;
  status: BookingStatus;
  command_id: string;
  /** bigint: node-postgres reads it as text, JSON as a number. */
  amount: number | string;
  expires_at: Timestamp | null;
  hold_extended_at: Timestamp | null;
  reason: string | null;
  failure_code: ErrorCode | null;
  extensions_left: number;
  card_token: string | null;
  charge_payment_id: string | null;
  refund_payment_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  seat_ids: string[] | null;
}

type Timestamp = Date | string;

/** Which of a user's bookings one page holds: up to `limit`, after `after`, of one event and some statuses if given. */
export interface BookingsPageQuery {
  limit: number;
  after?: BookingPosition;
  eventId?: string;
  status?: readonly BookingStatus[];
}

const BOOKING_COLUMNS = `b.id, b.event_id, b.user_id, b.status::text AS status, b.command_id, b.amount, b.expires_at,
  b.hold_extended_at, b.reason, b.failure_code, b.extensions_left, b.card_token, b.charge_payment_id, b.refund_payment_id, b.created_at, b.updated_at,
  (SELECT array_agg(bs.seat_id ORDER BY bs.seat_id) FROM booking_seats bs WHERE bs.booking_id = b.id) AS seat_ids`;

/** A seat as the rules read it (SeatState), from the table aliased `alias`. */
function seatColumns(alias: string): string {
  const a = alias;
  return `${a}.id, ${a}.event_id AS "eventId", ${a}.label, ${a}.status::text AS status, ${a}.booking_id AS "bookingId", ${a}.price,
    ${a}.section, ${a}.row, ${a}.number, ${a}.tier, ${a}.block, ${a}.stage_distance AS "stageDistance", ${a}.attributes`;
}

/** SEAT_HOLDING_STATUSES as an SQL list of literals (constants, never input), so the planner sees them as before. */
const HOLDING_STATUSES_SQL = SEAT_HOLDING_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * A batch touches rows only by key. Given a few thousand keys at once, the
 * planner prefers hashing the whole seats table (every event's seats) to a
 * few thousand index lookups, a cost that grows with the catalogue rather than
 * with the batch. Scoped to the batch's transaction (`SET LOCAL`), so nothing
 * else is planned this way.
 */
const KEYED_ACCESS_ONLY = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off';

/**
 * Every query of the booking core. A batch runs inside `inTransaction`, whose
 * store locks what it reads (`FOR UPDATE`) and writes set-based, however many
 * commands the batch holds.
 */
@Injectable()
export class BookingsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  inTransaction<T>(work: (store: BookingStore) => Promise<T>): Promise<T> {
    return inPgTransaction(this.pool, (client) => work(new BookingStore(client)), KEYED_ACCESS_ONLY);
  }

  async findBooking(bookingId: string): Promise<BookingState | undefined> {
    const { rows } = await this.pool.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM bookings b WHERE b.id = $1`, [bookingId]);
    return rows[0] && toBooking(rows[0]);
  }

  /**
   * A user's bookings newest first (ties by id, so the order is total), from just after
   * `after`, at most `limit`: keyset paging along the (user_id, created_at) index, so a
   * page costs the same however far back it lies.
   */
  async findBookingsOfUser(userId: string, page: BookingsPageQuery): Promise<BookingState[]> {
    const { rows } = await this.pool.query<BookingRow>(
      `SELECT ${BOOKING_COLUMNS} FROM bookings b
        WHERE b.user_id = $1
          AND ($2::text IS NULL OR b.event_id = $2)
          AND ($3::text[] IS NULL OR b.status::text = ANY($3::text[]))
          AND ($4::timestamptz IS NULL OR (b.created_at, b.id) < ($4::timestamptz, $5::text))
        ORDER BY b.created_at DESC, b.id DESC
        LIMIT $6`,
      [userId, page.eventId ?? null, page.status ?? null, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit],
    );
    return rows.map(toBooking);
  }

  /** Bookings holding seats awaiting payment (status reserved), per event that has any; along the (status, expires_at) index. */
  async countLiveHolds(): Promise<Array<{ eventId: string; holds: number }>> {
    const { rows } = await this.pool.query<{ eventId: string; holds: number }>(
      `SELECT event_id AS "eventId", count(*)::int AS holds FROM bookings WHERE status = 'reserved' GROUP BY event_id`,
    );
    return rows;
  }
}

/** Whether booking row `v` is stored: a booking needs its event and its user. */
const STORED = 'EXISTS (SELECT 1 FROM events e WHERE e.id = v."eventId") AND EXISTS (SELECT 1 FROM users u WHERE u.id = v."userId")';

/** What a batch reads, under lock, besides its events. */
export interface BatchRows {
  /** Earlier decisions of the batch's command ids. */
  processed: ProcessedCommandRow[];
  /** Which of the named users exist. */
  users: string[];
  bookings: BookingState[];
  seats: SeatState[];
  /** Live seats per (user, event) of the named pairs that have any. */
  liveSeats: LiveSeatsRow[];
  /**
   * The database's time: every decision is timed by the clock the expiry
   * sweeper reads, never by this host's, which may run behind or ahead of it.
   */
  now: Date;
}

export interface LiveSeatsRow {
  userId: string;
  eventId: string;
  seats: number;
}

/** What a batch writes, besides its outgoing messages. */
export interface BatchWrites {
  bookings: readonly BookingState[];
  seatChanges: ReadonlyArray<{ before: SeatState; after: SeatState }>;
  /** Events whose seat version goes up, and by how many steps (one per seat.updated delta). */
  versionSteps: ReadonlyMap<string, number>;
  processed: readonly ProcessedCommandRow[];
}

/**
 * The queries of one batch transaction: lock the events, read the rest, write
 * the state, queue the messages. Each is one statement, so a batch costs the
 * same few round trips however many commands it holds.
 */
export class BookingStore {
  constructor(private readonly client: PoolClient) {}

  /** The waiting lists' reads and writes of this batch, in its transaction (docs/architecture.md §14). */
  waitingLines(): WaitingLineStore {
    return new WaitingLineStore(this.client);
  }

  /**
   * Locks the events first, before anything else is read: one writer per
   * event at a time, whatever Kafka does. A rebalance can hand a batch to two
   * consumers for a moment; the second then waits here and, once the first
   * committed, sees its commands as processed (read by the next statement, so
   * after the lock, with a fresh snapshot).
   */
  async lockEvents(eventIds: readonly string[]): Promise<EventState[]> {
    if (eventIds.length === 0) return [];
    const { rows } = await this.client.query<EventState & { status: EventStatus }>(
      `SELECT id, status::text AS status, on_sale_at AS "onSaleAt", max_seats_per_buyer AS "maxSeatsPerBuyer",
              waiting_room_enabled AS "waitingRoom", no_orphan_seats AS "noOrphanSeats", starts_at AS "startsAt"
         FROM events WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [eventIds],
    );
    return rows;
  }

  /**
   * Reads, in one statement: the earlier decisions of these commands; which
   * users exist, locked as the bookings' foreign key locks them anyway (`FOR
   * KEY SHARE`, which only stops a delete or a change of id), so a user found
   * here still exists when the batch stores their bookings; the bookings named
   * here or by an earlier decision, locked; and the seats named here or held by
   * those bookings, locked. Rows are locked in id order, users, then bookings,
   * then seats, so two writers never lock in opposite orders.
   *
   * It also counts the live seats each named buyer has at each named event,
   * across all their bookings there, without locking those bookings: the
   * per-buyer limit needs no lock of its own. Every change of a booking's
   * status is decided in a batch that locked its event first (`lockEvents`),
   * so while this batch holds the event lock nobody else can grant, cancel,
   * expire or refund a booking of that event; and this statement starts after
   * the lock was granted, so under READ COMMITTED its snapshot already holds
   * whatever the previous holder of the lock committed. The count is exact for
   * the whole batch, and the rules keep it current from command to command.
   */
  async load(keys: {
    commandIds: readonly string[];
    userIds: readonly string[];
    bookingIds: readonly string[];
    seatIds: readonly string[];
    /** Seats whose whole runs are read too (unlocked: the event lock keeps them still), for the no-orphan rule. */
    runsOf: readonly string[];
    buyers: ReadonlyArray<{ userId: string; eventId: string }>;
  }): Promise<BatchRows> {
    const { rows } = await this.client.query<{
      processed: ProcessedCommandRow[];
      users: string[];
      bookings: BookingRow[];
      seats: SeatState[];
      liveSeats: LiveSeatsRow[];
      now: Date;
    }>(
      `WITH processed AS (
         SELECT command_id AS "commandId", event_id AS "eventId", type, booking_id AS "bookingId", result
           FROM processed_commands WHERE command_id = ANY($1::text[])
       ), known_users AS (
         SELECT id FROM users WHERE id = ANY($2::text[]) ORDER BY id FOR KEY SHARE
       ), locked_bookings AS (
         SELECT ${BOOKING_COLUMNS} FROM bookings b
          WHERE b.id = ANY($3::text[] || ARRAY(SELECT "bookingId" FROM processed WHERE "bookingId" IS NOT NULL))
          ORDER BY b.id FOR UPDATE OF b
       ), locked_seats AS (
         SELECT ${seatColumns('s')} FROM seats s
          WHERE id = ANY($4::text[] || ARRAY(SELECT bs.seat_id FROM booking_seats bs WHERE bs.booking_id = ANY(ARRAY(SELECT id FROM locked_bookings))))
          ORDER BY id FOR UPDATE
       ), run_seats AS (
         SELECT ${seatColumns('r')}
           FROM seats named JOIN seats r ON r.event_id = named.event_id AND r.section = named.section AND r.row = named.row AND r.block = named.block
          WHERE named.id = ANY($7::text[])
       ), live_seats AS (
         SELECT b.user_id AS "userId", b.event_id AS "eventId", count(*)::int AS seats
           FROM unnest($5::text[], $6::text[]) AS buyer(user_id, event_id)
           JOIN bookings b ON b.user_id = buyer.user_id AND b.event_id = buyer.event_id
           JOIN booking_seats bs ON bs.booking_id = b.id
          WHERE b.status IN (${HOLDING_STATUSES_SQL})
          GROUP BY b.user_id, b.event_id
       )
       SELECT (SELECT coalesce(json_agg(p), '[]') FROM processed p) AS processed,
              (SELECT coalesce(json_agg(u.id ORDER BY u.id), '[]') FROM known_users u) AS users,
              (SELECT coalesce(json_agg(b ORDER BY b.id), '[]') FROM locked_bookings b) AS bookings,
              (SELECT coalesce(json_agg(s ORDER BY s.id), '[]')
                 FROM (SELECT * FROM locked_seats UNION SELECT * FROM run_seats) s) AS seats,
              (SELECT coalesce(json_agg(l), '[]') FROM live_seats l) AS "liveSeats",
              now() AS now`,
      [
        keys.commandIds,
        keys.userIds,
        keys.bookingIds,
        keys.seatIds,
        keys.buyers.map((buyer) => buyer.userId),
        keys.buyers.map((buyer) => buyer.eventId),
        keys.runsOf,
      ],
    );
    const [row] = rows;
    if (!row) throw new Error('the batch read returned no row');
    return {
      processed: row.processed,
      users: row.users,
      bookings: row.bookings.map(toBooking),
      seats: row.seats,
      liveSeats: row.liveSeats,
      now: row.now,
    };
  }

  /**
   * The seats best available may choose from, for each request (`key`) of holds asking for it: the runs nearest the
   * stage that match its tier and section and still have `count` free seats — wheelchair spaces
   * and companion seats counted only for an accessible request, which also needs a free
   * wheelchair space in the run — at most `runs` of them, every seat of each (so the rules see
   * what a pick would strand). Unlocked: the event lock keeps them still, and the seats written
   * are checked against what was read. `complete`: fewer runs than asked for qualified, so these
   * are all of them.
   */
  async loadBestCandidates(
    requests: ReadonlyArray<{ key: string; eventId: string; best: BestAvailable; runs: number }>,
  ): Promise<Map<string, { seats: SeatState[]; complete: boolean }>> {
    const candidates = new Map(requests.map((request) => [request.key, { seats: [] as SeatState[], complete: true }]));
    if (requests.length === 0) return candidates;
    const { rows } = await this.client.query<SeatState & { requestKey: string }>(
      `WITH requests AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::int[], $7::int[])
           AS q(request_key, event_id, tier, section, accessible, count, runs)
       ), runs AS (
         SELECT q.request_key, q.event_id, b.section, b.row, b.block
           FROM requests q
           CROSS JOIN LATERAL (
             SELECT s.section, s.row, s.block, min(s.stage_distance) AS distance
               FROM seats s
              WHERE s.event_id = q.event_id AND s.status = 'available' AND s.booking_id IS NULL
                AND (q.tier IS NULL OR s.tier = q.tier) AND (q.section IS NULL OR s.section = q.section)
                AND (q.accessible OR NOT (s.attributes && ARRAY['wheelchair', 'companion']))
                AND NOT ('${STANDING_ATTRIBUTE}' = ANY(s.attributes))
              GROUP BY s.section, s.row, s.block
             HAVING count(*) >= q.count AND (NOT q.accessible OR bool_or('wheelchair' = ANY(s.attributes)))
              ORDER BY distance, s.section, s.row, s.block
              LIMIT q.runs
           ) b
       )
       SELECT runs.request_key AS "requestKey", ${seatColumns('s')}
         FROM runs JOIN seats s ON s.event_id = runs.event_id AND s.section = runs.section AND s.row = runs.row AND s.block = runs.block`,
      [
        requests.map((request) => request.key),
        requests.map((request) => request.eventId),
        requests.map((request) => request.best.tier ?? null),
        requests.map((request) => request.best.section ?? null),
        requests.map((request) => request.best.accessible === true),
        requests.map((request) => request.best.count),
        requests.map((request) => request.runs),
      ],
    );
    const runsRead = new Map<string, Set<string>>();
    for (const { requestKey, ...seat } of rows) {
      candidates.get(requestKey)?.seats.push(seat);
      const runs = runsRead.get(requestKey) ?? new Set<string>();
      runs.add(seatRunKey(seat));
      runsRead.set(requestKey, runs);
    }
    for (const request of requests) candidates.get(request.key)!.complete = (runsRead.get(request.key)?.size ?? 0) < request.runs;
    return candidates;
  }

  /**
   * The free places of standing areas (docs/architecture.md §15), for each request (`key`) of
   * holds asking for places of one area: the lowest-numbered `limit` free places, whether that is
   * all of them (`complete`), and whether the event has such an area (`exists`). Unlocked, as
   * best available's candidates are: the event lock keeps them still, and the places written
   * are checked against what was read.
   */
  async loadStandingCandidates(
    requests: ReadonlyArray<{ key: string; eventId: string; areaId: string; limit: number }>,
  ): Promise<Map<string, { seats: SeatState[]; complete: boolean; exists: boolean }>> {
    const candidates = new Map(requests.map((request) => [request.key, { seats: [] as SeatState[], complete: true, exists: false }]));
    if (requests.length === 0) return candidates;
    const { rows } = await this.client.query<{ requestKey: string; exists: boolean; places: SeatState[] }>(
      `SELECT q.request_key AS "requestKey",
              EXISTS (SELECT 1 FROM seats a WHERE a.event_id = q.event_id AND a.section = q.area_id AND '${STANDING_ATTRIBUTE}' = ANY(a.attributes)) AS exists,
              (SELECT coalesce(json_agg(p ORDER BY p.number), '[]') FROM (
                 SELECT ${seatColumns('s')} FROM seats s
                  WHERE s.event_id = q.event_id AND s.section = q.area_id AND '${STANDING_ATTRIBUTE}' = ANY(s.attributes)
                    AND s.status = 'available' AND s.booking_id IS NULL
                  ORDER BY s.number LIMIT q.lim) p) AS places
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS q(request_key, event_id, area_id, lim)`,
      [
        requests.map((request) => request.key),
        requests.map((request) => request.eventId),
        requests.map((request) => request.areaId),
        requests.map((request) => request.limit),
      ],
    );
    const limits = new Map(requests.map((request) => [request.key, request.limit]));
    for (const row of rows)
      candidates.set(row.requestKey, { seats: row.places, complete: row.places.length < limits.get(row.requestKey)!, exists: row.exists });
    return candidates;
  }

  /** How many places each standing area has left (available), as this transaction sees it: after its writes. */
  async countPlacesLeft(areas: ReadonlyArray<{ eventId: string; areaId: string }>): Promise<Array<{ eventId: string; areaId: string; available: number }>> {
    if (areas.length === 0) return [];
    const { rows } = await this.client.query<{ eventId: string; areaId: string; available: number }>(
      `SELECT q.event_id AS "eventId", q.area_id AS "areaId",
              (SELECT count(*)::int FROM seats s
                WHERE s.event_id = q.event_id AND s.section = q.area_id AND '${STANDING_ATTRIBUTE}' = ANY(s.attributes) AND s.status = 'available') AS available
         FROM unnest($1::text[], $2::text[]) AS q(event_id, area_id)`,
      [areas.map((area) => area.eventId), areas.map((area) => area.areaId)],
    );
    return rows;
  }

  /**
   * Writes the batch's state in one statement and returns the events' new seat
   * versions. Bookings are inserted or updated, then record which seats each
   * claimed: only seats that exist, and only by a booking that was stored (a
   * hold refused for an event or user that does not exist has nothing to
   * belong to: it is answered, not stored, rather than failing the batch).
   * Seats are written each only if it still has the status and holder the
   * decision saw: the database has the last word, and any mismatch aborts the
   * batch (docs/architecture.md §4.4), so not even a wrong in-memory decision
   * can double-book.
   */
  async save(writes: BatchWrites): Promise<Map<string, number>> {
    const { rows } = await this.client.query<{ updated: number; versions: Record<string, number> }>(
      `WITH saved AS (
         INSERT INTO bookings (id, event_id, user_id, status, command_id, amount, expires_at, hold_extended_at, reason,
                               failure_code, extensions_left, card_token, charge_payment_id, refund_payment_id, created_at, updated_at)
         SELECT v.id, v."eventId", v."userId", v.status, v."commandId", v.amount, v."expiresAt", v."holdExtendedAt",
                v.reason, v."failureCode", v."extensionsLeft", v."cardToken", v."chargePaymentId", v."refundPaymentId", v."createdAt", v."updatedAt"
           FROM jsonb_to_recordset($1::jsonb) AS v(id text, "eventId" text, "userId" text, status "BookingStatus", "commandId" text,
                  amount bigint, "expiresAt" timestamptz, "holdExtendedAt" timestamptz, reason text, "failureCode" text, "extensionsLeft" int, "cardToken" text,
                  "chargePaymentId" text, "refundPaymentId" text, "createdAt" timestamptz, "updatedAt" timestamptz)
          WHERE ${STORED}
         ON CONFLICT (id) DO UPDATE SET
           status = EXCLUDED.status, expires_at = EXCLUDED.expires_at, hold_extended_at = EXCLUDED.hold_extended_at,
           reason = EXCLUDED.reason, failure_code = EXCLUDED.failure_code, extensions_left = EXCLUDED.extensions_left, card_token = EXCLUDED.card_token, charge_payment_id = EXCLUDED.charge_payment_id,
           refund_payment_id = EXCLUDED.refund_payment_id, updated_at = EXCLUDED.updated_at
       ), claimed AS (
         -- Filtered as saved is, not joined with it: with hash and merge joins off, joining a CTE compares every pair of rows.
         INSERT INTO booking_seats (booking_id, seat_id, price)
         SELECT v.id, s.id, s.price FROM jsonb_to_recordset($1::jsonb) AS v(id text, "eventId" text, "userId" text, "seatIds" jsonb)
           CROSS JOIN jsonb_array_elements_text(v."seatIds") AS claim(seat_id)
           JOIN seats s ON s.id = claim.seat_id
          WHERE ${STORED}
         ON CONFLICT DO NOTHING
       ), changed AS (
         UPDATE seats AS s SET status = v.status, booking_id = v."bookingId", updated_at = now()
           FROM jsonb_to_recordset($2::jsonb)
             AS v(id text, status "SeatStatus", "bookingId" text, "expectedStatus" "SeatStatus", "expectedBookingId" text)
          WHERE s.id = v.id AND s.status = v."expectedStatus" AND s.booking_id IS NOT DISTINCT FROM v."expectedBookingId"
         RETURNING s.id
       ), bumped AS (
         UPDATE events e SET seat_version = e.seat_version + v.steps, updated_at = now()
           FROM unnest($3::text[], $5::int[]) AS v(id, steps) WHERE e.id = v.id RETURNING e.id, e.seat_version
       ), recorded AS (
         INSERT INTO processed_commands (command_id, event_id, type, booking_id, result)
         SELECT * FROM jsonb_to_recordset($4::jsonb) AS v("commandId" text, "eventId" text, type text, "bookingId" text, result jsonb)
         ON CONFLICT (command_id) DO NOTHING
       )
       SELECT (SELECT count(*)::int FROM changed) AS updated,
              (SELECT coalesce(json_object_agg(id, seat_version), '{}') FROM bumped) AS versions`,
      [
        JSON.stringify(writes.bookings),
        JSON.stringify(
          writes.seatChanges.map(({ before, after }) => ({
            id: after.id,
            status: after.status,
            bookingId: after.bookingId,
            expectedStatus: before.status,
            expectedBookingId: before.bookingId,
          })),
        ),
        [...writes.versionSteps.keys()],
        JSON.stringify(writes.processed),
        [...writes.versionSteps.values()],
      ],
    );
    const updated = rows[0]?.updated ?? 0;
    if (updated !== writes.seatChanges.length) throw new SeatConflictError(writes.seatChanges.length, updated);
    return new Map(Object.entries(rows[0]?.versions ?? {}));
  }

  /**
   * Issues a ticket for each seat of the `issue` bookings and revokes the tickets of the
   * `revoke` ones, at the batch's time, in one statement. A ticket's id derives from its
   * booking and seat, the ids the migration gave tickets of bookings confirmed before, and
   * a ticket already there stays as it is, so doing it twice changes nothing.
   */
  async saveTickets(changes: { issue: readonly string[]; revoke: readonly string[] }, at: Date): Promise<void> {
    await this.client.query(
      `WITH issued AS (
         INSERT INTO tickets (id, booking_id, event_id, seat_id, issued_at)
         SELECT 'tkt_' || substr(md5(b.id || ' ' || bs.seat_id), 1, 20), b.id, b.event_id, bs.seat_id, $3
           FROM bookings b JOIN booking_seats bs ON bs.booking_id = b.id
          WHERE b.id = ANY($1::text[])
         ON CONFLICT (booking_id, seat_id) DO NOTHING
       )
       UPDATE tickets SET status = 'revoked', revoked_at = $3 WHERE booking_id = ANY($2::text[]) AND status <> 'revoked'`,
      [changes.issue, changes.revoke, at],
    );
  }

  /** Records decisions reached outside a batch (a command dead-lettered), so a redelivery is answered as a replay. */
  async record(processed: readonly ProcessedCommandRow[]): Promise<void> {
    await this.client.query(
      `INSERT INTO processed_commands (command_id, event_id, type, booking_id, result)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS v("commandId" text, "eventId" text, type text, "bookingId" text, result jsonb)
       ON CONFLICT (command_id) DO NOTHING`,
      [JSON.stringify(processed)],
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
    await this.client.query(
      `INSERT INTO outbox_messages (topic, key, payload, headers)
       SELECT v.topic, v.key, v.payload, v.headers
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (topic text, key text, payload jsonb, headers jsonb))
              WITH ORDINALITY AS v(topic, key, payload, headers, n)
        ORDER BY v.n`,
      [`[${rows.join(',')}]`],
    );
  }
}

function toBooking(row: BookingRow): BookingState {
  return {
    id: row.id,
    eventId: row.event_id,
    userId: row.user_id,
    status: row.status,
    commandId: row.command_id,
    seatIds: row.seat_ids ?? [],
    amount: Number(row.amount),
    expiresAt: dateOrNull(row.expires_at),
    holdExtendedAt: dateOrNull(row.hold_extended_at),
    reason: row.reason,
    failureCode: row.failure_code,
    extensionsLeft: row.extensions_left,
    cardToken: row.card_token,
    chargePaymentId: row.charge_payment_id,
    refundPaymentId: row.refund_payment_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

const dateOrNull = (value: Timestamp | null): Date | null => (value === null ? null : new Date(value));
