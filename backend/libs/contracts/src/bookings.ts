import { z } from 'zod';
import { centsSchema, idSchema, isoDateTimeSchema } from './ids';
import { bookingStatusSchema } from './statuses';

/** The most seats one booking may claim unless configured otherwise (MAX_SEATS_PER_BOOKING). */
export const DEFAULT_MAX_SEATS_PER_BOOKING = 8;

/**
 * No configuration allows more seats in one booking: a longer list is refused while it is
 * parsed, before anything else looks at it.
 */
export const SEAT_IDS_PER_REQUEST_CAP = 100;

/**
 * POST /bookings. The configured per-booking limit (MAX_SEATS_PER_BOOKING) is checked by the
 * gateway before the hold is sent; `admissionPass` is what the waiting room gave the buyer,
 * required while the event's room is on.
 */
export const createBookingRequestSchema = z.object({
  eventId: idSchema,
  seatIds: z
    .array(idSchema)
    .min(1, 'pick at least one seat')
    .max(SEAT_IDS_PER_REQUEST_CAP, `at most ${SEAT_IDS_PER_REQUEST_CAP} seats`)
    .refine((ids) => new Set(ids).size === ids.length, 'a seat appears twice'),
  admissionPass: z.string().min(1).max(1024).optional(),
});
export type CreateBookingRequest = z.infer<typeof createBookingRequestSchema>;

/** The Idempotency-Key header: a client-chosen id, so a retried request finds its first answer. */
export const idempotencyKeySchema = z.string().min(8).max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'must contain only letters, digits and _ . : -');

/** POST /bookings/:id/pay. A test card number, spaces allowed (e.g. "4242 4242 4242 4242"). */
export const payRequestSchema = z.object({
  card: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,19}$/, 'must be 12 to 19 digits').refine(passesLuhn, 'is not a valid card number')),
});
export type PayRequest = z.infer<typeof payRequestSchema>;

/** One booking as its owner sees it: GET /bookings, GET /bookings/:id. */
export const bookingSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  userId: idSchema,
  status: bookingStatusSchema,
  seatIds: z.array(idSchema),
  amount: centsSchema,
  expiresAt: isoDateTimeSchema.nullable(),
  reason: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Booking = z.infer<typeof bookingSchema>;

/** The Luhn checksum every real card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * What the simulated payment provider receives instead of a card number, like
 * a real provider's token: the number never travels through Kafka or lands in
 * the database. The simulator decides by the last four digits, as test cards do
 * (docs/architecture.md §6): 0002 is declined, 9995 fails transiently, others succeed.
 */
export function simulatedCardToken(cardNumber: string): string {
  return `tok_test_${cardNumber.slice(-4)}`;
}
