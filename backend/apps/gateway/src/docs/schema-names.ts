import {
  authResultSchema,
  blockSeatsRequestSchema,
  bookingPageSchema,
  bookingSchema,
  commandAcceptedSchema,
  createBookingRequestSchema,
  createEventRequestSchema,
  errorBodySchema,
  eventDetailSchema,
  eventIdParamsSchema,
  eventSummarySchema,
  healthReportSchema,
  livenessSchema,
  loginRequestSchema,
  notificationSchema,
  payRequestSchema,
  publicUserSchema,
  queuePlaceSchema,
  registerRequestSchema,
  seatSnapshotSchema,
  updateEventSettingsSchema,
  venueListingSchema,
  waitingRoomStatsSchema,
} from '@seatstorm/contracts';
import type { z } from 'zod';
import { okAckSchema, releaseAckSchema, subscribeAckSchema } from './async-channels';

/**
 * The names the documents give schemas used in several places (a shared one is
 * named for all its uses, not after the first); any other is named after its
 * route, event or topic.
 */
export const SCHEMA_NAMES = new Map<z.ZodType, string>([
  [errorBodySchema, 'ErrorBody'],
  [publicUserSchema, 'PublicUser'],
  [authResultSchema, 'AuthResult'],
  [registerRequestSchema, 'RegisterRequest'],
  [loginRequestSchema, 'LoginRequest'],
  [eventSummarySchema, 'EventSummary'],
  [eventDetailSchema, 'EventDetail'],
  [eventIdParamsSchema, 'EventIdParams'],
  [seatSnapshotSchema, 'SeatSnapshot'],
  [createEventRequestSchema, 'CreateEventRequest'],
  [updateEventSettingsSchema, 'UpdateEventSettings'],
  [blockSeatsRequestSchema, 'BlockSeatsRequest'],
  [commandAcceptedSchema, 'CommandAccepted'],
  [venueListingSchema, 'VenueListing'],
  [queuePlaceSchema, 'QueuePlace'],
  [waitingRoomStatsSchema, 'WaitingRoomStats'],
  [createBookingRequestSchema, 'CreateBookingRequest'],
  [bookingSchema, 'Booking'],
  [bookingPageSchema, 'BookingPage'],
  [payRequestSchema, 'PayRequest'],
  [notificationSchema, 'Notification'],
  [healthReportSchema, 'HealthReport'],
  [livenessSchema, 'Liveness'],
  [subscribeAckSchema, 'SubscribeAck'],
  [okAckSchema, 'OkAck'],
  [releaseAckSchema, 'ReleaseAck'],
]);
