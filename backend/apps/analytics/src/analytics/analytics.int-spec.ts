import {
  bookingSchema,
  errorBodySchema,
  eventAnalyticsSchema,
  SocketEvent,
  TEST_CARDS,
  Topic,
  type BookingEvent,
  type BookingStatus,
  type EventAnalytics,
} from '@seatstorm/contracts';
import { kafkaClientConfig, kafkaIdOf, MessageProducer } from '@seatstorm/kafka';
import { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent, type BuiltEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { connectSocket, received } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';

/** What a booking of the burst does after its hold. */
type Fate = 'pay' | 'decline' | 'cancel' | 'expire';

/** The figures SQL and the analytics both give, to compare whole. */
interface Figures {
  seatsTotal: number;
  seatsLeft: number;
  holds: number;
  paid: number;
  abandoned: number;
  paymentFailed: number;
  soldSeats: number;
  soldCents: number;
  revenueByTier: Array<{ tier: string; seats: number; cents: number }>;
}

const SETTLE_MS = 30_000;

describe('live sales analytics on the real stack', () => {
  let db: Pool;
  let stack: TestStack;
  let buyers: BuiltUser[];
  let admin: BuiltUser;
  let next = 0;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['booking', 'payment', 'analytics', 'gateway'],
      env: {
        HOLD_TTL: '2s',
        EXPIRY_SWEEP_INTERVAL_MS: '200',
        PAYMENT_LATENCY_MS: '20',
        PAYMENT_MAX_ATTEMPTS: '3',
        PAYMENT_RETRY_BASE_MS: '10',
        PAYMENT_RETRY_MAX_MS: '40',
      },
    });
    buyers = await buildUsers(db, stack.config, 6, 'Buyer');
    [admin] = (await buildUsers(db, stack.config, 1, 'Organiser', 'admin')) as [BuiltUser];
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  const analytics = async (eventId: string, token = admin.token) => call(`${stack.url}/events/${eventId}/analytics`, { token });

  /**
   * Holds `fates.length` bookings at once (one or two seats each, from
   * `seats`, by several buyers), then pays, declines, cancels or leaves each
   * to expire, all at once, and waits until every one of them has ended.
   */
  async function burst(eventId: string, seats: string[], fates: readonly Fate[]): Promise<void> {
    let taken = 0;
    const claims = fates.map((fate, i) => {
      const count = i % 3 === 0 ? 2 : 1;
      const claim = { fate, buyer: buyers[next++ % buyers.length]!, seatIds: seats.slice(taken, taken + count) };
      taken += count;
      return claim;
    });
    expect(taken).toBeLessThanOrEqual(seats.length);
    const held = await Promise.all(
      claims.map(async (claim) => {
        const reply = await call(`${stack.url}/bookings`, { token: claim.buyer.token, body: { eventId, seatIds: claim.seatIds } });
        expect(reply.status).toBe(201);
        return { ...claim, bookingId: bookingSchema.parse(reply.body).id };
      }),
    );
    await Promise.all(
      held.map(async ({ fate, buyer, bookingId }) => {
        if (fate === 'expire') return;
        const reply =
          fate === 'cancel'
            ? await call(`${stack.url}/bookings/${bookingId}/cancel`, { method: 'PUT', token: buyer.token })
            : await call(`${stack.url}/bookings/${bookingId}/pay`, {
                token: buyer.token,
                body: { card: fate === 'pay' ? TEST_CARDS.pays : TEST_CARDS.declined },
              });
        expect(reply.status).toBeLessThan(300);
      }),
    );
    await eventually(
      async () =>
        (await db.query(`SELECT count(*)::int AS open FROM bookings WHERE event_id = $1 AND status IN ('pending', 'reserved', 'paid')`, [eventId])).rows[0]
          .open,
      (open) => open === 0,
      SETTLE_MS,
    );
  }

  /** The truth, read from the booking core's own tables. */
  async function sqlFigures(eventId: string): Promise<Figures> {
    const {
      rows: [counts],
    } = await db.query(
      `SELECT count(*) FILTER (WHERE status NOT IN ('pending', 'rejected'))::int AS holds,
              count(*) FILTER (WHERE status IN ('paid', 'confirmed'))::int AS paid,
              count(*) FILTER (WHERE status IN ('expired', 'cancelled'))::int AS abandoned,
              count(*) FILTER (WHERE status = 'payment_failed')::int AS "paymentFailed"
         FROM bookings WHERE event_id = $1`,
      [eventId],
    );
    const {
      rows: [seats],
    } = await db.query(
      `SELECT count(*)::int AS "seatsTotal", count(*) FILTER (WHERE status = 'available')::int AS "seatsLeft" FROM seats WHERE event_id = $1`,
      [eventId],
    );
    const { rows: tiers } = await db.query<{ tier: string; seats: number; cents: number }>(
      `SELECT t.tier, count(bs.seat_id)::int AS seats, coalesce(sum(bs.price), 0)::int AS cents
         FROM event_tiers t
         LEFT JOIN seats s ON s.event_id = t.event_id AND s.tier = t.tier
         LEFT JOIN booking_seats bs ON bs.seat_id = s.id
              AND bs.booking_id IN (SELECT id FROM bookings WHERE event_id = $1 AND status IN ('paid', 'confirmed'))
        WHERE t.event_id = $1 GROUP BY t.tier, t.price ORDER BY t.price DESC`,
      [eventId],
    );
    const {
      rows: [sold],
    } = await db.query(
      `SELECT (SELECT count(*) FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id
                WHERE b.event_id = $1 AND b.status IN ('paid', 'confirmed'))::int AS "soldSeats",
              (SELECT coalesce(sum(amount), 0) FROM bookings WHERE event_id = $1 AND status IN ('paid', 'confirmed'))::int AS "soldCents"`,
      [eventId],
    );
    return { ...seats, ...counts, ...sold, revenueByTier: tiers };
  }

  function figuresOf(answer: EventAnalytics): Figures {
    return {
      seatsTotal: answer.seatsTotal,
      seatsLeft: answer.seatsLeft,
      holds: answer.holds,
      paid: answer.paid,
      abandoned: answer.abandoned,
      paymentFailed: answer.paymentFailed,
      soldSeats: answer.salesPerMinute.reduce((sum, row) => sum + row.seats, 0),
      soldCents: answer.salesPerMinute.reduce((sum, row) => sum + row.cents, 0),
      revenueByTier: answer.revenueByTier,
    };
  }

  /** The analytics' answer, once it equals what SQL says (it is asserted either way, for a readable failure). */
  async function expectFiguresToMatchSql(eventId: string): Promise<EventAnalytics> {
    const truth = await sqlFigures(eventId);
    const answer = await eventually(
      async () => {
        const reply = await analytics(eventId);
        return reply.status === 200 ? eventAnalyticsSchema.parse(reply.body) : null;
      },
      (answer) => answer !== null && JSON.stringify(figuresOf(answer)) === JSON.stringify(truth),
      SETTLE_MS,
    );
    expect(answer && figuresOf(answer)).toEqual(truth);
    return answer!;
  }

  /** Resolves once the analytics group has committed everything booking.events holds now. */
  async function analyticsCaughtUp(): Promise<void> {
    const admin = new Kafka(kafkaClientConfig(stack.config, 'analytics-test')).admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(Topic.BookingEvents);
      const groupId = kafkaIdOf(stack.config, 'analytics');
      await eventually(
        async () => (await admin.fetchOffsets({ groupId, topics: [Topic.BookingEvents] }))[0]!.partitions,
        (committed) =>
          ends.every((end) => {
            const at = committed.find((p) => p.partition === end.partition)?.offset ?? '-1';
            return end.high === '0' || (at !== '-1' && BigInt(at) >= BigInt(end.high));
          }),
        SETTLE_MS,
      );
    } finally {
      await admin.disconnect();
    }
  }

  const FATES: Fate[] = ['pay', 'pay', 'decline', 'cancel', 'expire', 'pay', 'decline', 'pay', 'expire', 'cancel', 'pay', 'pay'];

  let event: BuiltEvent;

  it('after a burst of holds, payments (some declined), cancels and expiries, the figures equal SQL', async () => {
    // Row A (VIP, $100) and row B (Regular, $50) of ten seats each; the burst takes both tiers.
    event = await buildEvent(db, { rows: 2, perRow: 10 });
    await burst(event.eventId, event.seatIds.slice(0, 17), FATES);

    const answer = await expectFiguresToMatchSql(event.eventId);

    expect(answer.holds).toBe(FATES.length);
    expect(answer.paid).toBe(6);
    expect(answer.conversion).toBeCloseTo(6 / 12);
    expect(answer.abandoned).toBe(4);
    expect(answer.paymentFailed).toBe(2);
    expect(answer.revenueByTier.map((tier) => tier.tier)).toEqual(['VIP', 'Regular']);
    expect(answer.projectedSellOutAt).not.toBeNull();
  });

  it('still equals SQL after its consumer was stopped during more sales and started again', async () => {
    await stack.stop('analytics');
    try {
      const taken = await db.query<{ id: string }>(`SELECT id FROM seats WHERE event_id = $1 AND status = 'available' ORDER BY id`, [event.eventId]);
      await burst(
        event.eventId,
        taken.rows.map((row) => row.id),
        ['pay', 'decline', 'cancel', 'pay'],
      );
    } finally {
      await stack.start('analytics');
    }

    const answer = await expectFiguresToMatchSql(event.eventId);
    expect(answer.holds).toBe(FATES.length + 4);
  });

  it('counts nothing twice when booking events are delivered again', async () => {
    const before = eventAnalyticsSchema.parse((await analytics(event.eventId)).body);
    const { rows } = await db.query(
      `SELECT b.id, b.user_id, b.status, b.amount::int AS amount, b.command_id, b.created_at, b.updated_at,
              array_agg(bs.seat_id ORDER BY bs.seat_id) AS seat_ids
         FROM bookings b JOIN booking_seats bs ON bs.booking_id = b.id
        WHERE b.event_id = $1 GROUP BY b.id`,
      [event.eventId],
    );
    const stepOf = (row: (typeof rows)[number], status: BookingStatus): BookingEvent => ({
      bookingId: row.id,
      eventId: event.eventId,
      userId: row.user_id,
      status,
      seatIds: row.seat_ids,
      amount: row.amount,
      expiresAt: null,
      reason: null,
      failureCode: null,
      extensionsLeft: 0,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      commandId: row.command_id,
      occurredAt: new Date().toISOString(),
    });
    // Every booking's hold, payment and ending again, as a replay after a crash would deliver them.
    const replay = rows.flatMap((row) => [stepOf(row, 'reserved'), ...(row.status === 'confirmed' ? [stepOf(row, 'paid')] : []), stepOf(row, row.status)]);
    const producer = new MessageProducer(stack.config, 'analytics-test');
    try {
      await producer.publish(Topic.BookingEvents, replay);
    } finally {
      await producer.onApplicationShutdown();
    }
    await analyticsCaughtUp();

    const after = await expectFiguresToMatchSql(event.eventId);
    expect(figuresOf(after)).toEqual(figuresOf(before));
  });

  it('pushes the figures to an admin watching the event as they change', async () => {
    const watched = await buildEvent(db, { rows: 1, perRow: 4 });
    const socket = await connectSocket(stack.url, { token: admin.token });
    try {
      const pushes = received(socket, SocketEvent.AnalyticsUpdated);
      const now = await socket.emitWithAck(SocketEvent.AnalyticsWatch, { eventId: watched.eventId });
      expect(eventAnalyticsSchema.parse(now)).toMatchObject({ eventId: watched.eventId, seatsTotal: 4, seatsLeft: 4, holds: 0, conversion: null });

      await burst(watched.eventId, watched.seatIds, ['pay']);

      const pushed = await eventually(
        async () => pushes.at(-1),
        (last) => last?.paid === 1 && last.seatsLeft === 2,
        SETTLE_MS,
      );
      expect(pushed!.revenueByTier).toEqual([
        { tier: 'VIP', seats: 2, cents: 20_000 },
        { tier: 'Regular', seats: 0, cents: 0 },
      ]);
      expect(pushed!.salesPerMinute.reduce((sum, row) => sum + row.seats, 0)).toBe(2);
    } finally {
      socket.close();
    }
  });

  it('lets only admins watch or read the figures, and answers 404 for an unknown event', async () => {
    const buyerSocket = await connectSocket(stack.url, { token: buyers[0]!.token });
    try {
      expect(errorBodySchema.parse(await buyerSocket.emitWithAck(SocketEvent.AnalyticsWatch, { eventId: event.eventId })).error).toBe('FORBIDDEN');
    } finally {
      buyerSocket.close();
    }
    const forbidden = await analytics(event.eventId, buyers[0]!.token);
    expect(forbidden.status).toBe(403);
    expect(errorBodySchema.parse(forbidden.body).error).toBe('FORBIDDEN');
    expect((await call(`${stack.url}/events/${event.eventId}/analytics`)).status).toBe(401);
    const unknown = await analytics('evt_no_such_event');
    expect(unknown.status).toBe(404);
    expect(errorBodySchema.parse(unknown.body).error).toBe('NOT_FOUND');
    expect((await call(`${stack.url}/events/${event.eventId}/analytics.csv`, { token: buyers[0]!.token })).status).toBe(403);
  });

  it('exports the minutes and the totals as a CSV file', async () => {
    const truth = await sqlFigures(event.eventId);
    const webApp = stack.config.CORS_ORIGINS[0]!;
    const response = await fetch(`${stack.url}/events/${event.eventId}/analytics.csv`, { headers: { authorization: `Bearer ${admin.token}`, origin: webApp } });

    expect(response.status).toBe(200);
    // The web app, on another origin, may read the file's name.
    expect(response.headers.get('access-control-allow-origin')).toBe(webApp);
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase().split(',')).toContain('content-disposition');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="sales-${event.eventId}-\\d{8}T\\d{4}\\.csv"$`));
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('minute,seats,cents');
    expect(lines).toContain(`total,${truth.soldSeats},${truth.soldCents}`);
    expect(lines).toContain(`holds,${truth.holds}`);
    expect(lines).toContain(`seats_left,${truth.seatsLeft}`);
    for (const tier of truth.revenueByTier) expect(lines).toContain(`revenue_cents:${tier.tier},${tier.cents}`);
  });
});
