import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../ids';
import { notificationKindSchema } from '../statuses';
import { Topic } from '../topics';
import { defineMessage } from './message';

/** What a user is told. Also the body of the socket event `notification`. */
export const notificationSchema = z.object({
  notificationId: idSchema,
  userId: idSchema,
  kind: notificationKindSchema,
  bookingId: idSchema.nullable(),
  eventId: idSchema.nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: isoDateTimeSchema,
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationCreatedMessage = defineMessage({
  topic: Topic.NotificationCreated,
  version: 1,
  schema: notificationSchema,
  keyOf: (n) => n.userId,
});
