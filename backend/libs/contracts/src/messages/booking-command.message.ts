import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../ids';
import { Topic } from '../topics';
import { defineMessage } from './message';

const commandBase = {
  /** Unique per command: the client's Idempotency-Key when given. Replays answer the first decision. */
  commandId: idSchema,
  eventId: idSchema,
  issuedAt: isoDateTimeSchema,
};

export const holdCommandSchema = z.object({
  ...commandBase,
  type: z.literal('hold'),
  bookingId: idSchema,
  userId: idSchema,
  seatIds: z.array(idSchema).min(1),
  /** A hold decided after its deadline is rejected as expired, never granted late. */
  deadline: isoDateTimeSchema,
});

export const cancelCommandSchema = z.object({
  ...commandBase,
  type: z.literal('cancel'),
  bookingId: idSchema,
  userId: idSchema,
});

export const expireCommandSchema = z.object({
  ...commandBase,
  type: z.literal('expire'),
  bookingId: idSchema,
});

export const paymentResultCommandSchema = z.object({
  ...commandBase,
  type: z.literal('payment-result'),
  bookingId: idSchema,
  paymentId: idSchema,
  outcome: z.enum(['succeeded', 'failed']),
  reason: z.string().optional(),
});

/** Everything that changes seats of one event goes through one topic, keyed by eventId (docs/architecture.md §4). */
export const bookingCommandSchema = z.discriminatedUnion('type', [
  holdCommandSchema,
  cancelCommandSchema,
  expireCommandSchema,
  paymentResultCommandSchema,
]);
export type BookingCommand = z.infer<typeof bookingCommandSchema>;
export type HoldCommand = z.infer<typeof holdCommandSchema>;

export const bookingCommandMessage = defineMessage({
  topic: Topic.BookingCommands,
  version: 1,
  schema: bookingCommandSchema,
  keyOf: (c) => c.eventId,
});
