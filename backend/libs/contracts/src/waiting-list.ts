import { z } from 'zod';
import { SEAT_IDS_PER_REQUEST_CAP } from './bookings';
import { idSchema, isoDateTimeSchema } from './ids';

// WARNING: waiting-list statuses travel on the wire and are stored in PostgreSQL.
// Never rename one; add new ones at the end.
/**
 * Where a buyer's place on a sold-out event's waiting list stands (docs/architecture.md §14):
 * `waiting` in line; `offered` seats, held for them as a booking until its claim runs out;
 * `claimed` they paid for it; `lapsed` the offer ended unpaid (expired, cancelled, payment
 * failed); `left` they stepped out of line. Only `waiting` and `offered` are active: one
 * active entry per buyer and event.
 */
export const waitingListStatusSchema = z.enum(['waiting', 'offered', 'claimed', 'lapsed', 'left']);
export type WaitingListStatus = z.infer<typeof waitingListStatusSchema>;
export const WAITING_LIST_STATUSES = waitingListStatusSchema.options;
export const ACTIVE_WAITING_LIST_STATUSES = ['waiting', 'offered'] as const satisfies readonly WaitingListStatus[];

/**
 * POST /events/:eventId/waiting-list: how many seats the buyer wants together in one
 * booking (at most the per-booking maximum, checked by the booking service) and,
 * optionally, of which price tier.
 */
export const joinWaitingListSchema = z
  .object({
    quantity: z.number().int().min(1).max(SEAT_IDS_PER_REQUEST_CAP),
    tier: z.string().min(1).max(64).optional(),
  })
  .strict();
export type JoinWaitingList = z.infer<typeof joinWaitingListSchema>;

/** The seats held for a buyer from the line: their booking, to pay at checkout before `expiresAt`. */
export const waitingListOfferSchema = z.object({
  bookingId: idSchema,
  expiresAt: isoDateTimeSchema,
});
export type WaitingListOffer = z.infer<typeof waitingListOfferSchema>;

/**
 * A buyer's place on an event's waiting list. `position` counts from 1 while `waiting`
 * (1: next to be offered), null otherwise; `offer` is set once seats were held for them.
 */
export const waitingListEntrySchema = z.object({
  id: idSchema,
  eventId: idSchema,
  userId: idSchema,
  quantity: z.number().int().positive(),
  tier: z.string().nullable(),
  status: waitingListStatusSchema,
  joinedAt: isoDateTimeSchema,
  position: z.number().int().positive().nullable(),
  offer: waitingListOfferSchema.nullable(),
});
export type WaitingListEntry = z.infer<typeof waitingListEntrySchema>;

/** GET /events/:eventId/waiting-list (admin): how many are waiting. */
export const waitingListCountSchema = z.object({
  eventId: idSchema,
  waiting: z.number().int().nonnegative(),
});
export type WaitingListCount = z.infer<typeof waitingListCountSchema>;
