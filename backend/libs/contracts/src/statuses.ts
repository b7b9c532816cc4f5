import { z } from 'zod';

// WARNING: these strings travel on the wire (REST, socket.io, Kafka) and are
// stored in PostgreSQL. Never rename one; add new ones at the end.

/** A seat as every client sees it. */
export const seatStatusSchema = z.enum(['available', 'reserved', 'paid', 'confirmed', 'blocked']);
export type SeatStatus = z.infer<typeof seatStatusSchema>;
export const SEAT_STATUSES = seatStatusSchema.options;

/** The booking state machine of docs/architecture.md §3. */
export const bookingStatusSchema = z.enum([
  'pending',
  'reserved',
  'paid',
  'confirmed',
  'refunded',
  'rejected',
  'payment_failed',
  'expired',
  'cancelled',
]);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;
export const BOOKING_STATUSES = bookingStatusSchema.options;

export const eventStatusSchema = z.enum(['scheduled', 'on_sale', 'sold_out', 'cancelled', 'ended']);
export type EventStatus = z.infer<typeof eventStatusSchema>;

export const userRoleSchema = z.enum(['user', 'admin']);
export type UserRole = z.infer<typeof userRoleSchema>;

export const notificationKindSchema = z.enum(['confirmed', 'payment_failed', 'expired', 'refunded', 'cancelled']);
export type NotificationKind = z.infer<typeof notificationKindSchema>;
