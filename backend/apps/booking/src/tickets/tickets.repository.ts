import { Inject, Injectable } from '@nestjs/common';
import type { BookingStatus, CheckInCount, TicketSeat, TicketStatus } from '@seatstorm/contracts';
import { PG_POOL, type Pool } from '@seatstorm/database';

/** A ticket with its seat and holder, as stored (its code is signed when it is shown). */
export interface TicketRow {
  id: string;
  bookingId: string;
  eventId: string;
  seatId: string;
  seat: TicketSeat;
  holderName: string;
  status: TicketStatus;
  issuedAt: Date;
  checkedInAt: Date | null;
  revokedAt: Date | null;
}

/** A ticket row of `t`, its seat `s` and its holder `u`, as TicketRow reads it. */
const TICKET_COLUMNS = `t.id, t.booking_id AS "bookingId", t.event_id AS "eventId", t.seat_id AS "seatId",
  json_build_object('label', s.label, 'section', s.section, 'row', s.row, 'number', s.number, 'tier', s.tier) AS seat,
  u.name AS "holderName", t.status::text AS status, t.issued_at AS "issuedAt", t.checked_in_at AS "checkedInAt", t.revoked_at AS "revokedAt"`;

/** Tickets as the booking core issued them, and the door's one write: checking one in. */
@Injectable()
export class TicketsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** A booking's owner and status, and its tickets by seat; undefined for no such booking. */
  async findBookingTickets(bookingId: string): Promise<{ userId: string; status: BookingStatus; tickets: TicketRow[] } | undefined> {
    const { rows } = await this.pool.query<{ userId: string; status: BookingStatus; tickets: Array<Omit<TicketRow, keyof JsonDates> & JsonDates> }>(
      `SELECT b.user_id AS "userId", b.status::text AS status,
              coalesce((SELECT json_agg(v ORDER BY v.seat->>'section', v.seat->>'row', (v.seat->>'number')::int)
                          FROM (SELECT ${TICKET_COLUMNS}
                                  FROM tickets t JOIN seats s ON s.id = t.seat_id JOIN users u ON u.id = b.user_id
                                 WHERE t.booking_id = b.id) v), '[]') AS tickets
         FROM bookings b WHERE b.id = $1`,
      [bookingId],
    );
    const [row] = rows;
    return row && { userId: row.userId, status: row.status, tickets: row.tickets.map(withDates) };
  }

  /**
   * Checks a valid ticket in, by one conditional update: of two scans at once, the row
   * lock makes one wait, and it then finds the ticket no longer valid and changes nothing.
   * The ticket, now checked in, or undefined when this scan did not do it.
   */
  async checkIn(ticket: { ticketId: string; eventId: string; seatId: string }, checkedInBy: string): Promise<TicketRow | undefined> {
    const { rows } = await this.pool.query<TicketRow>(
      `UPDATE tickets t SET status = 'checked_in', checked_in_at = now(), checked_in_by = $4
         FROM seats s, bookings b, users u
        WHERE t.id = $1 AND t.event_id = $2 AND t.seat_id = $3 AND t.status = 'valid'
          AND s.id = t.seat_id AND b.id = t.booking_id AND u.id = b.user_id
        RETURNING ${TICKET_COLUMNS}`,
      [ticket.ticketId, ticket.eventId, ticket.seatId, checkedInBy],
    );
    return rows[0];
  }

  /** A ticket as it stands: read after the conditional update, by a statement of its own, so it sees what the other scan committed. */
  async findTicket(ticketId: string): Promise<TicketRow | undefined> {
    const { rows } = await this.pool.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS}
         FROM tickets t JOIN seats s ON s.id = t.seat_id JOIN bookings b ON b.id = t.booking_id JOIN users u ON u.id = b.user_id
        WHERE t.id = $1`,
      [ticketId],
    );
    return rows[0];
  }

  /** An event's people in and tickets that may come, along the (event_id, status) index; undefined for no such event. */
  async countCheckIns(eventId: string): Promise<CheckInCount | undefined> {
    const { rows } = await this.pool.query<CheckInCount>(
      `SELECT e.id AS "eventId",
              (SELECT count(*) FROM tickets t WHERE t.event_id = e.id AND t.status = 'checked_in')::int AS "checkedIn",
              (SELECT count(*) FROM tickets t WHERE t.event_id = e.id AND t.status IN ('valid', 'checked_in'))::int AS total
         FROM events e WHERE e.id = $1`,
      [eventId],
    );
    return rows[0];
  }
}

/** Timestamps as JSON carries them (ISO text), in rows read through json_agg. */
type JsonDates = { issuedAt: string; checkedInAt: string | null; revokedAt: string | null };

function withDates(row: Omit<TicketRow, keyof JsonDates> & JsonDates): TicketRow {
  return {
    ...row,
    issuedAt: new Date(row.issuedAt),
    checkedInAt: row.checkedInAt === null ? null : new Date(row.checkedInAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
  };
}
