import { z } from 'zod';
import { BOOKINGS_PAGE_MAX, bookingPageSchema, bookingPositionSchema, bookingSchema } from '../bookings';
import { idSchema } from '../ids';
import { bookingStatusSchema, userRoleSchema } from '../statuses';
import { RpcPattern } from '../topics';
import { defineRpc } from './rpc';

/** Who asks: owners see their bookings, admins see any. */
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
