import { z } from 'zod';
import { errorCodeSchema } from '../errors';
import { centsSchema, idSchema, isoDateTimeSchema } from '../ids';
import { bookingStatusSchema } from '../statuses';
import { Topic } from '../topics';
import { defineMessage } from './message';

/**
 * A booking's state after a decision (also a replayed one). Also the body of
 * the socket event `booking.updated` and of the answer to POST /bookings.
 * `commandId` names the command that produced it, so a waiting caller can match it.
 */
export const bookingEventSchema = z.object({
  bookingId: idSchema,
  eventId: idSchema,
  userId: idSchema,
  status: bookingStatusSchema,
  seatIds: z.array(idSchema),
  /** Total price in cents. */
  amount: centsSchema,
  expiresAt: isoDateTimeSchema.nullable(),
  /** Why a hold was rejected or a payment failed, in words a person understands. */
  reason: z.string().optional(),
  /** The stable error code of a rejection (e.g. SEAT_UNAVAILABLE, HOLD_EXPIRED). */
  errorCode: errorCodeSchema.optional(),
  /** For a rejected hold: the seats that were no longer available. */
  unavailableSeatIds: z.array(idSchema).optional(),
  commandId: idSchema,
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

export const bookingEventMessage = defineMessage({
  topic: Topic.BookingEvents,
  version: 1,
  schema: bookingEventSchema,
  keyOf: (e) => e.eventId,
});
