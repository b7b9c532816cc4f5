import {
  authResultSchema,
  bookingPageSchema,
  bookingSchema,
  bookingTicketsSchema,
  checkInCountSchema,
  checkInResultSchema,
  errorBodySchema,
  eventDetailSchema,
  eventSummarySchema,
  notificationSchema,
  publicUserSchema,
  queuePlaceSchema,
  seatSnapshotSchema,
  venueListingSchema,
  waitingListEntrySchema,
  type AuthResult,
  type Booking,
  type BookingPage,
  type BookingStatus,
  type BookingTickets,
  type CheckInCount,
  type CheckInRequest,
  type CheckInResult,
  type CreateBookingRequest,
  type CreateEventRequest,
  type ErrorCode,
  type EventDetail,
  type EventSummary,
  type LoginRequest,
  type Notification,
  type PublicUser,
  type QueuePlace,
  type RegisterRequest,
  type SeatSnapshot,
  type UpdateEventSettings,
  type VenueListing,
  type JoinWaitingList,
  type WaitingListEntry,
} from '@seatstorm/contracts';
import { gatewayUrl } from './config';

/** A gateway error answer (`{statusCode, error, message, details?}`), typed by its stable code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly correlationId?: string,
  ) {
    super(message);
  }
}

/** The gateway did not answer at all: refused, reset, DNS failure or timeout. */
export class GatewayUnreachableError extends Error {
  override readonly name = 'GatewayUnreachableError';
}

/** The gateway answered 2xx with a body that does not match the contract. */
export class InvalidResponseError extends Error {
  override readonly name = 'InvalidResponseError';
}

/** True when retrying later is the right answer: nobody answered, or the gateway said it is unavailable. */
export function isGatewayUnavailable(error: unknown): boolean {
  return (
    error instanceof GatewayUnreachableError ||
    (error instanceof ApiError && (error.code === 'SERVICE_UNAVAILABLE' || error.status === 502 || error.status === 504))
  );
}

interface Parser<T> {
  parse(data: unknown): T;
}

const REQUEST_TIMEOUT_MS = 8_000;

// For answers without a contract error body (a proxy's HTML page, an empty 502).
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return 'INTERNAL_ERROR';
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The caller's JWT, sent as `Authorization: Bearer`. */
  token?: string | null;
  idempotencyKey?: string;
  /**
   * The browser's address, sent as X-Forwarded-For: from the web server only,
   * which the gateway trusts as a proxy (see lib/browser-address.mjs).
   */
  forwardedFor?: string;
  signal?: AbortSignal;
}

/** A parsed 2xx answer with its status, for routes where 201 and 202 mean different things. */
export interface ApiAnswer<T> {
  status: number;
  data: T;
}

