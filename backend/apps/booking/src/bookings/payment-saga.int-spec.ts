import { bookingSchema, errorBodySchema, Topic, type Booking, type BookingStatus } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { startStack } from '../../../../test/stack';

const VISA = '4242 4242 4242 4242';
const DECLINED = '4000 0000 0000 0002';
const FLAKY = '4000 0000 0000 9995';

/** The saga across gateway → booking → payment → booking → notification, on the real stack. */
describe('paying for a hold', () => {
  let db: Pool;

  beforeAll(() => {
    db = testDb();
  });

  afterAll(async () => {
    await db?.end();
  });

  async function withStack(env: Record<string, string>) {
    const stack = await startStack({ services: ['booking', 'payment', 'notification', 'gateway'], env });
    const [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const api = {
      stack,
      user,
      hold: async (eventId: string, seatIds: string[]) =>
        bookingSchema.parse((await call(`${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds } })).body),
      pay: (bookingId: string, card: string) => call(`${stack.url}/bookings/${bookingId}/pay`, { token: user.token, body: { card } }),
      booking: async (id: string): Promise<Booking> => bookingSchema.parse((await call(`${stack.url}/bookings/${id}`, { token: user.token })).body),
      until: (id: string, status: BookingStatus, timeoutMs = 15_000) =>
        eventually(
          () => api.booking(id),
          (b) => b.status === status,
          timeoutMs,
        ),
    };
    return api;
  }

  const seatsOf = async (seatIds: string[]) =>
    (await db.query<{ status: string }>(`SELECT status FROM seats WHERE id = ANY($1) ORDER BY id`, [seatIds])).rows.map((row) => row.status);
  const notificationsOf = async (bookingId: string) =>
    (await db.query<{ kind: string }>(`SELECT kind FROM notifications WHERE booking_id = $1 ORDER BY created_at`, [bookingId])).rows.map((r) => r.kind);

  describe('with a fast provider', () => {
    let api: Awaited<ReturnType<typeof withStack>>;

    beforeAll(async () => {
      api = await withStack({ PAYMENT_LATENCY_MS: '20', PAYMENT_MAX_ATTEMPTS: '3', PAYMENT_RETRY_BASE_MS: '10', PAYMENT_RETRY_MAX_MS: '40' });
    });

    afterAll(async () => {
      await api?.stack.close();
    });

    it('4242: paid, then confirmed; the seats show confirmed and the owner is told', async () => {
      const { eventId, seatIds } = await buildEvent(db);
      const held = await api.hold(eventId, [seatIds[0]!, seatIds[1]!]);

      const paying = await api.pay(held.id, VISA);
      expect(paying.status).toBe(202);
      // Starting a payment extends the hold so expiry cannot overtake it.
      expect(Date.parse(bookingSchema.parse(paying.body).expiresAt!)).toBeGreaterThanOrEqual(Date.parse(held.expiresAt!));

      await api.until(held.id, 'confirmed');
      expect(await seatsOf([seatIds[0]!, seatIds[1]!])).toEqual(['confirmed', 'confirmed']);
      const payments = (await db.query(`SELECT kind, status, amount, card_last4 FROM payments WHERE booking_id = $1`, [held.id])).rows;
      expect(payments).toEqual([{ kind: 'charge', status: 'succeeded', amount: held.amount, card_last4: '4242' }]);
      expect(
        await eventually(
          () => notificationsOf(held.id),
          (kinds) => kinds.length > 0,
        ),
      ).toEqual(['confirmed']);
      const tray = await call(`${api.stack.url}/notifications`, { token: api.user.token });
      expect(tray.status).toBe(200);
      expect(tray.body).toMatchObject([{ kind: 'confirmed', bookingId: held.id }]);
      // Paying again is refused: the booking is paid.
      const again = await api.pay(held.id, VISA);
      expect(again.status).toBe(409);
    });

    it('a declined card: payment_failed with "Card declined" and PAYMENT_DECLINED, and the seats are free again', async () => {
      const { eventId, seatIds } = await buildEvent(db);
      const held = await api.hold(eventId, [seatIds[2]!]);

      expect((await api.pay(held.id, DECLINED)).status).toBe(202);

      const failed = await api.until(held.id, 'payment_failed');
      expect(failed).toMatchObject({ reason: 'Card declined', failureCode: 'PAYMENT_DECLINED' });
      expect(await seatsOf([seatIds[2]!])).toEqual(['available']);
      expect((await db.query(`SELECT attempts FROM payments WHERE booking_id = $1`, [held.id])).rows).toEqual([{ attempts: 1 }]);
    });

    it('a flaky provider: retried, dead-lettered, the booking fails and the seats are free', async () => {
      const dlq = await KafkaProbe.start(api.stack.config, Topic.PaymentDlq);
      try {
        const { eventId, seatIds } = await buildEvent(db);
        const held = await api.hold(eventId, [seatIds[3]!]);

        expect((await api.pay(held.id, FLAKY)).status).toBe(202);

        const dead = await dlq.waitFor((letter) => letter.request.bookingId === held.id);
        expect(dead.attempts).toBe(3);
        expect(dead.error).toBeTruthy();
        expect(await api.until(held.id, 'payment_failed')).toMatchObject({ failureCode: 'PAYMENT_PROVIDER_UNAVAILABLE' });
        expect(await seatsOf([seatIds[3]!])).toEqual(['available']);
        expect((await db.query(`SELECT status, attempts FROM payments WHERE booking_id = $1`, [held.id])).rows).toEqual([
          { status: 'dead_lettered', attempts: 3 },
        ]);
      } finally {
        await dlq.close();
      }
    });

    it('cancelling a confirmed booking refunds it, then frees the seats', async () => {
      const { eventId, seatIds } = await buildEvent(db);
      const held = await api.hold(eventId, [seatIds[4]!]);
      await api.pay(held.id, VISA);
      await api.until(held.id, 'confirmed');

      const cancelled = await call(`${api.stack.url}/bookings/${held.id}/cancel`, { token: api.user.token, body: {} });
      expect(cancelled.status).toBe(200);

      await api.until(held.id, 'refunded');
      expect(await seatsOf([seatIds[4]!])).toEqual(['available']);
      const payments = (await db.query(`SELECT kind, status FROM payments WHERE booking_id = $1 ORDER BY kind`, [held.id])).rows;
      expect(payments).toEqual([
        { kind: 'charge', status: 'succeeded' },
        { kind: 'refund', status: 'succeeded' },
      ]);
    });

    it('refuses a card that is not a card, and payments for bookings of others', async () => {
      const { eventId, seatIds } = await buildEvent(db);
      const held = await api.hold(eventId, [seatIds[5]!]);
      const bad = await api.pay(held.id, '4242 4242 4242 4241');
      expect(bad.status).toBe(400);
      expect(errorBodySchema.parse(bad.body).message).toContain('not a valid card number');
      const [other] = (await buildUsers(db, api.stack.config, 1)) as [BuiltUser];
      const stranger = await call(`${api.stack.url}/bookings/${held.id}/pay`, { token: other.token, body: { card: VISA } });
      expect(stranger.status).toBe(403);
      expect((await api.booking(held.id)).status).toBe('reserved');
    });
  });

  it('a payment that lands after the hold ended is refunded automatically', async () => {
    // The provider takes 2.5 s; the hold lives 1 s, and waits for the payment's result 1 s after it started at most.
    const api = await withStack({
      HOLD_TTL: '1s',
      PAYMENT_HOLD_EXTENSION: '1s',
      HOLD_MAX_LIFETIME: '1s',
      PAYMENT_RESULT_WAIT: '1s',
      EXPIRY_SWEEP_INTERVAL_MS: '100',
      PAYMENT_LATENCY_MS: '2500',
    });
    try {
      const { eventId, seatIds } = await buildEvent(db);
      const held = await api.hold(eventId, [seatIds[6]!]);
      expect((await api.pay(held.id, VISA)).status).toBe(202);

      await api.until(held.id, 'expired');
      expect(await seatsOf([seatIds[6]!])).toEqual(['available']);
      const refunded = await api.until(held.id, 'refunded', 20_000);
      expect(refunded.reason).toBe('Refunded.');
      const payments = (await db.query(`SELECT kind, status FROM payments WHERE booking_id = $1 ORDER BY kind`, [held.id])).rows;
      expect(payments).toEqual([
        { kind: 'charge', status: 'succeeded' },
        { kind: 'refund', status: 'succeeded' },
      ]);
      expect(await seatsOf([seatIds[6]!])).toEqual(['available']);
    } finally {
      await api.stack.close();
    }
  });
});
