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
  /**
   * The gateway checked the buyer's own unexpired admission pass for this event
   * (docs/architecture.md §8). While the event's waiting room is on, a hold
   * without it is refused ADMISSION_REQUIRED. Absent: not admitted.
   */
  admitted: z.boolean().optional(),
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

/** The owner starts paying: the hold is extended once (up to a cap) and a charge is requested. */
export const payCommandSchema = z.object({
  ...commandBase,
  type: z.literal('pay'),
  bookingId: idSchema,
  userId: idSchema,
  paymentId: idSchema,
  cardToken: z.string().min(1),
});

/** The payment service's answer to a charge or refund, turned into a command of the booking's event. */
export const paymentResultCommandSchema = z.object({
  ...commandBase,
  type: z.literal('payment-result'),
  bookingId: idSchema,
  paymentId: idSchema,
  kind: z.enum(['charge', 'refund']),
  outcome: z.enum(['succeeded', 'failed']),
  reason: z.string().optional(),
});

/** Issues the tickets of a paid booking: the step from `paid` to `confirmed`. */
export const confirmCommandSchema = z.object({
  ...commandBase,
  type: z.literal('confirm'),
  bookingId: idSchema,
});

/** An admin takes seats off sale (`blocked`) or puts them back; seats held by a booking are never touched. */
export const setBlockedCommandSchema = z.object({
  ...commandBase,
  type: z.literal('set-blocked'),
  userId: idSchema,
  seatIds: z.array(idSchema).min(1),
  blocked: z.boolean(),
});

/** Everything that changes seats of one event goes through one topic, keyed by eventId (docs/architecture.md §4). */
export const bookingCommandSchema = z.discriminatedUnion('type', [
  holdCommandSchema,
  cancelCommandSchema,
  expireCommandSchema,
  payCommandSchema,
  paymentResultCommandSchema,
  confirmCommandSchema,
  setBlockedCommandSchema,
]);
export type BookingCommand = z.infer<typeof bookingCommandSchema>;
export type HoldCommand = z.infer<typeof holdCommandSchema>;
export type BookingCommandType = BookingCommand['type'];

export const bookingCommandMessage = defineMessage({
  topic: Topic.BookingCommands,
  version: 1,
  schema: bookingCommandSchema,
  keyOf: (c) => c.eventId,
});

/**
 * A booking command that could not be decided, even alone and tried again (a
 * constraint, an overflow, a bug): set aside with the reason, so that it never
 * blocks its event's partition; its requester was answered with an error.
 */
export const bookingDeadLetterSchema = z.object({
  command: bookingCommandSchema,
  error: z.string(),
  attempts: z.number().int().positive(),
  failedAt: isoDateTimeSchema,
});
export type BookingDeadLetter = z.infer<typeof bookingDeadLetterSchema>;

export const bookingDeadLetterMessage = defineMessage({
  topic: Topic.BookingDlq,
  version: 1,
  schema: bookingDeadLetterSchema,
  keyOf: (d) => d.command.eventId,
});
