import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@seatstorm/config';
import { JWT_ALGORITHM, gridLayout, JWT_ISSUER } from '@seatstorm/contracts';
import type { Redis } from 'ioredis';
import fc, { type Arbitrary } from 'fast-check';
import type { Pool } from 'pg';
import type { BuiltUser } from '../builders/user.builder';
import { uniqueId } from '../test-env';

/**
 * One fuzz case's own rows, made fresh for it, so that no case sees another's
 * effects (a payment an earlier case started lands in that case's rows, not in
 * this one's): a buyer and another user, the buyer's event with a reserved, a
 * confirmed and an expired booking of theirs, a seat another user holds and a
 * blocked one, and another event with another user's booking.
 */
export interface World {
  buyer: BuiltUser;
  other: BuiltUser;
  admin: BuiltUser;
  eventId: string;
  otherEventId: string;
  /** Seats of `eventId`: free ones, the buyer's, the other user's, a blocked one. */
  seats: { free: string[]; ownReserved: string[]; ownConfirmed: string; heldByOther: string; blocked: string };
  otherEventSeat: string;
  bookings: { ownReserved: string; ownConfirmed: string; ownExpired: string; other: string };
  /** The event's waiting room is on: holds need an admission pass. */
  waitingRoom: boolean;
}

/** A seeded venue (Madison Square Garden, docs/architecture.md §7): POST /events may create an event on it. */
const SEEDED_VENUE = 'ven_msg';

interface SeatRow {
  id: string;
  eventId: string;
  label: string;
  row: string;
  number: number;
  tier: string;
  price: number;
  status: 'available' | 'reserved' | 'confirmed' | 'blocked';
  bookingId: string | null;
}

interface BookingRow {
  id: string;
  eventId: string;
  userId: string;
  status: 'reserved' | 'confirmed' | 'expired';
  seatIds: string[];
  /** Minutes from now; a live hold lasts beyond the case, an expired one ended a minute ago. */
  expiresInMinutes: number | null;
}

/** Rows A, B… of `perRow` seats: the first row VIP at $100, the rest Regular at $50, as buildEvent lays them out. */
function seatsOf(eventId: string, rows: number, perRow: number): SeatRow[] {
  return Array.from({ length: rows }, (_, r) => String.fromCharCode(65 + r)).flatMap((row, r) =>
    Array.from({ length: perRow }, (_, n) => ({
      id: `${eventId}_${row}${n + 1}`,
      eventId,
      label: `${row}${n + 1}`,
      row,
      number: n + 1,
      tier: r === 0 ? 'VIP' : 'Regular',
      price: r === 0 ? 10_000 : 5_000,
      status: 'available' as const,
      bookingId: null,
    })),
  );
}

/** A buyer and another user, with the tokens the auth service would give them; buildWorld stores them. */
function signedUsers(config: AppConfig): [BuiltUser, BuiltUser] {
  const jwt = new JwtService({ secret: config.JWT_SECRET, signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, expiresIn: 3600 } });
  const [buyer, other] = [1, 2].map((n) => {
    const id = uniqueId('usr_fuzz');
    const claims = { sub: id, email: `${id}@test.seatstorm.dev`, name: `Fuzzer ${n}`, role: 'user' as const };
    return { id, email: claims.email, name: claims.name, role: claims.role, token: jwt.sign(claims) };
  });
  return [buyer!, other!];
}

/**
 * The world in one statement: a case's rows cost one round trip (a builder
 * call each would cost twenty, which adds up over hundreds of cases).
 */
