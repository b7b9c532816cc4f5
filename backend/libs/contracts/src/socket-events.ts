import { z } from 'zod';
import type { EventAnalytics } from './analytics';
import { createBookingFieldsSchema, idempotencyKeySchema, ONE_WAY_TO_CHOOSE_SEATS, oneWayToChooseSeats, type Booking } from './bookings';
import { errorCodeSchema, type ErrorBody } from './errors';
import { idSchema, isoDateTimeSchema } from './ids';
import { bookingEventSchema, type BookingEvent } from './messages/booking-event.message';
import type { Notification } from './messages/notification-created.message';
import type { SeatUpdated } from './messages/seat-updated.message';
import { bookingStatusSchema } from './statuses';
import type { QueueAdmitted, QueuePlace, WaitingRoomStats } from './waiting-room';

// WARNING: socket event names are part of the public contract (docs/architecture.md §6).
export const SocketEvent = {
  Subscribe: 'subscribe',
  Unsubscribe: 'unsubscribe',
  Hold: 'hold',
  Release: 'release',
  Extend: 'extend',
  LabSubscribe: 'lab.subscribe',
  LabUnsubscribe: 'lab.unsubscribe',
  SeatUpdated: 'seat.updated',
  BookingUpdated: 'booking.updated',
  Notification: 'notification',
  LabDecision: 'lab.decision',
  QueueJoin: 'queue.join',
  QueueLeave: 'queue.leave',
  QueueWatch: 'queue.watch',
  QueueUpdated: 'queue.updated',
  QueueAdmitted: 'queue.admitted',
  AnalyticsWatch: 'analytics.watch',
  AnalyticsUnwatch: 'analytics.unwatch',
  AnalyticsUpdated: 'analytics.updated',
} as const;

/** Rooms: everyone watching an event's map, every socket of one signed-in user, and the race lab of an event. */
export const roomOfEvent = (eventId: string): string => `event:${eventId}`;
export const roomOfUser = (userId: string): string => `user:${userId}`;
export const roomOfLab = (eventId: string): string => `lab:${eventId}`;
/** Everyone waiting in an event's waiting room, and its admins: one broadcast per admission tick. */
export const roomOfQueue = (eventId: string): string => `queue:${eventId}`;

export const subscribePayloadSchema = z.object({ eventId: idSchema });
export type SubscribePayload = z.infer<typeof subscribePayloadSchema>;

/** The same rules as POST /bookings with its Idempotency-Key, so both paths give the same answers. */
export const holdPayloadSchema = createBookingFieldsSchema
  .extend({ idempotencyKey: idempotencyKeySchema })
  .superRefine(oneWayToChooseSeats)
  .meta(ONE_WAY_TO_CHOOSE_SEATS);
export type HoldPayload = z.infer<typeof holdPayloadSchema>;

export const releasePayloadSchema = z.object({ bookingId: idSchema });
export type ReleasePayload = z.infer<typeof releasePayloadSchema>;

/** `extend`: more time for the caller's hold, as POST /bookings/:id/extend; the ack is the booking or the error. */
export const extendPayloadSchema = z.object({ bookingId: idSchema });
export type ExtendPayload = z.infer<typeof extendPayloadSchema>;

/**
 * The answer to `release`: `pending` when the booking service did not decide
 * within the wait (POST /bookings/:id/cancel answers 202 then); the outcome
 * arrives as `booking.updated`.
 */
export interface ReleaseAck {
  ok: true;
  pending?: true;
}

/**
 * `booking.updated`, pushed to the owner's sockets after each decision about their
 * booking: a view of the BookingEvent with what a page needs to repaint or to fetch
 * the booking again (docs/architecture.md §6), not the decision's trace or command.
 */
export const bookingUpdatedSchema = bookingEventSchema.pick({
  bookingId: true,
  eventId: true,
  status: true,
  seatIds: true,
  expiresAt: true,
  reason: true,
  failureCode: true,
  extensionsLeft: true,
  waitingListOffer: true,
});
export type BookingUpdated = z.infer<typeof bookingUpdatedSchema>;

