import { z } from 'zod';

// WARNING: these strings travel on the wire (REST, socket.io, Kafka) and are
// stored in PostgreSQL. Never rename one; add new ones at the end.

/** A seat as every client sees it. */
export const seatStatusSchema = z.enum(['available', 'reserved', 'paid', 'confirmed', 'blocked']);
export type SeatStatus = z.infer<typeof seatStatusSchema>;
export const SEAT_STATUSES = seatStatusSchema.options;

/** The booking state machine of docs/architecture.md §3. */
export const bookingStatusSchema = z.enum(['pending', 'reserved', 'paid', 'confirmed', 'refunded', 'rejected', 'payment_failed', 'expired', 'cancelled']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;
export const BOOKING_STATUSES = bookingStatusSchema.options;

/** The statuses in which a booking holds its seats; each seat it holds shows the same status on the map. */
export const SEAT_HOLDING_STATUSES = ['reserved', 'paid', 'confirmed'] as const satisfies ReadonlyArray<BookingStatus & SeatStatus>;

export const eventStatusSchema = z.enum(['scheduled', 'on_sale', 'sold_out', 'cancelled', 'ended']);
export type EventStatus = z.infer<typeof eventStatusSchema>;

/**
 * An event's status in force at `now`: a scheduled event is on sale from its
 * on-sale time on, without anything having to flip it. The one rule the
 * catalog shows and the booking core holds by.
 */
export function eventStatusAt(event: { status: EventStatus; onSaleAt?: Date | null }, now: Date): EventStatus {
  return event.status === 'scheduled' && event.onSaleAt != null && event.onSaleAt <= now ? 'on_sale' : event.status;
}

/** `staff` checks tickets in at the door (POST /check-in), and nothing else an admin may. */
export const userRoleSchema = z.enum(['user', 'admin', 'staff']);
export type UserRole = z.infer<typeof userRoleSchema>;

/** A booking's steps, each named after its status; `refund_delayed`: a refund the provider has not made after its quick retries; `waiting_list_offer`: seats held for the buyer from a waiting list. */
export const notificationKindSchema = z.enum(['confirmed', 'payment_failed', 'expired', 'refunded', 'cancelled', 'refund_delayed', 'waiting_list_offer']);
export type NotificationKind = z.infer<typeof notificationKindSchema>;
