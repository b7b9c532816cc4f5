import { z } from 'zod';

// WARNING: error codes are part of the public contract; clients switch on
// them. Never rename one; add new ones at the end.
export const errorCodeSchema = z.enum([
  'SEAT_UNAVAILABLE',
  'HOLD_EXPIRED',
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'INVALID_STATE',
  'INTERNAL_ERROR',
  'BUYER_LIMIT_REACHED',
  'ADMISSION_REQUIRED',
  'WAITING_ROOM_UNAVAILABLE',
  'PAYMENT_DECLINED',
  'PAYMENT_PROVIDER_UNAVAILABLE',
  'ORPHAN_SEAT',
  'NOT_ENOUGH_SEATS_TOGETHER',
  'COMPANION_SEAT_ALONE',
  'EXTENSION_LIMIT_REACHED',
  'ALREADY_CHECKED_IN',
  'TICKET_INVALID',
  'TICKET_REVOKED',
  'TICKET_WRONG_EVENT',
  'NOT_SOLD_OUT',
  'NOT_ENOUGH_PLACES',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export const ErrorCode = errorCodeSchema.enum;

/** The HTTP status each code maps to at the REST edge (and the socket ack). */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  SEAT_UNAVAILABLE: 409,
  HOLD_EXPIRED: 410,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  CONFLICT: 409,
  INVALID_CREDENTIALS: 401,
  EMAIL_TAKEN: 409,
  INVALID_STATE: 409,
  INTERNAL_ERROR: 500,
  BUYER_LIMIT_REACHED: 409,
  ADMISSION_REQUIRED: 403,
  WAITING_ROOM_UNAVAILABLE: 503,
  // A booking's failure code after a payment failed (the payment itself answers 202):
  // the card was refused, or the provider never answered through all retries.
  PAYMENT_DECLINED: 402,
  PAYMENT_PROVIDER_UNAVAILABLE: 503,
  // Holds refused for what they would do to the seat map: a seat left alone in its row
  // (the error names it), no run with enough seats together, a companion seat without its wheelchair space.
  ORPHAN_SEAT: 409,
  NOT_ENOUGH_SEATS_TOGETHER: 409,
  COMPANION_SEAT_ALONE: 409,
  // A hold asked for more time more often than allowed, or already at its longest.
  EXTENSION_LIMIT_REACHED: 409,
  // The door (POST /check-in). A second scan of a ticket names the first one's time (details.checkedInAt).
  ALREADY_CHECKED_IN: 409,
  // Not a ticket code we signed: malformed, altered or forged. The request itself was fine, the code is not.
  TICKET_INVALID: 422,
  // A genuine ticket whose booking is being refunded or was refunded, or one for another event than the scanner's.
  TICKET_REVOKED: 409,
  TICKET_WRONG_EVENT: 409,
  // Joining a waiting list while the event (or the tier asked for) still has seats on general sale.
  NOT_SOLD_OUT: 409,
  // A hold asked for more standing places than its area has left: nothing was held, seats named beside them neither.
  NOT_ENOUGH_PLACES: 409,
};

/** The body of every error answer: REST responses, socket acks, RPC replies. */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  error: errorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
  correlationId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The largest request body the gateway reads. */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

/**
 * A request body over MAX_REQUEST_BODY_BYTES is refused VALIDATION_FAILED
 * before any route runs, with 413 rather than the code's 400: HTTP clients
 * and proxies act on it.
 */
export const BODY_TOO_LARGE_HTTP_STATUS = 413;
