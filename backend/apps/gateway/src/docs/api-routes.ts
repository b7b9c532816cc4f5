import {
  ANALYTICS_PUSH_INTERVAL_MS,
  ANALYTICS_RECENT_MINUTES,
  authResultSchema,
  eventAnalyticsSchema,
  blockSeatsRequestSchema,
  bookingPageSchema,
  bookingSchema,
  bookingTicketsSchema,
  checkInCountSchema,
  checkInRequestSchema,
  checkInResultSchema,
  commandAcceptedSchema,
  createBookingRequestSchema,
  createEventRequestSchema,
  eventDetailSchema,
  eventIdParamsSchema,
  eventSummarySchema,
  healthReportSchema,
  idempotencyKeySchema,
  listBookingsQuerySchema,
  livenessSchema,
  loginRequestSchema,
  notificationSchema,
  payRequestSchema,
  publicUserSchema,
  queuePlaceSchema,
  registerRequestSchema,
  seatSnapshotSchema,
  SocketEvent,
  TEST_CARDS,
  ticketPublicKeySchema,
  Topic,
  updateEventSettingsSchema,
  venueListingSchema,
  waitingRoomStatsSchema,
  joinWaitingListSchema,
  waitingListCountSchema,
  waitingListEntrySchema,
  type ErrorCode,
} from '@seatstorm/contracts';
import { z } from 'zod';
import { SWAGGER_UI_ASSETS, SWAGGER_UI_START } from './swagger-ui';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route: anyone; a signed-in user (`@Authenticated()`, a Bearer JWT);
 * an admin (`@Roles('admin')`); door staff or an admin (`@Roles('staff', 'admin')`);
 * the metrics scraper (Bearer METRICS_TOKEN when it is set).
 */
export type RouteAuth = 'public' | 'user' | 'admin' | 'staff' | 'metrics';

export interface RouteAnswer {
  description: string;
  /** The body; none for an empty answer. */
  schema?: z.ZodType;
  /** `application/json` unless said otherwise. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RouteHeader {
  name: string;
  description: string;
  schema: z.ZodType;
}

/**
 * One REST route of the gateway. The document adds what follows from the
 * rest: 401 UNAUTHORIZED for `user`, `admin` and `staff`, 403 FORBIDDEN for
 * `admin` and `staff`, and 413 VALIDATION_FAILED for a body over the gateway's limit.
 */
export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI's form: `/events/{eventId}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  auth: RouteAuth;
  /** The path parameters' schema; without it each `{name}` in the path is an id. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: readonly RouteHeader[];
  body?: z.ZodType;
  /** A body to start from in the docs page's "Try it out". */
  example?: unknown;
  /** The successful answers, by status. */
  responses: Record<number, RouteAnswer>;
  /** The error codes the route itself may answer (beyond those above), as `{statusCode, error, message, details?}`. */
  errors: readonly ErrorCode[];
}

const idempotencyKey = (what: string): RouteHeader => ({
  name: 'Idempotency-Key',
  description: `A key the client chooses (8–128 letters, digits, \`_ . : -\`): sent again, ${what}`,
  schema: idempotencyKeySchema,
});

const bookingAnswer = (description: string): RouteAnswer => ({ description, schema: bookingSchema });

/** PUT and POST /bookings/{id}/cancel are one route under two methods. */
const cancelBooking = (method: HttpMethod, operationId: string): ApiRoute => ({
  method,
  path: '/bookings/{id}/cancel',
  operationId,
  tag: 'bookings',
  summary: 'Cancel a hold, or refund a confirmed booking',
  description:
    'The owner only. 200 with the booking once the booking service decided; 202 when it did not decide in time (the outcome arrives as `booking.updated`).',
  auth: 'user',
  responses: {
    200: bookingAnswer('The booking, cancelled (its seats are free) or being refunded.'),
    202: bookingAnswer('Not decided yet: the booking as it was.'),
  },
  errors: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE', 'SERVICE_UNAVAILABLE'],
});

