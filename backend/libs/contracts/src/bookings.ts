import { z } from 'zod';
import { errorCodeSchema } from './errors';
import { centsSchema, idSchema, isoDateTimeSchema } from './ids';
import { standingRequestSchema, type StandingRequest } from './standing';
import { bookingStatusSchema } from './statuses';

/** The most seats one booking may claim unless configured otherwise (MAX_SEATS_PER_BOOKING). */
export const DEFAULT_MAX_SEATS_PER_BOOKING = 8;

/**
 * No configuration allows more seats in one booking: a longer list is refused while it is
 * parsed, before anything else looks at it.
 */
export const SEAT_IDS_PER_REQUEST_CAP = 100;

/**
 * Best available (docs/architecture.md §3.3): instead of naming seats, ask for `count` seats
 * together, the booking core picks them — nearest the stage, then the centre of a row, never
 * leaving a seat stranded — all or nothing. `tier` and `section` narrow where; `accessible`
 * asks for a wheelchair space among them (companion seats allowed beside it).
 */
export const bestAvailableSchema = z
  .object({
    count: z.number().int().min(1).max(SEAT_IDS_PER_REQUEST_CAP),
    tier: z.string().min(1).max(50).optional(),
    section: z.string().min(1).max(50).optional(),
    accessible: z.boolean().optional(),
  })
  .strict();
export type BestAvailable = z.infer<typeof bestAvailableSchema>;

/**
 * The seats of a hold: named (`seatIds`) or chosen by the booking core (`best`), one of the two;
 * and places of a standing area (`ga`), alone or beside named seats, never beside `best`.
 */
const heldSeatsFields = {
  seatIds: z
    .array(idSchema)
    .min(1, 'pick at least one seat')
    .max(SEAT_IDS_PER_REQUEST_CAP, `at most ${SEAT_IDS_PER_REQUEST_CAP} seats`)
    .refine((ids) => new Set(ids).size === ids.length, 'a seat appears twice')
    .optional(),
  best: bestAvailableSchema.optional(),
  ga: standingRequestSchema.optional(),
};

type HeldSeats = { seatIds?: readonly string[]; best?: BestAvailable; ga?: StandingRequest };

/** Refines a hold's shape: exactly one of `seatIds` and `best`, or `ga` alone or with `seatIds`. */
export function oneWayToChooseSeats(hold: HeldSeats, ctx: z.RefinementCtx): void {
  if (hold.best !== undefined && hold.ga !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['ga'], message: 'standing places (ga) go with seats you picked (seatIds), not with best available' });
  } else if (hold.ga === undefined && (hold.seatIds === undefined) === (hold.best === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['seatIds'],
      message: 'give either seatIds (the seats you picked) or best (how many seats together), or ga (standing places)',
    });
  } else if (hold.ga !== undefined && hold.best === undefined && hold.seatIds !== undefined && hold.seatIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['seatIds'], message: 'pick at least one seat' });
  }
}

/** The ways to choose as JSON Schema says it: shown in the API's description, drawn from by the fuzz suite. */
export const ONE_WAY_TO_CHOOSE_SEATS = {
  oneOf: [
    { required: ['seatIds'], not: { required: ['best'] } },
    { required: ['best'], not: { anyOf: [{ required: ['seatIds'] }, { required: ['ga'] }] } },
    { required: ['ga'], not: { anyOf: [{ required: ['seatIds'] }, { required: ['best'] }] } },
  ],
};

/** How many seats and standing places a hold asks for, whichever way it chose them. */
export function seatsAskedFor(hold: HeldSeats): number {
  return (hold.seatIds?.length ?? hold.best?.count ?? 0) + (hold.ga?.quantity ?? 0);
}

/** The fields of POST /bookings, before the one-way-to-choose check (extended by the socket's `hold`). */
export const createBookingFieldsSchema = z.object({
  eventId: idSchema,
  ...heldSeatsFields,
  admissionPass: z.string().min(1).max(1024).optional(),
});

/**
 * POST /bookings. The configured per-booking limit (MAX_SEATS_PER_BOOKING) is checked by the
 * gateway before the hold is sent; `admissionPass` is what the waiting room gave the buyer,
 * required while the event's room is on.
 */
export const createBookingRequestSchema = createBookingFieldsSchema.superRefine(oneWayToChooseSeats).meta(ONE_WAY_TO_CHOOSE_SEATS);
export type CreateBookingRequest = z.infer<typeof createBookingRequestSchema>;

/** The Idempotency-Key header: a client-chosen id, so a retried request finds its first answer. */
export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must contain only letters, digits and _ . : -');

/**
 * The simulated provider's test cards (docs/architecture.md §6): any other
 * valid number pays as `pays` does. Known by their last four digits.
 */
