import { z } from 'zod';
import { idSchema } from '../ids';
import { notificationSchema } from '../messages/notification-created.message';
import { RpcPattern } from '../topics';
import { defineRpc } from './rpc';

/** A user's list shows this many notifications at most: the latest, newest first. */
export const NOTIFICATION_LIST_LIMIT = 50;

/**
 * The signed-in user's latest notifications. Items have the same shape as the
 * socket event `notification`, so a client merges the list and live pushes as one.
 */
export const notificationListRpc = defineRpc({
  pattern: RpcPattern.NotificationList,
  request: z.object({ userId: idSchema }),
  reply: z.array(notificationSchema).max(NOTIFICATION_LIST_LIMIT),
});