async function request<T>(path: string, parser: Parser<T>, options: RequestOptions = {}): Promise<ApiAnswer<T>> {
  const method = options.method ?? 'GET';
  const url = `${gatewayUrl()}${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      // Seats and bookings change every second: never serve them from a cache.
      cache: 'no-store',
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new GatewayUnreachableError(`${method} ${url} failed: the gateway did not answer`, { cause });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { statusCode, error, message, details, correlationId } = parsed.data;
      throw new ApiError(statusCode, error, message, details, correlationId);
    }
    throw new ApiError(response.status, codeForStatus(response.status), `${method} ${path} answered ${response.status}`);
  }

  try {
    return { status: response.status, data: parser.parse(body) };
  } catch (cause) {
    throw new InvalidResponseError(`${method} ${path} answered a body that does not match the contract`, { cause });
  }
}

async function data<T>(answer: Promise<ApiAnswer<T>>): Promise<T> {
  return (await answer).data;
}

const eventSummaryListSchema = eventSummarySchema.array();

/** GET /events: every event with live availability counts. */
export function listEvents(): Promise<EventSummary[]> {
  return data(request('/events', eventSummaryListSchema));
}

/** GET /events/:id: one event with its venue and tiers. */
export function getEvent(eventId: string): Promise<EventDetail> {
  return data(request(`/events/${encodeURIComponent(eventId)}`, eventDetailSchema));
}

export function seatsPath(eventId: string): string {
  return `/events/${encodeURIComponent(eventId)}/seats`;
}

/** GET /events/:id/seats: every seat and the version it was read at. */
export function getSeats(eventId: string, signal?: AbortSignal): Promise<SeatSnapshot> {
  return data(request(seatsPath(eventId), seatSnapshotSchema, { signal }));
}

/** POST /auth/login; `forwardedFor` is the browser's address when the web server signs it in. */
export function login(body: LoginRequest, forwardedFor?: string): Promise<AuthResult> {
  return data(request('/auth/login', authResultSchema, { method: 'POST', body, forwardedFor }));
}

/** POST /auth/register; `forwardedFor` as for `login`. */
export function register(body: RegisterRequest, forwardedFor?: string): Promise<AuthResult> {
  return data(request('/auth/register', authResultSchema, { method: 'POST', body, forwardedFor }));
}

export function getMe(token: string): Promise<PublicUser> {
  return data(request('/auth/me', publicUserSchema, { token }));
}

/** POST /bookings: 201 reserved, 202 pending (decided later); 409 SEAT_UNAVAILABLE throws an ApiError. */
export function createBooking(token: string, body: CreateBookingRequest, idempotencyKey: string): Promise<ApiAnswer<Booking>> {
  return request('/bookings', bookingSchema, { method: 'POST', body, token, idempotencyKey });
}

/** Which page of GET /bookings: `cursor` is the `nextCursor` of the page before. */
export interface BookingListOptions {
  limit?: number;
  cursor?: string | null;
  eventId?: string;
  status?: readonly BookingStatus[];
}

/** GET /bookings: one page of the signed-in person's bookings, newest first. */
export function listBookings(token: string, options: BookingListOptions = {}, signal?: AbortSignal): Promise<BookingPage> {
  const query = new URLSearchParams();
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.cursor) query.set('cursor', options.cursor);
  if (options.eventId) query.set('eventId', options.eventId);
  if (options.status?.length) query.set('status', options.status.join(','));
  const search = query.size > 0 ? `?${query}` : '';
  return data(request(`/bookings${search}`, bookingPageSchema, { token, signal }));
}

export function getBooking(token: string, bookingId: string, signal?: AbortSignal): Promise<Booking> {
  return data(request(`/bookings/${encodeURIComponent(bookingId)}`, bookingSchema, { token, signal }));
}

/** POST /bookings/:id/pay: 202; the outcome shows up on the booking. */
export function payBooking(token: string, bookingId: string, card: string): Promise<Booking> {
  return data(request(`/bookings/${encodeURIComponent(bookingId)}/pay`, bookingSchema, { method: 'POST', body: { card }, token }));
}

/**
 * POST /bookings/:id/extend: more time for a hold awaiting payment, answered with its later
 * `expiresAt` and one extension fewer; every tab of the owner hears it as `booking.updated`.
 */
export function extendBooking(token: string, bookingId: string): Promise<Booking> {
  return data(request(`/bookings/${encodeURIComponent(bookingId)}/extend`, bookingSchema, { method: 'POST', token }));
}

/** Cancels a hold, or asks for a refund of a confirmed booking. */
export function cancelBooking(token: string, bookingId: string): Promise<Booking> {
  return data(request(`/bookings/${encodeURIComponent(bookingId)}/cancel`, bookingSchema, { method: 'POST', token }));
}

/** GET /bookings/:id/tickets: one ticket per seat, with its signed code, from the booking's confirmation on. */
export function getBookingTickets(token: string, bookingId: string, signal?: AbortSignal): Promise<BookingTickets> {
  return data(request(`/bookings/${encodeURIComponent(bookingId)}/tickets`, bookingTicketsSchema, { token, signal }));
}

/** POST /check-in: lets a ticket's holder in on its first scan; every later scan is 409 ALREADY_CHECKED_IN. Staff and admins. */
export function checkIn(token: string, body: CheckInRequest): Promise<CheckInResult> {
  return data(request('/check-in', checkInResultSchema, { method: 'POST', body, token }));
}

/** GET /events/:id/check-ins: how many people the door has let in, of the tickets that may still come. */
export function getCheckInCount(token: string, eventId: string, signal?: AbortSignal): Promise<CheckInCount> {
  return data(request(`/events/${encodeURIComponent(eventId)}/check-ins`, checkInCountSchema, { token, signal }));
}

const notificationListSchema = notificationSchema.array();

/** The signed-in person's latest notifications, newest first. */
export function listNotifications(token: string, signal?: AbortSignal): Promise<Notification[]> {
  return data(request('/notifications', notificationListSchema, { token, signal }));
}

const venueListSchema = venueListingSchema.array();

/** Admin: the stored venues, each with the tiers an event on it must price. */
export function listVenues(token: string, signal?: AbortSignal): Promise<VenueListing[]> {
  return data(request('/venues', venueListSchema, { token, signal }));
}

/**
 * Admin: a new event (on a venue layout, or the simple grid form). Sent again
 * with the same key, it answers the event created the first time.
 */
export function createEvent(token: string, body: CreateEventRequest, idempotencyKey: string): Promise<EventDetail> {
  return data(request('/events', eventDetailSchema, { method: 'POST', body, token, idempotencyKey }));
}

// The gateway's 202 for a command it accepted; the contract has no schema of its own for it.
const commandAcceptedSchema: Parser<{ commandId: string }> = {
  parse(body) {
    if (typeof body === 'object' && body !== null && 'commandId' in body && typeof body.commandId === 'string') return { commandId: body.commandId };
    throw new Error('expected { commandId }');
  },
};

/** Admin: takes seats off sale (or puts them back); the change arrives on every map as `SocketEvent.SeatUpdated`. */
export function setSeatsBlocked(token: string, eventId: string, seatIds: readonly string[], blocked: boolean): Promise<{ commandId: string }> {
  const action = blocked ? 'block' : 'unblock';
  return data(request(`/events/${encodeURIComponent(eventId)}/seats/${action}`, commandAcceptedSchema, { method: 'POST', body: { seatIds }, token }));
}

/** The waiting room: takes (or finds) the caller's one place in the event's queue. */
export function joinQueue(token: string, eventId: string): Promise<QueuePlace> {
  return data(request(`/events/${encodeURIComponent(eventId)}/queue`, queuePlaceSchema, { method: 'POST', token }));
}

const nothing: Parser<void> = { parse: () => undefined };

/** Gives the place up; joining again goes to the back. */
export function leaveQueue(token: string, eventId: string): Promise<void> {
  return data(request(`/events/${encodeURIComponent(eventId)}/queue`, nothing, { method: 'DELETE', token }));
}

function waitingListPath(eventId: string, me = false): string {
  return `/events/${encodeURIComponent(eventId)}/waiting-list${me ? '/me' : ''}`;
}

/** Joins a sold-out event's waiting list (409 NOT_SOLD_OUT while seats are on sale). */
export function joinWaitingList(token: string, eventId: string, ask: JoinWaitingList): Promise<WaitingListEntry> {
  return data(request(waitingListPath(eventId), waitingListEntrySchema, { method: 'POST', body: ask, token }));
}

/** The caller's place on the event's waiting list, or the offer it came to; null if they never joined. */
export async function getWaitingListEntry(token: string, eventId: string, signal?: AbortSignal): Promise<WaitingListEntry | null> {
  try {
    return await data(request(waitingListPath(eventId, true), waitingListEntrySchema, { token, signal }));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Steps out of the event's waiting list. */
export function leaveWaitingList(token: string, eventId: string): Promise<WaitingListEntry> {
  return data(request(waitingListPath(eventId, true), waitingListEntrySchema, { method: 'DELETE', token }));
}

/** Admin: the per-buyer limit and the waiting room of an event. */
export function updateEventSettings(token: string, eventId: string, update: UpdateEventSettings): Promise<EventDetail> {
  return data(request(`/events/${encodeURIComponent(eventId)}`, eventDetailSchema, { method: 'PATCH', body: update, token }));
}

/** A downloaded file and the name the gateway gave it. */
export interface Download {
  file: Blob;
  name: string;
}

/** The file name of `Content-Disposition: attachment; filename="…"` (the gateway's names are plain ASCII), or null. */
export function attachmentName(header: string | null): string | null {
  const name = header?.match(/;\s*filename="([^"\\/]+)"/i)?.[1];
  return name ?? null;
}

/**
 * Admin: GET /events/:eventId/analytics.csv, the sales figures as a file named for the
 * event and the minute it was read. Fetched rather than linked, since it needs the
 * Bearer token a link cannot carry.
 */
export async function getEventAnalyticsCsv(token: string, eventId: string): Promise<Download> {
  const path = `/events/${encodeURIComponent(eventId)}/analytics.csv`;
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl()}${path}`, {
      headers: { accept: 'text/csv', authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new GatewayUnreachableError(`GET ${path} failed: the gateway did not answer`, { cause });
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(await readJson(response));
    if (parsed.success) throw new ApiError(parsed.data.statusCode, parsed.data.error, parsed.data.message, parsed.data.details, parsed.data.correlationId);
    throw new ApiError(response.status, codeForStatus(response.status), `GET ${path} answered ${response.status}`);
  }
  return { file: await response.blob(), name: attachmentName(response.headers.get('content-disposition')) ?? `sales-${eventId}.csv` };
}