const waitingRoomPlace = (method: HttpMethod, operationId: string, summary: string): ApiRoute => ({
  method,
  path: '/events/{eventId}/queue',
  operationId,
  tag: 'waiting room',
  summary,
  description: 'One place per account. `admitted` carries the admission pass a hold needs while the room is on (docs/architecture.md §8).',
  auth: 'user',
  params: eventIdParamsSchema,
  responses: { 200: { description: 'The place: waiting (with people ahead), admitted (with the pass), or not queued.', schema: queuePlaceSchema } },
  errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'WAITING_ROOM_UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
});

const setBlocked = (action: 'block' | 'unblock', summary: string): ApiRoute => ({
  method: 'post',
  path: `/events/{eventId}/seats/${action}`,
  operationId: `${action}Seats`,
  tag: 'events',
  summary,
  description: `Sent through \`${Topic.BookingCommands}\` like every seat change; seats a booking holds are never touched. The change arrives on every map as \`${SocketEvent.SeatUpdated}\`.`,
  auth: 'admin',
  params: eventIdParamsSchema,
  body: blockSeatsRequestSchema,
  responses: { 202: { description: 'The command was sent.', schema: commandAcceptedSchema } },
  errors: ['VALIDATION_FAILED', 'SERVICE_UNAVAILABLE'],
});

const docsDocument = (path: string, operationId: string, summary: string): ApiRoute => ({
  method: 'get',
  path,
  operationId,
  tag: 'docs',
  summary,
  auth: 'public',
  responses: { 200: { description: 'The document, generated from the zod contracts.', schema: z.looseObject({}) } },
  errors: [],
});

