import { z } from 'zod';
import { bookingSchema } from '../bookings';
import { idSchema } from '../ids';
import { userRoleSchema } from '../statuses';
import { RpcPattern } from '../topics';
import { defineRpc } from './rpc';

/** Who asks: owners see their bookings, admins see any. */
const callerSchema = z.object({ userId: idSchema, role: userRoleSchema });

export const bookingGetRpc = defineRpc({
  pattern: RpcPattern.BookingGet,
  request: callerSchema.extend({ bookingId: idSchema }),
  reply: bookingSchema,
});

export const bookingListRpc = defineRpc({
  pattern: RpcPattern.BookingList,
  request: callerSchema,
  reply: z.array(bookingSchema),
});