export async function buildWorld(db: Pool, config: AppConfig, admin: BuiltUser, waitingRoom: boolean): Promise<World> {
  const [buyer, other] = signedUsers(config);
  const eventId = uniqueId('evt_fuzz');
  const otherEventId = uniqueId('evt_fuzz');
  const seats = [...seatsOf(eventId, 2, 5), ...seatsOf(otherEventId, 1, 2)];
  const [a1, a2, a3, a4, a5, b1, b2, b3, b4, b5, otherSeat] = seats.map((seat) => seat.id) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const booking = (userId: string, event: string, status: BookingRow['status'], seatIds: string[]): BookingRow => ({
    id: uniqueId('bkg_fuzz'),
    eventId: event,
    userId,
    status,
    seatIds,
    expiresInMinutes: status === 'reserved' ? 60 : status === 'expired' ? -1 : null,
  });
  const bookings = {
    ownReserved: booking(buyer.id, eventId, 'reserved', [a1, a2]),
    ownConfirmed: booking(buyer.id, eventId, 'confirmed', [a3]),
    ownExpired: booking(buyer.id, eventId, 'expired', [b5]),
    heldByOther: booking(other.id, eventId, 'reserved', [a4]),
    other: booking(other.id, otherEventId, 'reserved', [otherSeat]),
  };
  for (const held of Object.values(bookings).filter((b) => b.status !== 'expired')) {
    for (const seat of seats.filter((s) => held.seatIds.includes(s.id))) Object.assign(seat, { status: held.status, bookingId: held.id });
  }
  Object.assign(
    seats.find((seat) => seat.id === a5)!,
    { status: 'blocked' },
  );
  const layout = gridLayout({ section: 'Floor', tier: 'Regular', rows: 2, seatsPerRow: 5 });
  layout.sections[0]!.rows[0]!.tier = 'VIP';
  const priceOf = new Map(seats.map((seat) => [seat.id, seat.price]));
  await db.query(
    `WITH users_ AS (
       INSERT INTO users (id, email, name, password_hash, role)
       SELECT u.id, u.email, u.name, 'not-a-password', 'user' FROM jsonb_to_recordset($1::jsonb) AS u(id text, email text, name text)
     ), venues_ AS (
       INSERT INTO venues (id, name, city, layout) SELECT v, 'Fuzz Hall', 'Testville', $3::jsonb FROM unnest($2::text[]) AS v
     ), events_ AS (
       INSERT INTO events (id, venue_id, name, starts_at, on_sale_at, status, waiting_room_enabled)
       SELECT e, v, 'Fuzz Night', now() + interval '30 days', now() - interval '1 day', 'on_sale', e = $5 AND $6
         FROM unnest($4::text[], $2::text[]) AS x(e, v)
     ), tiers_ AS (
       INSERT INTO event_tiers (event_id, tier, price) SELECT e, t.tier, t.price FROM unnest($4::text[]) AS e
         CROSS JOIN (VALUES ('VIP', 10000), ('Regular', 5000)) AS t(tier, price)
     ), bookings_ AS (
       INSERT INTO bookings (id, event_id, user_id, status, command_id, amount, expires_at)
       SELECT b.id, b."eventId", b."userId", b.status::"BookingStatus", 'cmd_' || b.id, b.amount,
              now() + make_interval(mins => b."expiresInMinutes")
         FROM jsonb_to_recordset($7::jsonb) AS b(id text, "eventId" text, "userId" text, status text, amount int, "expiresInMinutes" int)
     ), told_ AS (
       -- As in a real run, a buyer was told when their hold expired or their booking was confirmed (once per booking
       -- and kind): a refused request that makes the booking core say a booking's status again then adds nothing.
       INSERT INTO notifications (id, user_id, kind, booking_id, event_id, title, body)
       SELECT 'ntf_' || b.id, b."userId", b.status::"NotificationKind", b.id, b."eventId", 'Fuzz', 'Fuzz'
         FROM jsonb_to_recordset($7::jsonb) AS b(id text, "eventId" text, "userId" text, status text)
        WHERE b.status IN ('expired', 'confirmed')
     ), seats_ AS (
       INSERT INTO seats (id, event_id, label, section, row, number, tier, price, x, y, status, booking_id)
       SELECT s.id, s."eventId", s.label, 'Floor', s.row, s.number, s.tier, s.price, s.number, ascii(s.row) - 65,
              s.status::"SeatStatus", s."bookingId"
         FROM jsonb_to_recordset($8::jsonb) AS s(id text, "eventId" text, label text, row text, number int, tier text, price int,
              status text, "bookingId" text)
     )
     INSERT INTO booking_seats (booking_id, seat_id, price)
     SELECT c."bookingId", c."seatId", c.price FROM jsonb_to_recordset($9::jsonb) AS c("bookingId" text, "seatId" text, price int)`,
    [
      JSON.stringify([buyer, other]),
      [uniqueId('ven_fuzz'), uniqueId('ven_fuzz')],
      JSON.stringify(layout),
      [eventId, otherEventId],
      eventId,
      waitingRoom,
      JSON.stringify(Object.values(bookings).map((b) => ({ ...b, amount: b.seatIds.reduce((sum, id) => sum + priceOf.get(id)!, 0) }))),
      JSON.stringify(seats),
      JSON.stringify(Object.values(bookings).flatMap((b) => b.seatIds.map((seatId) => ({ bookingId: b.id, seatId, price: priceOf.get(seatId) })))),
    ],
  );
  return {
    buyer,
    other,
    admin,
    eventId,
    otherEventId,
    seats: { free: [b1, b2, b3, b4], ownReserved: [a1, a2], ownConfirmed: a3, heldByOther: a4, blocked: a5 },
    otherEventSeat: otherSeat,
    bookings: {
      ownReserved: bookings.ownReserved.id,
      ownConfirmed: bookings.ownConfirmed.id,
      ownExpired: bookings.ownExpired.id,
      other: bookings.other.id,
    },
    waitingRoom,
  };
}

