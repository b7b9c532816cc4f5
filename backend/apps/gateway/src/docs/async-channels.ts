import {
  bookingSchema,
  eventAnalyticsSchema,
  bookingUpdatedSchema,
  holdPayloadSchema,
  labDecisionSchema,
  notificationSchema,
  queueAdmittedSchema,
  queuePlaceSchema,
  extendPayloadSchema,
  releasePayloadSchema,
  seatUpdatedSchema,
  SocketEvent,
  subscribePayloadSchema,
  Topic,
  waitingRoomStatsSchema,
  type ClientToServerEvents,
  type ErrorBody,
  type ServerToClientEvents,
} from '@seatstorm/contracts';
import { z } from 'zod';
import type { AllTrue, Same } from './type-checks';

export interface ClientEventDoc {
  summary: string;
  /** What the event carries, as the client emits it. */
  payload: z.ZodType;
  /** The acknowledgement's body on success; an error answers ErrorBody instead. None: the event has no ack. */
  ack?: z.ZodType;
}

export interface ServerEventDoc {
  summary: string;
  payload: z.ZodType;
}

export const subscribeAckSchema = z.object({ version: z.number().int().nonnegative() });
export const okAckSchema = z.object({ ok: z.literal(true) });
/** `pending` when the booking service did not decide within the wait; the outcome arrives as `booking.updated`. */
export const releaseAckSchema = z.object({ ok: z.literal(true), pending: z.literal(true).optional() });

/** What the browser emits, with its ack (socket-events.ts's ClientToServerEvents; checked against it below). */
export const CLIENT_EVENTS = {
  [SocketEvent.Subscribe]: {
    summary: 'Watch an event’s seat map: join the room `event:<eventId>`; the ack is the version the seats are at.',
    payload: subscribePayloadSchema,
    ack: subscribeAckSchema,
  },
  [SocketEvent.Unsubscribe]: { summary: 'Stop watching an event’s seat map.', payload: subscribePayloadSchema },
  [SocketEvent.Hold]: {
    summary: 'Hold seats, signed in: the same rules and answers as POST /bookings with its Idempotency-Key (the booking, reserved or pending, or the error).',
    payload: holdPayloadSchema,
    ack: bookingSchema,
  },
  [SocketEvent.Release]: { summary: 'Cancel a hold, signed in.', payload: releasePayloadSchema, ack: releaseAckSchema },
  [SocketEvent.Extend]: {
    summary: 'More time for a hold, signed in: the same rules and answers as POST /bookings/{id}/extend (the booking with its new expiresAt, or the error).',
    payload: extendPayloadSchema,
    ack: bookingSchema,
  },
  [SocketEvent.LabSubscribe]: {
    summary: 'Watch the race lab of an event (demo mode only, else NOT_FOUND): every decision as `lab.decision`.',
    payload: subscribePayloadSchema,
    ack: okAckSchema,
  },
  [SocketEvent.LabUnsubscribe]: { summary: 'Stop watching the race lab.', payload: subscribePayloadSchema },
  [SocketEvent.QueueJoin]: {
    summary: 'Take (or find) the account’s place in the event’s waiting room, signed in, and watch the room: the body of POST /events/{eventId}/queue.',
    payload: subscribePayloadSchema,
    ack: queuePlaceSchema,
  },
  [SocketEvent.QueueLeave]: { summary: 'Give the place up; joining again goes to the back.', payload: subscribePayloadSchema, ack: okAckSchema },
  [SocketEvent.QueueWatch]: {
    summary: 'Watch a room’s figures without a place (the admin page).',
    payload: subscribePayloadSchema,
    ack: waitingRoomStatsSchema,
  },
  [SocketEvent.AnalyticsWatch]: {
    summary:
      'Admin: watch an event’s sales figures (the room `analytics:<eventId>`); the ack is the figures now (the body of GET /events/{eventId}/analytics).',
    payload: subscribePayloadSchema,
    ack: eventAnalyticsSchema,
  },
  [SocketEvent.AnalyticsUnwatch]: { summary: 'Stop watching an event’s sales figures.', payload: subscribePayloadSchema },
} satisfies Record<keyof ClientToServerEvents, ClientEventDoc>;

