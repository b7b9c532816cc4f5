import { z } from 'zod';
import { errorCodeSchema } from '../errors';
import { centsSchema, idSchema, isoDateTimeSchema } from '../ids';
import { paymentKindSchema, paymentOutcomeSchema } from '../payments';
import { Topic } from '../topics';
import { defineMessage } from './message';

/** A charge or refund asked of the payment service. Cards travel as the simulated provider's token, never as a number. */
export const paymentRequestSchema = z.object({
  kind: paymentKindSchema,
  paymentId: idSchema,
  bookingId: idSchema,
  eventId: idSchema,
  userId: idSchema,
  amount: centsSchema,
  cardToken: z.string().min(1),
  requestedAt: isoDateTimeSchema,
});
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;

/** Why a payment failed, for the booking's `failureCode`: the card was refused, or the provider never answered through all retries. */
export const paymentFailureCodeSchema = errorCodeSchema.extract(['PAYMENT_DECLINED', 'PAYMENT_PROVIDER_UNAVAILABLE']);
export type PaymentFailureCode = z.infer<typeof paymentFailureCodeSchema>;

export const paymentEventSchema = z.object({
  kind: paymentKindSchema,
  paymentId: idSchema,
  bookingId: idSchema,
  eventId: idSchema,
  outcome: paymentOutcomeSchema,
  reason: z.string().optional(),
  /** Set when the outcome is `failed`. */
  failureCode: paymentFailureCodeSchema.optional(),
  attempts: z.number().int().positive(),
  occurredAt: isoDateTimeSchema,
});
export type PaymentEvent = z.infer<typeof paymentEventSchema>;

/** A request that exhausted its retries, with the last error. */
export const paymentDeadLetterSchema = z.object({
  request: paymentRequestSchema,
  error: z.string(),
  attempts: z.number().int().positive(),
  failedAt: isoDateTimeSchema,
});
export type PaymentDeadLetter = z.infer<typeof paymentDeadLetterSchema>;

export const paymentRequestMessage = defineMessage({
  topic: Topic.PaymentRequests,
  version: 1,
  schema: paymentRequestSchema,
  keyOf: (r) => r.bookingId,
});

export const paymentEventMessage = defineMessage({
  topic: Topic.PaymentEvents,
  version: 1,
  schema: paymentEventSchema,
  keyOf: (e) => e.bookingId,
});

export const paymentDeadLetterMessage = defineMessage({
  topic: Topic.PaymentDlq,
  version: 1,
  schema: paymentDeadLetterSchema,
  keyOf: (d) => d.request.bookingId,
});
