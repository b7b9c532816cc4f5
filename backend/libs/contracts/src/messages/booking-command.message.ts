import { z } from 'zod';
import { bestAvailableSchema } from '../bookings';
import { standingRequestSchema } from '../standing';
import { idSchema, isoDateTimeSchema, newId } from '../ids';
import { paymentKindSchema, paymentOutcomeSchema } from '../payments';
import { Topic } from '../topics';
import { paymentFailureCodeSchema } from './payment.message';
import { defineMessage } from './message';

const commandBase = {
  /** Unique per command: the client's Idempotency-Key when given. Replays answer the first decision. */
  commandId: idSchema,
  eventId: idSchema,
  issuedAt: isoDateTimeSchema,
};

export const holdCommandSchema = z
  .object({
    ...commandBase,
    type: z.literal('hold'),
    bookingId: idSchema,
    userId: idSchema,
    /** The seats named, or empty when the booking core picks them (`best`). */
    seatIds: z.array(idSchema),
    best: bestAvailableSchema.optional(),
    /** Places of a standing area, picked by the booking core: alone or with the seats named (docs/architecture.md §15). */
    ga: standingRequestSchema.optional(),
    /** A hold decided after its deadline is rejected as expired, never granted late. */
    deadline: isoDateTimeSchema,
    /**
     * The gateway checked the buyer's own unexpired admission pass for this event
     * (docs/architecture.md §8). While the event's waiting room is on, a hold
     * without it is refused ADMISSION_REQUIRED. Absent: not admitted.
     */
    admitted: z.boolean().optional(),
  })
  .refine(
    (hold) => (hold.ga !== undefined ? hold.best === undefined : hold.seatIds.length > 0 !== (hold.best !== undefined)),
    'a hold names seats or asks for best available, one of the two (standing places go with named seats or alone)',
  );

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

/** The owner asks for more time: the hold's expiry moves on, a limited number of times, never past its maximum lifetime. */
export const extendCommandSchema = z.object({
  ...commandBase,
  type: z.literal('extend'),
  bookingId: idSchema,
  userId: idSchema,
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
  kind: paymentKindSchema,
  outcome: paymentOutcomeSchema,
  reason: z.string().optional(),
  failureCode: paymentFailureCodeSchema.optional(),
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
  extendCommandSchema,
  payCommandSchema,
  paymentResultCommandSchema,
  confirmCommandSchema,
  setBlockedCommandSchema,
]);
export type BookingCommand = z.infer<typeof bookingCommandSchema>;
export type HoldCommand = z.infer<typeof holdCommandSchema>;
export type BookingCommandType = BookingCommand['type'];
type CommandOf<T extends BookingCommandType> = Extract<BookingCommand, { type: T }>;
/** What a builder is given: the command's own fields, without its type, id and issue time. */
type FieldsOf<T extends BookingCommandType> = Omit<CommandOf<T>, 'type' | 'commandId' | 'issuedAt'>;

/**
 * The one way each booking command is made: its type, its issue time and, where the id must come out
 * the same when the command is asked for again, its id recipe. A command asked for twice under one
 * id is a replay, answered with its first decision; under two ids it would be decided twice.
 */
export const bookingCommands = {
  /**
   * A hold, to be decided within `decideWithinMs` of now or rejected as expired. Its id is the
   * caller's: derived from an Idempotency-Key, or fresh (`newId('hold')`).
   */
  hold: (fields: Omit<FieldsOf<'hold'>, 'deadline'> & { commandId: string }, decideWithinMs: number, at = new Date()): HoldCommand => ({
    type: 'hold',
    ...fields,
    issuedAt: at.toISOString(),
    deadline: new Date(at.getTime() + decideWithinMs).toISOString(),
  }),
  /**
   * One command per extension of one hold: `extensionsLeft` is what the booking had when asked, so
   * two copies of one request sent at once extend it once, while asking again later is a new extension.
   */
  extend: (fields: FieldsOf<'extend'>, extensionsLeft: number, at = new Date()): CommandOf<'extend'> => ({
    type: 'extend',
    commandId: `extend_${fields.bookingId}_${extensionsLeft}`,
    issuedAt: at.toISOString(),
    ...fields,
  }),
  /** One command per payment, so a retried pay with the same payment id is a replay. */
  pay: (fields: FieldsOf<'pay'>, at = new Date()): CommandOf<'pay'> => ({
    type: 'pay',
    commandId: `pay_${fields.paymentId}`,
    issuedAt: at.toISOString(),
    ...fields,
  }),
  cancel: (fields: FieldsOf<'cancel'>, at = new Date()): CommandOf<'cancel'> => ({
    type: 'cancel',
    commandId: newId('cancel'),
    issuedAt: at.toISOString(),
    ...fields,
  }),
  /** One command per hold and deadline: asking again for the same expiry is a replay, while a hold extended since gets a fresh command. */
  expire: (fields: FieldsOf<'expire'>, expiresAt: Date, at = new Date()): CommandOf<'expire'> => ({
    type: 'expire',
    commandId: `expire_${fields.bookingId}_${expiresAt.getTime()}`,
    issuedAt: at.toISOString(),
    ...fields,
  }),
  /** One result per payment: a redelivered result is a replay. */
  paymentResult: (fields: FieldsOf<'payment-result'>, at = new Date()): CommandOf<'payment-result'> => ({
    type: 'payment-result',
    commandId: `result_${fields.paymentId}`,
    issuedAt: at.toISOString(),
    ...fields,
  }),
  /** One confirmation per booking. */
  confirm: (fields: FieldsOf<'confirm'>, at = new Date()): CommandOf<'confirm'> => ({
    type: 'confirm',
    commandId: `confirm_${fields.bookingId}`,
    issuedAt: at.toISOString(),
    ...fields,
  }),
  setBlocked: (fields: FieldsOf<'set-blocked'>, at = new Date()): CommandOf<'set-blocked'> => ({
    type: 'set-blocked',
    commandId: newId('block'),
    issuedAt: at.toISOString(),
    ...fields,
  }),
} as const;

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