export const TEST_CARDS = {
  pays: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  /** The issuer times out every time: retried with backoff, then failed. */
  providerFails: '4000 0000 0000 9995',
} as const;

/** POST /bookings/:id/pay. A test card number, spaces allowed (e.g. TEST_CARDS.pays). */
export const payRequestSchema = z.object({
  card: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, 'must be 12 to 19 digits')
        .refine(passesLuhn, 'is not a valid card number'),
    ),
});
export type PayRequest = z.infer<typeof payRequestSchema>;

/**
 * One booking as its owner sees it: GET /bookings, GET /bookings/:id, the answer to
 * POST /bookings and the socket's `hold`. The one shape of a booking: the Kafka
 * `BookingEvent` is this booking after a decision (`bookingEventSchema`), and the
 * socket's `booking.updated` a view of that event (`bookingUpdatedSchema`).
 */
export const bookingSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  userId: idSchema,
  status: bookingStatusSchema,
  seatIds: z.array(idSchema),
  /** Total price in cents. */
  amount: centsSchema,
  expiresAt: isoDateTimeSchema.nullable(),
  /** Why a hold was rejected, a payment failed or a hold ended, in words a person understands. */
  reason: z.string().nullable(),
  /**
   * What a client switches on when a booking failed, beside the words: the rejection's
   * code for a `rejected` hold (SEAT_UNAVAILABLE, BUYER_LIMIT_REACHED, …), PAYMENT_DECLINED or
   * PAYMENT_PROVIDER_UNAVAILABLE for `payment_failed`; null otherwise.
   */
  failureCode: errorCodeSchema.nullable(),
  /** How many more times the owner may ask for more time (POST /bookings/:id/extend); 0 once the hold is over. */
  extensionsLeft: z.number().int().nonnegative(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Booking = z.infer<typeof bookingSchema>;

/** GET /bookings answers at most this many bookings a page, and this many unless asked otherwise. */
export const BOOKINGS_PAGE_MAX = 100;
export const BOOKINGS_PAGE_DEFAULT = 20;

/** Where a page of bookings ends, newest first: the last booking's creation time and id (ids break ties). */
export const bookingPositionSchema = z.object({ createdAt: isoDateTimeSchema, id: idSchema });
export type BookingPosition = z.infer<typeof bookingPositionSchema>;

/**
 * The opaque `cursor` of GET /bookings: a position as hex-encoded JSON (URL-safe, and the same
 * code in Node and the browser). Clients only pass back the `nextCursor` they were given;
 * nothing may rely on what is inside.
 */
export function encodeBookingCursor(position: BookingPosition): string {
  // Ids and ISO times are ASCII (idSchema): one byte, two hex digits, per character.
  return [...JSON.stringify([position.createdAt, position.id])].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
}

const cursorPartsSchema = z.tuple([isoDateTimeSchema, idSchema]);

/** Reads a cursor back into its position; undefined when it is not one this API gave out. */
export function decodeBookingCursor(cursor: string): BookingPosition | undefined {
  if (!/^(?:[0-9a-f]{2}){1,400}$/.test(cursor)) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(cursor.replace(/[0-9a-f]{2}/g, (byte) => String.fromCharCode(Number.parseInt(byte, 16))));
  } catch {
    return undefined;
  }
  const parsed = cursorPartsSchema.safeParse(parts);
  return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : undefined;
}

const bookingCursorSchema = z.string().transform((cursor, ctx): BookingPosition => {
  const position = decodeBookingCursor(cursor);
  if (position) return position;
  ctx.issues.push({ code: 'custom', input: cursor, message: 'is not a cursor from a previous page: pass back the nextCursor of the last answer, unchanged' });
  return z.NEVER;
});

/** A query value given once, repeated (`?status=a&status=b`) or comma-separated (`?status=a,b`), as one list. */
const listOf = (value: unknown): unknown => {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]));
  const given = values.map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== '');
  return given.length === 0 ? undefined : given;
};

/**
 * GET /bookings?limit=&cursor=&eventId=&status=: the caller's bookings, newest first, a page at a
 * time. `status` may repeat or be comma-separated; the parsed `cursor` is the position the page starts after.
 */
export const listBookingsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(BOOKINGS_PAGE_MAX).default(BOOKINGS_PAGE_DEFAULT),
  cursor: bookingCursorSchema.optional(),
  eventId: idSchema.optional(),
  status: z.preprocess(
    listOf,
    z
      .array(bookingStatusSchema)
      .transform((statuses) => [...new Set(statuses)])
      .optional(),
  ),
});
export type ListBookingsQuery = z.infer<typeof listBookingsQuerySchema>;

/** The answer of GET /bookings: one page, and the cursor of the next (null on the last page). */
export const bookingPageSchema = z.object({
  items: z.array(bookingSchema),
  nextCursor: z.string().nullable(),
});
export type BookingPage = z.infer<typeof bookingPageSchema>;

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
