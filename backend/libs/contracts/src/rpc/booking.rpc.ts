import { z } from 'zod';
import { BOOKINGS_PAGE_MAX, bookingPageSchema, bookingPositionSchema, bookingSchema } from '../bookings';
import { idSchema } from '../ids';
import { bookingStatusSchema, userRoleSchema } from '../statuses';
import { bookingTicketsSchema, checkInCountSchema, checkInRequestSchema, checkInResultSchema } from '../tickets';
import { RpcPattern } from '../topics';
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