export function bookingUpdatedOf(event: BookingEvent): BookingUpdated {
  const { bookingId, eventId, status, seatIds, expiresAt, reason, failureCode, extensionsLeft, waitingListOffer } = event;
  return { bookingId, eventId, status, seatIds, expiresAt, reason, failureCode, extensionsLeft, ...(waitingListOffer ? { waitingListOffer } : {}) };
}

/**
 * One decision of the booking core as the race lab shows it: who asked (by
 * display name, never the email), for which seats, what was decided, and
 * where the command sat in Kafka.
 */
export const labDecisionSchema = z.object({
  eventId: idSchema,
  commandId: idSchema,
  bookingId: idSchema,
  userName: z.string(),
  seatIds: z.array(idSchema),
  /** The booking's status after the decision: `reserved` or `rejected` for a hold. */
  status: bookingStatusSchema,
  reason: z.string().optional(),
  errorCode: errorCodeSchema.optional(),
  partition: z.number().int().nonnegative(),
  offset: z.string(),
  decidedInMs: z.number().nonnegative(),
  occurredAt: isoDateTimeSchema,
});
export type LabDecision = z.infer<typeof labDecisionSchema>;

export type Ack<T> = (reply: T | ErrorBody) => void;

/** Events the browser sends (socket.io typed-events form, shared by gateway and web). */
export interface ClientToServerEvents {
  [SocketEvent.Subscribe]: (payload: SubscribePayload, ack: Ack<{ version: number }>) => void;
  [SocketEvent.Unsubscribe]: (payload: SubscribePayload) => void;
  /** The answer is the body POST /bookings would give: the booking (reserved, or pending) or the error. */
  [SocketEvent.Hold]: (payload: HoldPayload, ack: Ack<Booking>) => void;
  [SocketEvent.Release]: (payload: ReleasePayload, ack: Ack<ReleaseAck>) => void;
  /** The answer is the body POST /bookings/:id/extend would give: the booking with its new expiry, or the error. */
  [SocketEvent.Extend]: (payload: ExtendPayload, ack: Ack<Booking>) => void;
  /** Read-only: the decisions of one event as they happen (`lab.decision`). */
  [SocketEvent.LabSubscribe]: (payload: SubscribePayload, ack: Ack<{ ok: true }>) => void;
  [SocketEvent.LabUnsubscribe]: (payload: SubscribePayload) => void;
  /** Signed in: takes (or finds) the account's place in the event's waiting room and watches it. */
  [SocketEvent.QueueJoin]: (payload: SubscribePayload, ack: Ack<QueuePlace>) => void;
  /** Gives the place up; joining again goes to the back. */
  [SocketEvent.QueueLeave]: (payload: SubscribePayload, ack: Ack<{ ok: true }>) => void;
  /** Watches a room's figures without a place (the admin page). */
  [SocketEvent.QueueWatch]: (payload: SubscribePayload, ack: Ack<WaitingRoomStats>) => void;
  /** Admin: the event's sales figures now, then each change as `analytics.updated` (the admin's event page). */
  [SocketEvent.AnalyticsWatch]: (payload: SubscribePayload, ack: Ack<EventAnalytics>) => void;
  [SocketEvent.AnalyticsUnwatch]: (payload: SubscribePayload) => void;
}

/** Events the gateway pushes. Personal ones reach only the owner's sockets. */
export interface ServerToClientEvents {
  [SocketEvent.SeatUpdated]: (payload: SeatUpdated) => void;
  [SocketEvent.BookingUpdated]: (payload: BookingUpdated) => void;
  [SocketEvent.Notification]: (payload: Notification) => void;
  [SocketEvent.LabDecision]: (payload: LabDecision) => void;
  [SocketEvent.QueueUpdated]: (payload: WaitingRoomStats) => void;
  [SocketEvent.QueueAdmitted]: (payload: QueueAdmitted) => void;
  /** To the room `analytics:<eventId>`, at most once per ANALYTICS_PUSH_INTERVAL_MS per event. */
  [SocketEvent.AnalyticsUpdated]: (payload: EventAnalytics) => void;
}
