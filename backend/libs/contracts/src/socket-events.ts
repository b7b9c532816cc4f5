import { z } from 'zod';
import type { ErrorBody } from './errors';
import { idSchema } from './ids';
import type { BookingEvent } from './messages/booking-event.message';
import type { Notification } from './messages/notification-created.message';
import type { SeatUpdated } from './messages/seat-updated.message';

// WARNING: socket event names are part of the public contract (docs/architecture.md §6).
export const SocketEvent = {
  Subscribe: 'subscribe',
  Unsubscribe: 'unsubscribe',
  Hold: 'hold',
  Release: 'release',
  SeatUpdated: 'seat.updated',
  BookingUpdated: 'booking.updated',
  Notification: 'notification',
} as const;

/** Rooms: everyone watching an event's map, and every socket of one signed-in user. */
export const roomOfEvent = (eventId: string): string => `event:${eventId}`;
export const roomOfUser = (userId: string): string => `user:${userId}`;

export const subscribePayloadSchema = z.object({ eventId: idSchema });
export type SubscribePayload = z.infer<typeof subscribePayloadSchema>;

export const holdPayloadSchema = z.object({
  eventId: idSchema,
  seatIds: z.array(idSchema).min(1),
  idempotencyKey: idSchema,
});
export type HoldPayload = z.infer<typeof holdPayloadSchema>;

export const releasePayloadSchema = z.object({ bookingId: idSchema });
export type ReleasePayload = z.infer<typeof releasePayloadSchema>;

export type Ack<T> = (reply: T | ErrorBody) => void;

/** Events the browser sends (socket.io typed-events form, shared by gateway and web). */
export interface ClientToServerEvents {
  [SocketEvent.Subscribe]: (payload: SubscribePayload, ack: Ack<{ version: number }>) => void;
  [SocketEvent.Unsubscribe]: (payload: SubscribePayload) => void;
  [SocketEvent.Hold]: (payload: HoldPayload, ack: Ack<BookingEvent>) => void;
  [SocketEvent.Release]: (payload: ReleasePayload, ack: Ack<{ ok: true }>) => void;
}

/** Events the gateway pushes. Personal ones reach only the owner's sockets. */
export interface ServerToClientEvents {
  [SocketEvent.SeatUpdated]: (payload: SeatUpdated) => void;
  [SocketEvent.BookingUpdated]: (payload: BookingEvent) => void;
  [SocketEvent.Notification]: (payload: Notification) => void;
}
