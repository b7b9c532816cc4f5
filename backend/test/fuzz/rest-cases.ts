import {
  blockSeatsRequestSchema,
  checkInRequestSchema,
  createBookingRequestSchema,
  createEventRequestSchema,
  encodeBookingCursor,
  idempotencyKeySchema,
  idSchema,
  joinWaitingListSchema,
  listBookingsQuerySchema,
  loginRequestSchema,
  MAX_REQUEST_BODY_BYTES,
  payRequestSchema,
  registerRequestSchema,
  updateEventSettingsSchema,
} from '@seatstorm/contracts';
import fc, { type Arbitrary } from 'fast-check';
import type { z } from 'zod';
import { authVariant, bookingRef, emailRef, eventRef, seatRef, venueRef, type AuthVariant, waitingRoomOn } from './world';
import { invalidOf, isoDateTime, validOf, wrongType, type Hints } from './zod-arbitrary';

/** What a request sends as its body: JSON of a value, or raw text under a content type (malformed, not JSON, oversized). */
export type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string | undefined };

/** One generated REST request, with Refs still to resolve against its world. */
export interface RestCase {
  auth: AuthVariant;
  waitingRoom: boolean;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: Body;
}

export interface RestRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:name` for each path parameter. */
  path: string;
  body?: z.ZodType;
  query?: z.ZodType;
  idempotencyKey?: boolean;
  /** Only admins may call it: most cases call as one. */
  admin?: boolean;
}

/** The contract's ids, pointed at the world's rows most of the time. */
const idOr = (ref: Arbitrary<unknown>): Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: ref }, { weight: 1, arbitrary: validOf(idSchema) });

const cents = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(0, 2_147_483_647, Number.MAX_SAFE_INTEGER));

/** Fields every request names, pointed at the world's rows and at values the schema alone rarely draws (REST and socket alike). */
export const HINTS: Hints = {
  eventId: idOr(eventRef()),
  // Mostly a few distinct seats, as a seat picker sends them; else the contract's own lists (long, repeated).
  seatIds: fc.oneof(
    { weight: 3, arbitrary: fc.uniqueArray(idOr(seatRef()), { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: validOf(createBookingRequestSchema.shape.seatIds, { 'seatIds[]': idOr(seatRef()) }, 'seatIds') },
  ),
  bookingId: idOr(bookingRef()),
  venueId: idOr(venueRef()),
  email: fc.oneof({ weight: 2, arbitrary: emailRef() }, { weight: 3, arbitrary: validOf(registerRequestSchema.shape.email) }),
  password: fc.oneof(fc.constant('password123'), validOf(registerRequestSchema.shape.password)),
  card: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('4242 4242 4242 4242', '4000 0000 0000 0002', '4000-0000-0000-9995', '4242424242424242') },
    { weight: 1, arbitrary: fc.stringMatching(/^\d{12,19}$/) },
  ),
  // Cursors as GET /bookings gives them out, of any position: a drawn string is never one.
  cursor: fc.oneof(
    fc.record({ createdAt: isoDateTime(), id: validOf(idSchema) as Arbitrary<string> }).map(encodeBookingCursor),
    validOf(listBookingsQuerySchema.shape.cursor),
  ),
  prices: fc.oneof(fc.record({ VIP: cents, Premium: cents, Regular: cents }), fc.dictionary(fc.string({ minLength: 1, maxLength: 50 }), cents, { maxKeys: 4 })),
};

/** A path parameter: the world's rows, the contract's ids, and strings no id looks like. */
const pathParam = (ref: Arbitrary<unknown>): Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: ref },
    { weight: 1, arbitrary: validOf(idSchema) },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), fc.constantFrom('..', '%00', ' ', 'x'.repeat(300), 'null', '0')),
    },
  );

/** Printable ASCII: a header value fetch can send. */
const headerText = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

const rawBody: Arbitrary<Body> = fc.oneof(
  fc.record({
    kind: fc.constant('raw' as const),
    text: fc.constantFrom('{', '{"eventId": ', '[]', 'null', '""', '', 'true', '{"a":1}{"b":2}'),
    contentType: fc.constant('application/json'),
  }),
  fc.record({
    kind: fc.constant('raw' as const),
    text: fc.string({ maxLength: 50 }),
    contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', undefined),
  }),
  // Over the gateway's body limit.
  fc.constant<Body>({ kind: 'raw', text: JSON.stringify({ eventId: 'x'.repeat(MAX_REQUEST_BODY_BYTES) }), contentType: 'application/json' }),
);

function bodyOf(schema: z.ZodType | undefined): Arbitrary<Body> {
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant<Body>({ kind: 'none' }) }, { weight: 1, arbitrary: rawBody });
  const json = (value: Arbitrary<unknown>) => value.map((v): Body => ({ kind: 'json', value: v }));
  return fc.oneof(
    { weight: 5, arbitrary: json(validOf(schema, HINTS)) },
    { weight: 3, arbitrary: json(invalidOf(schema, HINTS)) },
    { weight: 1, arbitrary: rawBody },
  );
}

function queryOf(schema: z.ZodType | undefined): Arbitrary<Record<string, unknown>> {
  const odd = fc.dictionary(fc.constantFrom('limit', 'cursor', 'eventId', 'status', 'x'), fc.oneof(fc.string({ maxLength: 30 }), wrongType()), { maxKeys: 3 });
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: odd });
  return fc.oneof(
    { weight: 3, arbitrary: validOf(schema, HINTS) as Arbitrary<Record<string, unknown>> },
    {
      weight: 2,
      arbitrary: invalidOf(schema, HINTS).filter((value): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value)),
    },
    { weight: 1, arbitrary: odd },
  );
}

const idempotencyHeader: Arbitrary<Record<string, string>> = fc.oneof(
  fc.constant({}),
  validOf(idempotencyKeySchema).map((key) => ({ 'idempotency-key': key as string })),
  headerText(200).map((key) => ({ 'idempotency-key': key })),
);

const PARAM_REFS: Record<string, Arbitrary<unknown>> = { eventId: eventRef(), id: bookingRef() };

export function restCase(route: RestRoute): Arbitrary<RestCase> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  return fc.record({
    auth: authVariant(route.admin),
    waitingRoom: waitingRoomOn(),
    params: fc.record(Object.fromEntries(names.map((name) => [name, pathParam(PARAM_REFS[name]!)]))),
    query: queryOf(route.query),
    headers: route.idempotencyKey ? idempotencyHeader : fc.constant({}),
    body: bodyOf(route.body),
  });
}

/** Every route of docs/architecture.md §6 and the gateway's controllers. */
export const REST_ROUTES: RestRoute[] = [
  { method: 'POST', path: '/auth/register', body: registerRequestSchema },
  { method: 'POST', path: '/auth/login', body: loginRequestSchema },
  { method: 'GET', path: '/auth/me' },
  { method: 'GET', path: '/events' },
  { method: 'GET', path: '/events/:eventId' },
  { method: 'GET', path: '/events/:eventId/seats' },
  { method: 'POST', path: '/events', body: createEventRequestSchema, admin: true },
  { method: 'PATCH', path: '/events/:eventId', body: updateEventSettingsSchema, admin: true },
  { method: 'POST', path: '/events/:eventId/seats/block', body: blockSeatsRequestSchema, admin: true },
  { method: 'POST', path: '/events/:eventId/seats/unblock', body: blockSeatsRequestSchema, admin: true },
  { method: 'POST', path: '/events/:eventId/queue' },
  { method: 'GET', path: '/events/:eventId/queue' },
  { method: 'DELETE', path: '/events/:eventId/queue' },
  { method: 'GET', path: '/events/:eventId/queue/stats' },
  { method: 'POST', path: '/events/:eventId/waiting-list', body: joinWaitingListSchema },
  { method: 'GET', path: '/events/:eventId/waiting-list/me' },
  { method: 'DELETE', path: '/events/:eventId/waiting-list/me' },
  { method: 'GET', path: '/events/:eventId/waiting-list', admin: true },
  { method: 'GET', path: '/venues', admin: true },
  { method: 'POST', path: '/bookings', body: createBookingRequestSchema, idempotencyKey: true },
  { method: 'GET', path: '/bookings', query: listBookingsQuerySchema },
  { method: 'GET', path: '/bookings/:id' },
  { method: 'POST', path: '/bookings/:id/pay', body: payRequestSchema },
  { method: 'POST', path: '/bookings/:id/cancel' },
  { method: 'PUT', path: '/bookings/:id/cancel' },
  { method: 'GET', path: '/bookings/:id/tickets' },
  { method: 'POST', path: '/check-in', body: checkInRequestSchema, admin: true },
  { method: 'GET', path: '/events/:eventId/check-ins', admin: true },
  { method: 'GET', path: '/tickets/public-key' },
  { method: 'GET', path: '/notifications' },
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/health/live' },
  { method: 'GET', path: '/metrics' },
];
