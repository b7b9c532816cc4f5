import { z } from 'zod';

// WARNING: these strings travel on Kafka (payment requests and results, the
// booking's payment-result command) and are stored in PostgreSQL, whose enums
// in prisma/schema.prisma must list the same values (prisma/enums.spec.ts
// checks it). Never rename one; add new ones at the end.

/** What a payment does: take the buyer's money (`charge`) or give it back (`refund`). */
export const PAYMENT_KINDS = ['charge', 'refund'] as const;
export const paymentKindSchema = z.enum(PAYMENT_KINDS);
export type PaymentKind = z.infer<typeof paymentKindSchema>;

/** How a settled charge or refund ended, as the payment service tells the booking service. */
export const PAYMENT_OUTCOMES = ['succeeded', 'failed'] as const;
export const paymentOutcomeSchema = z.enum(PAYMENT_OUTCOMES);
export type PaymentOutcome = z.infer<typeof paymentOutcomeSchema>;

/**
 * Where a stored payment stands in the payment service: still being tried
 * (`pending`), or settled: `succeeded`, `failed` (declined) or
 * `dead_lettered` (the provider never answered through all retries). Both
 * failures are announced as the outcome `failed`.
 */
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'dead_lettered'] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;
