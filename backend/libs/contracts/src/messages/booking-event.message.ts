import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../ids';
import { bookingStatusSchema } from '../statuses';
import { Topic } from '../topics';
import { defineMessage } from './message';

/** A booking changed status. Also the body of the socket event `booking.updated`. */
export const bookingEventSchema = z.object({
  bookingId: idSchema,
  eventId: idSchema,
  userId: idSchema,
  status: bookingStatusSchema,
  seatIds: z.array(idSchema),
  expiresAt: isoDateTimeSchema.nullable(),
  reason: z.string().optional(),
  commandId: idSchema,
  occurredAt: isoDateTimeSchema,
});
export type BookingEvent = z.infer<typeof bookingEventSchema>;

export const bookingEventMessage = defineMessage({
  topic: Topic.BookingEvents,
  version: 1,
  schema: bookingEventSchema,
  keyOf: (e) => e.eventId,
});