/**
 * Every REST route of the gateway. `gateway-routes.spec.ts` compares this list
 * with the routes Nest registers: a route added without its description here,
 * or described here without existing, fails the unit tests.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/auth/register',
    operationId: 'register',
    tag: 'auth',
    summary: 'Create an account and sign in',
    description: 'Answers a token for the new account and a device token that lets this device sign in while someone else spends the email’s sign-in budget.',
    auth: 'public',
    body: registerRequestSchema,
    example: { email: 'dana@example.com', name: 'Dana', password: 'password123' },
    responses: { 201: { description: 'The account, signed in.', schema: authResultSchema } },
    errors: ['VALIDATION_FAILED', 'EMAIL_TAKEN', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    tag: 'auth',
    summary: 'Sign in',
    description:
      'A wrong password and an unknown email are answered alike. Failed sign-ins are limited per client IP and per email (or per device with a valid `deviceToken`).',
    auth: 'public',
    body: loginRequestSchema,
    example: { email: 'alice@example.com', password: 'password123' },
    responses: { 200: { description: 'Signed in.', schema: authResultSchema } },
    errors: ['VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/auth/me',
    operationId: 'me',
    tag: 'auth',
    summary: 'The caller',
    auth: 'user',
    responses: { 200: { description: 'The signed-in user.', schema: publicUserSchema } },
    errors: ['SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events',
    operationId: 'listEvents',
    tag: 'events',
    summary: 'Events with live availability',
    auth: 'public',
    responses: {
      200: { description: 'Every event, with seat counts, the per-buyer limit and the waiting room settings.', schema: z.array(eventSummarySchema) },
    },
    errors: ['SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}',
    operationId: 'getEvent',
    tag: 'events',
    summary: 'One event with its venue and tiers',
    auth: 'public',
    params: eventIdParamsSchema,
    responses: { 200: { description: 'The event.', schema: eventDetailSchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}/seats',
    operationId: 'getSeats',
    tag: 'events',
    summary: 'The seat map snapshot',
    description: `Every seat and the \`version\` it was read at, from one read; \`${SocketEvent.SeatUpdated}\` deltas on the socket chain onto that version. Gzipped for clients that accept it. The ETag names the version: send it back in \`If-None-Match\` for a 304 while nothing changed.`,
    auth: 'public',
    params: eventIdParamsSchema,
    headers: [{ name: 'If-None-Match', description: 'The ETag of a snapshot this client holds.', schema: z.string() }],
    responses: {
      200: { description: 'The snapshot.', schema: seatSnapshotSchema, headers: { ETag: 'The snapshot’s version, `W/"<eventId>@<version>"`.' } },
      304: { description: 'The snapshot named by If-None-Match is still current.' },
    },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/events',
    operationId: 'createEvent',
    tag: 'events',
    summary: 'Create an event',
    description:
      'On a stored venue’s layout, priced per tier in cents (`GET /venues` lists the tiers), or in the original demo’s simple form (a plain grid; `price` in dollars). With an Idempotency-Key the event’s id is derived from the key.',
    auth: 'admin',
    headers: [idempotencyKey('answers the event the first request created instead of creating a second one.')],
    body: createEventRequestSchema,
    example: { venueId: 'ven_msg', name: 'Encore Night', startsAt: '2027-09-01T20:00:00Z', prices: { VIP: 30000, Premium: 20000, Regular: 9900 } },
    responses: { 201: { description: 'The event.', schema: eventDetailSchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'patch',
    path: '/events/{eventId}',
    operationId: 'updateEvent',
    tag: 'events',
    summary: 'Change the per-buyer limit or the waiting room',
    description: '`maxSeatsPerBuyer: null` goes back to the configured default. Anything else in the body is refused.',
    auth: 'admin',
    params: eventIdParamsSchema,
    body: updateEventSettingsSchema,
    example: { waitingRoom: { enabled: true, paused: false } },
    responses: { 200: { description: 'The event, changed.', schema: eventDetailSchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  setBlocked('block', 'Take seats off sale'),
  setBlocked('unblock', 'Put blocked seats back on sale'),
  {
    method: 'get',
    path: '/venues',
    operationId: 'listVenues',
    tag: 'events',
    summary: 'Venues to create events on',
    description: 'By name, each with its tiers (each needs a price in POST /events) and sections.',
    auth: 'admin',
    responses: { 200: { description: 'The stored venues.', schema: z.array(venueListingSchema) } },
    errors: ['SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}/analytics',
    operationId: 'getEventAnalytics',
    tag: 'analytics',
    summary: 'An event’s live sales figures',
    description: `Sales per minute over the last ${ANALYTICS_RECENT_MINUTES} minutes, revenue by tier, holds, conversion, abandoned holds, seats left and a projected sell-out time, as the analytics service counted them from \`${Topic.BookingEvents}\` (docs/architecture.md §12). Changes arrive on the socket as \`${SocketEvent.AnalyticsUpdated}\` (\`${SocketEvent.AnalyticsWatch}\`), at most every ${ANALYTICS_PUSH_INTERVAL_MS} ms.`,
    auth: 'admin',
    params: eventIdParamsSchema,
    responses: { 200: { description: 'The figures now.', schema: eventAnalyticsSchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}/analytics.csv',
    operationId: 'getEventAnalyticsCsv',
    tag: 'analytics',
    summary: 'An event’s sales figures as a CSV file',
    description:
      'Every minute since the first sale (at most a week), one row each (`minute,seats,cents`, then their total), a blank line, then the totals as `figure,value` rows, revenue per tier included. An attachment named after the event and the minute it was read.',
    auth: 'admin',
    params: eventIdParamsSchema,
    responses: {
      200: {
        description: 'The CSV file.',
        schema: z.string(),
        contentType: 'text/csv',
        headers: { 'Content-Disposition': 'attachment; filename="sales-<eventId>-<yyyymmddThhmm>.csv"' },
      },
    },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  waitingRoomPlace('post', 'joinQueue', 'Take (or find) the caller’s place in the waiting room'),
  waitingRoomPlace('get', 'getQueuePlace', 'The caller’s place, without taking one'),
  {
    method: 'delete',
    path: '/events/{eventId}/queue',
    operationId: 'leaveQueue',
    tag: 'waiting room',
    summary: 'Give the place up',
    description: 'Joining again goes to the back.',
    auth: 'user',
    params: eventIdParamsSchema,
    responses: { 204: { description: 'Left.' } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'WAITING_ROOM_UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/events/{eventId}/waiting-list',
    operationId: 'joinWaitingList',
    tag: 'waiting list',
    summary: 'Join a sold-out event’s waiting list',
    description: `Only while no seat of the event (of \`tier\`, if named) is on general sale: seats released later (expiry, cancel, failed payment, refund, unblock) are offered down the line in order of joining, each offer a hold for the buyer that lasts \`WAITING_LIST_CLAIM\`, pushed as \`${SocketEvent.BookingUpdated}\` (with \`waitingListOffer\`) and stored as a notification (docs/architecture.md §14). One active place per account and event.`,
    auth: 'user',
    params: eventIdParamsSchema,
    body: joinWaitingListSchema,
    responses: { 201: { description: 'The place, with its position (1: next).', schema: waitingListEntrySchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'NOT_SOLD_OUT', 'CONFLICT', 'INVALID_STATE', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}/waiting-list/me',
    operationId: 'getWaitingListEntry',
    tag: 'waiting list',
    summary: 'The caller’s place, or the offer it came to',
    description:
      'The active place if any, else the latest: `position` while waiting, `offer` (the booking to pay at checkout, and until when) once offered; `claimed`, `lapsed` or `left` after.',
    auth: 'user',
    params: eventIdParamsSchema,
    responses: { 200: { description: 'The place.', schema: waitingListEntrySchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'delete',
    path: '/events/{eventId}/waiting-list/me',
    operationId: 'leaveWaitingList',
    tag: 'waiting list',
    summary: 'Leave the waiting list',
    description: 'Only a place still waiting: seats already offered are a booking, cancelled like any hold.',
    auth: 'user',
    params: eventIdParamsSchema,
    responses: { 200: { description: 'The place, now `left`.', schema: waitingListEntrySchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}/waiting-list',
    operationId: 'countWaitingList',
    tag: 'waiting list',
    summary: 'How many are waiting',
    auth: 'admin',
    params: eventIdParamsSchema,
    responses: { 200: { description: 'The count.', schema: waitingListCountSchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}/queue/stats',
    operationId: 'getQueueStats',
    tag: 'waiting room',
    summary: 'The room’s figures',
    description: 'The same figures the socket pushes as `queue.updated`; they name nobody.',
    auth: 'public',
    params: eventIdParamsSchema,
    responses: { 200: { description: 'The figures.', schema: waitingRoomStatsSchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'WAITING_ROOM_UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/bookings',
    operationId: 'holdSeats',
    tag: 'bookings',
    summary: 'Hold seats',
    description:
      'Name the seats (`seatIds`) or ask for the best available (`best: {count, tier?, section?, accessible?}`): the booking core picks `count` seats together, nearest the stage, leaving no seat alone. All or nothing; the first request in Kafka order wins. 409 `SEAT_UNAVAILABLE` names the seats lost in `details.seatIds`, `ORPHAN_SEAT` the seat a hold would leave alone. While the event’s waiting room is on, `admissionPass` is required. Limited per account and per client IP.',
    auth: 'user',
    headers: [idempotencyKey('answers the first request’s booking; with another body it is 409 `CONFLICT`.')],
    body: createBookingRequestSchema,
    example: { eventId: 'evt_eras', seatIds: ['evt_eras_A1', 'evt_eras_A2'] },
    responses: {
      201: bookingAnswer('Reserved, with `expiresAt`.'),
      202: bookingAnswer('`pending`: the decision did not come in time; it arrives as `booking.updated` and in GET /bookings/{id}.'),
    },
    errors: [
      'VALIDATION_FAILED',
      'ADMISSION_REQUIRED',
      'NOT_FOUND',
      'SEAT_UNAVAILABLE',
      'ORPHAN_SEAT',
      'COMPANION_SEAT_ALONE',
      'NOT_ENOUGH_SEATS_TOGETHER',
      'BUYER_LIMIT_REACHED',
      'CONFLICT',
      'INVALID_STATE',
      'HOLD_EXPIRED',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
    ],
  },
  {
    method: 'get',
    path: '/bookings',
    operationId: 'listBookings',
    tag: 'bookings',
    summary: 'The caller’s bookings, newest first, a page at a time',
    description: 'Pass back `nextCursor` as `cursor` for the next page. `status` may repeat or be comma-separated.',
    auth: 'user',
    query: listBookingsQuerySchema,
    responses: { 200: { description: 'One page.', schema: bookingPageSchema } },
    errors: ['VALIDATION_FAILED', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/bookings/{id}',
    operationId: 'getBooking',
    tag: 'bookings',
    summary: 'One booking',
    description: 'The owner only; a hold still waiting in Kafka shows as `pending`.',
    auth: 'user',
    responses: { 200: bookingAnswer('The booking.') },
    errors: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/bookings/{id}/pay',
    operationId: 'payBooking',
    tag: 'bookings',
    summary: 'Pay for a hold',
    description: `The owner only. The simulated provider's test cards: \`${TEST_CARDS.pays}\` pays, \`${TEST_CARDS.declined}\` is declined, \`${TEST_CARDS.providerFails}\` fails transiently until its retries run out. The outcome arrives as \`booking.updated\` and in GET /bookings/{id}.`,
    auth: 'user',
    body: payRequestSchema,
    example: { card: TEST_CARDS.pays },
    responses: { 202: bookingAnswer('The payment runs.') },
    errors: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE', 'HOLD_EXPIRED', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/bookings/{id}/extend',
    operationId: 'extendBooking',
    tag: 'bookings',
    summary: 'More time for a hold',
    description:
      'The owner only, while the hold awaits payment: its expiry moves on by HOLD_EXTENSION, at most HOLD_EXTENSIONS times (`extensionsLeft` says how many remain) and never past HOLD_MAX_LIFETIME from when it was made. Every tab of the owner gets the new expiry as `booking.updated`.',
    auth: 'user',
    responses: {
      200: bookingAnswer('The booking with its new `expiresAt`.'),
      202: bookingAnswer('Not decided yet: the booking as it was.'),
    },
    errors: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE', 'HOLD_EXPIRED', 'EXTENSION_LIMIT_REACHED', 'SERVICE_UNAVAILABLE'],
  },
  cancelBooking('post', 'cancelBooking'),
  cancelBooking('put', 'cancelBookingByPut'),
  {
    method: 'get',
    path: '/bookings/{id}/tickets',
    operationId: 'listTickets',
    tag: 'tickets',
    summary: 'A booking’s tickets, one per seat, with their codes',
    description:
      'The owner (or an admin). Tickets are issued when the booking is confirmed; one that never was answers an empty list with its `bookingStatus`. A cancelled or refunded booking’s tickets are listed `revoked`. Each `code` is what the QR code carries: `ST1.<payload>.<signature>`, signed with Ed25519 (GET /tickets/public-key).',
    auth: 'user',
    responses: { 200: { description: 'The tickets, by seat.', schema: bookingTicketsSchema } },
    errors: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/check-in',
    operationId: 'checkIn',
    tag: 'tickets',
    summary: 'Let a ticket in at the door',
    description:
      'Door staff or an admin, with the scanner set up for one event. The first scan of a valid ticket answers 200 with its seat and holder and the event’s running count; every later scan 409 `ALREADY_CHECKED_IN` with the first scan’s time in `details.checkedInAt`, however many doors scan it at once. A code that is not one we signed (damaged, altered, forged) is 422 `TICKET_INVALID` and reads nothing; a ticket of a cancelled or refunded booking 409 `TICKET_REVOKED`; another event’s 409 `TICKET_WRONG_EVENT`. Limited per account (CHECK_IN_RATE_LIMIT a minute).',
    auth: 'staff',
    body: checkInRequestSchema,
    example: {
      eventId: 'evt_eras',
      code: 'ST1.eyJ0IjoidGt0XzAxMjM0NTY3ODlhYmNkZWYwMTIzIiwiZSI6ImV2dF9lcmFzIiwicyI6ImV2dF9lcmFzX0ExIiwiaSI6MTc5NjY3NDU0Mn0.iPUCdh1-f2SBcPVanb288bCERXIuy74aRHO59WCLgRFS_OAO4oH3NEauQiwp-wYNIj0wm4I8LRsuuK0ict_nAg',
    },
    responses: { 200: { description: 'Let in: the ticket, now `checked_in`, and the count.', schema: checkInResultSchema } },
    errors: ['VALIDATION_FAILED', 'TICKET_INVALID', 'TICKET_WRONG_EVENT', 'TICKET_REVOKED', 'ALREADY_CHECKED_IN', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/events/{eventId}/check-ins',
    operationId: 'countCheckIns',
    tag: 'tickets',
    summary: 'The door’s running count',
    description: 'Door staff or an admin: people let in (`checkedIn`) of the tickets that may come (`total`: valid and checked in).',
    auth: 'staff',
    params: eventIdParamsSchema,
    responses: { 200: { description: 'The count.', schema: checkInCountSchema } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/tickets/public-key',
    operationId: 'ticketPublicKey',
    tag: 'tickets',
    summary: 'The key ticket codes are signed with',
    description:
      'Ed25519, as SPKI PEM and as a JWK: with it alone a scanner tells a genuine code from a damaged, altered or forged one, offline. Whether a genuine ticket was revoked or already used only POST /check-in knows.',
    auth: 'public',
    responses: { 200: { description: 'The public key.', schema: ticketPublicKeySchema } },
    errors: [],
  },
  {
    method: 'get',
    path: '/notifications',
    operationId: 'listNotifications',
    tag: 'notifications',
    summary: 'The caller’s latest notifications, newest first',
    description: 'New ones arrive on the socket as `notification`, in the same shape.',
    auth: 'user',
    responses: { 200: { description: 'At most the latest 50.', schema: z.array(notificationSchema) } },
    errors: ['SERVICE_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/health',
    operationId: 'health',
    tag: 'ops',
    summary: 'Readiness: Kafka, PostgreSQL and Redis',
    auth: 'public',
    responses: {
      200: { description: 'Every dependency answers.', schema: healthReportSchema },
      503: { description: 'One is down, named in `checks` (in production without the client’s error text).', schema: healthReportSchema },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/health/live',
    operationId: 'liveness',
    tag: 'ops',
    summary: 'Liveness: the process serves',
    auth: 'public',
    responses: { 200: { description: 'Up.', schema: livenessSchema } },
    errors: [],
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    tag: 'ops',
    summary: 'Prometheus metrics of this process',
    description: 'With METRICS_TOKEN set, only for `Authorization: Bearer <METRICS_TOKEN>`; without it, open in development and 404 in production.',
    auth: 'metrics',
    responses: { 200: { description: 'The text exposition format.', schema: z.string(), contentType: 'text/plain' } },
    errors: ['UNAUTHORIZED', 'NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'docsPage',
    tag: 'docs',
    summary: 'This page: Swagger UI on /docs/openapi.json',
    auth: 'public',
    responses: { 200: { description: 'The page.', schema: z.string(), contentType: 'text/html' } },
    errors: [],
  },
  docsDocument('/docs/openapi.json', 'openApiDocument', 'The REST API as OpenAPI 3.1'),
  docsDocument('/docs/asyncapi.json', 'asyncApiDocument', 'The socket.io events and Kafka topics as AsyncAPI 3.0'),
  {
    method: 'get',
    path: '/docs/ui/{file}',
    operationId: 'docsAsset',
    tag: 'docs',
    summary: 'The docs page’s scripts, styles and icons (from swagger-ui-dist)',
    auth: 'public',
    params: z.object({ file: z.enum([...SWAGGER_UI_ASSETS, SWAGGER_UI_START]) }),
    responses: { 200: { description: 'The file.', contentType: '*/*' } },
    errors: ['NOT_FOUND'],
  },
];