/** A name for a row of the world (or one that does not exist), resolved once the case's world is built. */
export class Ref {
  constructor(readonly name: RefName) {}
  toJSON(): string {
    return `<${this.name}>`;
  }
}

const RESOLVERS = {
  'event:own': (w: World) => w.eventId,
  'event:other': (w: World) => w.otherEventId,
  'event:seeded': () => 'evt_eras',
  'event:missing': () => uniqueId('evt_missing'),
  'seat:free': (w: World) => w.seats.free[0]!,
  'seat:free-2': (w: World) => w.seats.free[1]!,
  'seat:free-3': (w: World) => w.seats.free[2]!,
  'seat:own-reserved': (w: World) => w.seats.ownReserved[0]!,
  'seat:own-confirmed': (w: World) => w.seats.ownConfirmed,
  'seat:held-by-other': (w: World) => w.seats.heldByOther,
  'seat:blocked': (w: World) => w.seats.blocked,
  'seat:other-event': (w: World) => w.otherEventSeat,
  'seat:missing': (w: World) => `${w.eventId}_Z99`,
  'booking:own-reserved': (w: World) => w.bookings.ownReserved,
  'booking:own-confirmed': (w: World) => w.bookings.ownConfirmed,
  'booking:own-expired': (w: World) => w.bookings.ownExpired,
  'booking:other': (w: World) => w.bookings.other,
  'booking:missing': () => uniqueId('bkg_missing'),
  'venue:seeded': () => SEEDED_VENUE,
  'venue:missing': () => uniqueId('ven_missing'),
  'email:buyer': (w: World) => w.buyer.email,
  'email:buyer-shouted': (w: World) => `  ${w.buyer.email.toUpperCase()} `,
  'email:seeded': () => 'alice@example.com',
} satisfies Record<string, (world: World) => string>;
export type RefName = keyof typeof RESOLVERS;

/** A kind's refs, the first (the caller's own row) as often as all the others together: that is where valid requests go deep. */
const refsOf = (prefix: string): Arbitrary<Ref> => {
  const [own, ...others] = (Object.keys(RESOLVERS) as RefName[]).filter((name) => name.startsWith(prefix)).map((name) => new Ref(name));
  return fc.oneof({ weight: others.length, arbitrary: fc.constant(own!) }, ...others.map((ref) => ({ weight: 1, arbitrary: fc.constant(ref) })));
};

/** Ids of the world's rows by kind, other kinds' ids and ids of nothing: what the schema's own strings rarely hit. */
export const eventRef = () => refsOf('event:');
export const seatRef = () => refsOf('seat:');
export const bookingRef = () => refsOf('booking:');
export const venueRef = () => refsOf('venue:');
export const emailRef = () => refsOf('email:');

/** The value with every Ref replaced by the world's id. */
export function resolve(value: unknown, world: World): unknown {
  if (value instanceof Ref) return RESOLVERS[value.name](world);
  if (Array.isArray(value)) return value.map((item) => resolve(item, world));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, resolve(field, world)]));
  }
  return value;
}

/**
 * Who calls: nobody, the buyer (as `Bearer`, bare, or lower-case `bearer`), another user, an
 * admin, or a token that must not count: garbage, a forged signature, expired, of another
 * issuer, unsigned (`alg: none`), or of an account that no longer exists.
 */
export const AUTH_VARIANTS = [
  'none',
  'buyer',
  'buyer-bare',
  'buyer-lower-bearer',
  'other',
  'admin',
  'garbage',
  'empty-bearer',
  'forged',
  'expired',
  'wrong-issuer',
  'alg-none',
  'deleted-user',
  'admin-claim-forged',
] as const;
export type AuthVariant = (typeof AUTH_VARIANTS)[number];

/** Mostly the buyer, or for an admin's route mostly the admin, and every other caller now and then. */
export const authVariant = (forAdmin = false): Arbitrary<AuthVariant> =>
  fc.oneof(
    { weight: forAdmin ? 1 : 6, arbitrary: fc.constant<AuthVariant>('buyer') },
    { weight: forAdmin ? 6 : 1, arbitrary: fc.constant<AuthVariant>('admin') },
    { weight: 3, arbitrary: fc.constantFrom(...AUTH_VARIANTS) },
  );

