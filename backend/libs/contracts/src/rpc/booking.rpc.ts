import { z } from 'zod';
import { BOOKINGS_PAGE_MAX, bookingPageSchema, bookingPositionSchema, bookingSchema } from '../bookings';
import { idSchema } from '../ids';
import { bookingStatusSchema, userRoleSchema } from '../statuses';
import { bookingTicketsSchema, checkInCountSchema, checkInRequestSchema, checkInResultSchema } from '../tickets';
import { RpcPattern } from '../topics';
import { joinWaitingListSchema, waitingListCountSchema, waitingListEntrySchema } from '../waiting-list';
import { defineRpc } from './rpc';

/** Who asks: owners see their bookings, admins see any; staff and admins check tickets in. */
const callerSchema = z.object({ userId: idSchema, role: userRoleSchema });

export const bookingGetRpc = defineRpc({
  pattern: RpcPattern.BookingGet,
  request: callerSchema.extend({ bookingId: idSchema }),
  reply: bookingSchema,
});

/** One page of the caller's own bookings, newest first: GET /bookings, its cursor already read into `after`. */
export const bookingListRpc = defineRpc({
  pattern: RpcPattern.BookingList,
  request: callerSchema.extend({
    limit: z.number().int().min(1).max(BOOKINGS_PAGE_MAX),
    /** The page starts after this booking (absent: with the newest). */
    after: bookingPositionSchema.optional(),
    eventId: idSchema.optional(),
    /** Only bookings in one of these statuses (absent: any). */
    status: z.array(bookingStatusSchema).min(1).optional(),
  }),
  reply: bookingPageSchema,
});

/** GET /bookings/:id/tickets: the owner's (or an admin's) tickets of one booking, codes signed. */
export const bookingListTicketsRpc = defineRpc({
  pattern: RpcPattern.BookingListTickets,
  request: callerSchema.extend({ bookingId: idSchema }),
  reply: bookingTicketsSchema,
});

/** POST /check-in: a scanned code at the door of `eventId`, let in exactly once. */
export const bookingCheckInRpc = defineRpc({
  pattern: RpcPattern.BookingCheckIn,
  request: callerSchema.extend(checkInRequestSchema.shape),
  reply: checkInResultSchema,
});

/** GET /events/:eventId/check-ins: the door's running count. */
export const bookingCountCheckInsRpc = defineRpc({
  pattern: RpcPattern.BookingCountCheckIns,
  request: callerSchema.extend({ eventId: idSchema }),
  reply: checkInCountSchema,
});

/** POST /events/:eventId/waiting-list: the caller joins the line of a sold-out event (or tier). */
export const bookingJoinWaitingListRpc = defineRpc({
  pattern: RpcPattern.BookingJoinWaitingList,
  request: callerSchema.extend({ eventId: idSchema }).extend(joinWaitingListSchema.shape),
  reply: waitingListEntrySchema,
});

/** GET /events/:eventId/waiting-list/me: the caller's place in line, or the offer it came to. */
export const bookingGetWaitingListEntryRpc = defineRpc({
  pattern: RpcPattern.BookingGetWaitingListEntry,
  request: callerSchema.extend({ eventId: idSchema }),
  reply: waitingListEntrySchema,
});

/** DELETE /events/:eventId/waiting-list/me: the caller steps out of line. */
export const bookingLeaveWaitingListRpc = defineRpc({
  pattern: RpcPattern.BookingLeaveWaitingList,
  request: callerSchema.extend({ eventId: idSchema }),
  reply: waitingListEntrySchema,
});

/** GET /events/:eventId/waiting-list (admin): how many are waiting. */
export const bookingCountWaitingListRpc = defineRpc({
  pattern: RpcPattern.BookingCountWaitingList,
  request: callerSchema.extend({ eventId: idSchema }),
  reply: waitingListCountSchema,
});
