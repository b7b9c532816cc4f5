import { z } from 'zod';
import { errorCodeSchema } from '../errors';
import { bookingSchema, type Booking } from '../bookings';
import { idSchema, isoDateTimeSchema } from '../ids';
import { Topic } from '../topics';
import { defineMessage } from './message';

/**
 * A booking after a decision (also a replayed one): the booking's one shape
 * (`bookingSchema`, named by `bookingId` on the wire) and what the decision adds.
 * `commandId` names the command that produced it, so a waiting caller can match it.
 */
export const bookingEventSchema = bookingSchema.omit({ id: true }).extend({
  bookingId: idSchema,
  /** The stable error code when the command was refused (e.g. SEAT_UNAVAILABLE, HOLD_EXPIRED, INVALID_STATE). */
  errorCode: errorCodeSchema.optional(),
  /** For a rejected hold: the seats that were no longer available. */
  unavailableSeatIds: z.array(idSchema).optional(),
  commandId: idSchema,
  /** Set on the booking of seats offered from the event's waiting list (docs/architecture.md §14); absent otherwise. */
  waitingListOffer: z.literal(true).optional(),
  occurredAt: isoDateTimeSchema,
  /** How the command was decided: where it sat in Kafka and how long it waited (for the race lab). */
  trace: z
    .object({
      partition: z.number().int().nonnegative(),
      offset: z.string(),
      decidedInMs: z.number().nonnegative(),
    })
    .optional(),
});
export type BookingEvent = z.infer<typeof bookingEventSchema>;

/** The booking a decision left, as GET /bookings/:id shows it. */
export function bookingOfEvent(event: BookingEvent): Booking {
  return {
    id: event.bookingId,
    eventId: event.eventId,
    userId: event.userId,
    status: event.status,
    seatIds: event.seatIds,
    amount: event.amount,
    expiresAt: event.expiresAt,
    reason: event.reason,
    failureCode: event.failureCode,
    extensionsLeft: event.extensionsLeft,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
  };
}

export const bookingEventMessage = defineMessage({
  topic: Topic.BookingEvents,
  // 2: the whole booking (reason and failureCode nullable, createdAt, updatedAt), no longer a partial copy.
  // 3: extensionsLeft.
  version: 3,
  schema: bookingEventSchema,
  keyOf: (e) => e.eventId,
});