/** What the gateway pushes (socket-events.ts's ServerToClientEvents; checked against it below). */
export const SERVER_EVENTS = {
  [SocketEvent.SeatUpdated]: {
    summary:
      'To the room `event:<eventId>`: a versioned seat delta. Apply it when `baseVersion` is at most the version held and `version` beyond it; a `baseVersion` beyond it is a gap: reload GET /events/{eventId}/seats.',
    payload: seatUpdatedSchema,
  },
  [SocketEvent.BookingUpdated]: { summary: 'To the owner’s sockets: their booking after each decision.', payload: bookingUpdatedSchema },
  [SocketEvent.Notification]: { summary: 'To the owner’s sockets: what they are told (confirmed, failed, expired, refunded…).', payload: notificationSchema },
  [SocketEvent.LabDecision]: { summary: 'To the lab room `lab:<eventId>`: each decision of the booking core as it happens.', payload: labDecisionSchema },
  [SocketEvent.QueueUpdated]: { summary: 'To the room `queue:<eventId>`, once per admission tick: the room’s figures.', payload: waitingRoomStatsSchema },
  [SocketEvent.QueueAdmitted]: { summary: 'To the admitted buyer’s sockets: the admission pass a hold needs.', payload: queueAdmittedSchema },
  [SocketEvent.AnalyticsUpdated]: {
    summary: 'To the admins in the room `analytics:<eventId>`, at most once a second per event: its sales figures after they changed.',
    payload: eventAnalyticsSchema,
  },
} satisfies Record<keyof ServerToClientEvents, ServerEventDoc>;

/** What each topic carries, in words (its schema, version and key come from the contract in MESSAGES). */
export const TOPIC_SUMMARIES: Record<Topic, string> = {
  [Topic.BookingCommands]:
    'Every change to an event’s seats, in one order per event: hold, cancel, expire, pay, payment-result, confirm and set-blocked commands.',
  [Topic.BookingEvents]: 'A booking after each decision, with the command it answers, the error code and lost seats of a refusal.',
  [Topic.SeatUpdated]: 'Versioned seat deltas of one event, chained by version (from the outbox).',
  [Topic.PaymentRequests]: 'Charges and refunds asked of the payment service.',
  [Topic.PaymentEvents]: 'A charge or refund succeeded or failed.',
  [Topic.PaymentDlq]: 'Payment requests that exhausted their quick retries, with the error.',
  [Topic.NotificationCreated]: 'What the notification service tells a user.',
  [Topic.BookingDlq]: 'Booking commands that could not be decided, even alone, with the error.',
  [Topic.AnalyticsUpdated]: 'An event’s sales figures after they changed, at most once a second per event (from the analytics service).',
};

type PayloadOf<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;
type HasAck<F> = F extends (payload: never, ack: never) => void ? (F extends (payload: never) => void ? false : true) : false;
type AckOf<F> = F extends (payload: never, ack: (reply: infer R) => void) => void ? Exclude<R, ErrorBody> : never;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : never;
type AckMatches<Doc, F> = Doc extends { ack: infer A } ? (HasAck<F> extends true ? Same<OutputOf<A>, AckOf<F>> : false) : HasAck<F> extends true ? false : true;

/** Compile-time: each documented payload and ack is exactly the type the socket event map declares. */
export type ClientEventsMatchContract = AllTrue<{
  [K in keyof ClientToServerEvents]: Same<OutputOf<(typeof CLIENT_EVENTS)[K]['payload']>, PayloadOf<ClientToServerEvents[K]>> extends true
    ? AckMatches<(typeof CLIENT_EVENTS)[K], ClientToServerEvents[K]>
    : false;
}>;
export type ServerEventsMatchContract = AllTrue<{
  [K in keyof ServerToClientEvents]: Same<OutputOf<(typeof SERVER_EVENTS)[K]['payload']>, PayloadOf<ServerToClientEvents[K]>>;
}>;
