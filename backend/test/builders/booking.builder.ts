import type { BookingStatus } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { uniqueId } from '../test-env';

export interface BuiltBooking {
  bookingId: string;
  eventId: string;
  userId: string;
  seatIds: string[];
  /** Cents: the seats' prices added up. */
  amount: number;
}

/** Statuses whose booking holds its seats. */
const HOLDING: ReadonlySet<BookingStatus> = new Set(['reserved', 'paid', 'confirmed']);

/**
 * A booking as the booking core would have stored it: its seats at their
 * prices, and, while its status holds them, the seats marked as its. For tests
 * of the services around the booking core that need real rows to refer to.
 */
export async function buildBooking(db: Pool, options: { eventId: string; userId: string; seatIds: string[]; status?: BookingStatus }): Promise<BuiltBooking> {
  const { eventId, userId, seatIds } = options;
  const status = options.status ?? 'reserved';
  const bookingId = uniqueId('bkg_test');
  // amount is a bigint, which node-postgres reads as text.
  const { rows } = await db.query<{ amount: string }>(
    `INSERT INTO bookings (id, event_id, user_id, status, command_id, amount)
     SELECT $1, $2, $3, $4::"BookingStatus", $5, COALESCE(SUM(price), 0)::int FROM seats WHERE id = ANY($6)
     RETURNING amount`,
    [bookingId, eventId, userId, status, uniqueId('cmd_test'), seatIds],
  );
  await db.query(`INSERT INTO booking_seats (booking_id, seat_id, price) SELECT $1, id, price FROM seats WHERE id = ANY($2)`, [bookingId, seatIds]);
  if (HOLDING.has(status)) {
    await db.query(`UPDATE seats SET status = $2::"SeatStatus", booking_id = $1 WHERE id = ANY($3)`, [bookingId, status, seatIds]);
  }
  return { bookingId, eventId, userId, seatIds, amount: Number(rows[0]?.amount ?? 0) };
}
