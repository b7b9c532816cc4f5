import type { Booking, BookingUpdated } from '@seatstorm/contracts';

/**
 * A booking as a `booking.updated` push says it now stands: status, seats, expiry, reason and
 * extensions left. A push about another booking leaves it as it was.
 */
export function withUpdate(booking: Booking, update: BookingUpdated): Booking {
  if (booking.id !== update.bookingId) return booking;
  const { status, seatIds, expiresAt, reason, failureCode, extensionsLeft } = update;
  return { ...booking, status, seatIds, expiresAt, reason, failureCode, extensionsLeft };
}