/** One world in four has its waiting room on: enough to reach ADMISSION_REQUIRED, few enough that holds mostly go through. */
export const waitingRoomOn = (): Arbitrary<boolean> => fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The Authorization header value of a variant (undefined: none sent). */
export function authorizationOf(variant: AuthVariant, world: World, config: AppConfig): string | undefined {
  const sign = (claims: object, options: { secret?: string; issuer?: string } = {}) =>
    new JwtService({ secret: options.secret ?? config.JWT_SECRET }).sign(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: options.issuer ?? JWT_ISSUER,
      ...('exp' in claims ? {} : { expiresIn: 3600 }),
    });
  const { buyer } = world;
  const claims = { sub: buyer.id, email: buyer.email, name: buyer.name, role: buyer.role };
  switch (variant) {
    case 'none':
      return undefined;
    case 'buyer':
      return `Bearer ${buyer.token}`;
    case 'buyer-bare':
      return buyer.token;
    case 'buyer-lower-bearer':
      return `bearer   ${buyer.token}`;
    case 'other':
      return `Bearer ${world.other.token}`;
    case 'admin':
      return `Bearer ${world.admin.token}`;
    case 'garbage':
      return 'Bearer not.a.token';
    case 'empty-bearer':
      return 'Bearer ';
    case 'forged':
      return `Bearer ${sign(claims, { secret: 'a-different-secret-of-at-least-32-characters' })}`;
    case 'expired': {
      const now = Math.floor(Date.now() / 1000);
      return `Bearer ${sign({ ...claims, iat: now - 7200, exp: now - 3600 })}`;
    }
    case 'wrong-issuer':
      return `Bearer ${sign(claims, { issuer: 'someone-else' })}`;
    case 'alg-none':
      return `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, iss: JWT_ISSUER, iat: 0, exp: 9_999_999_999 })}.`;
    case 'deleted-user':
      return `Bearer ${sign({ ...claims, sub: uniqueId('usr_deleted'), email: 'gone@test.seatstorm.dev' })}`;
    case 'admin-claim-forged': {
      // The buyer's own token with the role changed to admin and the old signature kept.
      const [header, payload, signature] = buyer.token.split('.') as [string, string, string];
      const forged = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), role: 'admin' };
      return `Bearer ${header}.${base64url(forged)}.${signature}`;
    }
  }
}

/** The bare token a socket handshake carries for a variant (`auth: {token}`), or none. */
export function handshakeTokenOf(variant: AuthVariant, world: World, config: AppConfig): string | undefined {
  const header = authorizationOf(variant, world, config);
  return variant === 'buyer-bare' || header === undefined ? header : header.replace(/^bearer\s+/i, '');
}

/**
 * What a refused request must leave as it was: the world's users, events,
 * seats and live bookings (with their seats and payments), the buyer's and
 * the other user's notifications, the rows every admin route creates (users,
 * events, venues), and who waits in the event's waiting room. A refused hold
 * is recorded as a `rejected` booking by design (docs/architecture.md §3), so
 * those are left out.
 */
export async function digest(db: Pool, redis: Redis, config: AppConfig, world: World): Promise<unknown> {
  const events = [world.eventId, world.otherEventId];
  const users = [world.buyer.id, world.other.id];
  const { rows } = await db.query(
    `WITH live AS (
       SELECT id, status, expires_at, charge_payment_id, refund_payment_id, updated_at FROM bookings
        WHERE (event_id = ANY($1) OR user_id = ANY($2)) AND status <> 'rejected'
     )
     SELECT (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM events) AS events,
            (SELECT count(*)::int FROM venues) AS venues,
            (SELECT json_agg(e ORDER BY e.id) FROM (SELECT id, name, status, seat_version, max_seats_per_buyer, waiting_room_enabled,
                    admission_per_minute, admission_paused, updated_at FROM events WHERE id = ANY($1)) e) AS event_rows,
            (SELECT json_agg(s ORDER BY s.id) FROM (SELECT id, status, booking_id, updated_at FROM seats WHERE event_id = ANY($1)) s) AS seats,
            (SELECT json_agg(b ORDER BY b.id) FROM live b) AS bookings,
            (SELECT count(*)::int FROM booking_seats WHERE booking_id IN (SELECT id FROM live)) AS booking_seats,
            (SELECT json_agg(p ORDER BY p.id) FROM (SELECT id, status, attempts, updated_at FROM payments
              WHERE booking_id IN (SELECT id FROM live)) p) AS payments,
            (SELECT count(*)::int FROM notifications WHERE user_id = ANY($2)) AS notifications,
            (SELECT json_agg(w ORDER BY w.id) FROM (SELECT id, status, offered_booking_id, updated_at FROM waiting_list_entries
              WHERE event_id = ANY($1)) w) AS waiting_list`,
    [events, users],
  );
  const tag = `${config.KAFKA_CLIENT_ID}:wr:{${world.eventId}}`;
  const waiting = (await Promise.all(['pre', 'q', 'adm'].map((key) => redis.zrange(`${tag}:${key}`, '0', '-1')))).flat().sort();
  return { ...rows[0], waiting };
}
