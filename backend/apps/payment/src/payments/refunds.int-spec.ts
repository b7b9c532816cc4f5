import type { INestApplicationContext } from '@nestjs/common';
import { bookingSchema, Topic } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooking } from '../../../../test/builders/booking.builder';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { startStack, type TestStack } from '../../../../test/stack';
import { startPayment } from '../main';

const MAX_ATTEMPTS = 3;
const REFUND_RETRY_MS = 1500;

/** Refunds across gateway → booking → payment → booking → notification, on the real stack, with a provider that is down and comes back. */
describe('a refund the provider cannot make at first', () => {
  let db: Pool;
  let stack: TestStack;
  let payment: INestApplicationContext | undefined;
  let results: KafkaProbe<typeof Topic.PaymentEvents>;
  let user: BuiltUser;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({
      services: ['booking', 'notification'],
      env: {
        PAYMENT_LATENCY_MS: '20',
        PAYMENT_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        PAYMENT_RETRY_BASE_MS: '10',
        PAYMENT_RETRY_MAX_MS: '40',
        PAYMENT_REFUND_RETRY_MS: String(REFUND_RETRY_MS),
      },
    });
    results = await KafkaProbe.start(stack.config, Topic.PaymentEvents);
    [user] = (await buildUsers(db, stack.config, 1, 'Refunded')) as [BuiltUser];
  });

  afterAll(async () => {
    await payment?.close();
    await results?.close();
    await stack?.close();
    await db?.end();
  });

  /** The payment service, with its provider failing every call or none. */
  async function startPaymentService(failureRate: number): Promise<void> {
    await payment?.close();
    payment = await startPayment({ ...stack.config, PAYMENT_FAILURE_RATE: failureRate });
  }

  const bookingOf = async (id: string) => bookingSchema.parse((await call(`${stack.url}/bookings/${id}`, { token: user.token })).body);
  // The cancel's own decision reports the booking still confirmed, which tells the owner so: only what the refund says counts here.
  const notificationsOf = async (bookingId: string) =>
    (
      await db.query<{ kind: string; title: string; body: string }>(
        `SELECT kind, title, body FROM notifications WHERE booking_id = $1 AND kind IN ('refund_delayed', 'refunded') ORDER BY created_at`,
        [bookingId],
      )
    ).rows;
  const refundOf = async (bookingId: string) =>
    (
      await db.query<{ status: string; attempts: number; next_attempt_at: Date | null; dead_lettered_at: Date | null }>(
        `SELECT status, attempts, next_attempt_at, dead_lettered_at FROM payments WHERE booking_id = $1 AND kind = 'refund'`,
        [bookingId],
      )
    ).rows[0];

  it('keeps being retried after its quick retries, tells the owner it is delayed, and refunds once the provider is back', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 2 });
    const booking = await buildBooking(db, { eventId, userId: user.id, seatIds, status: 'confirmed' });
    await startPaymentService(1);

    const cancelled = await call(`${stack.url}/bookings/${booking.bookingId}/cancel`, { token: user.token, body: {} });
    // 202 when the decision did not come in time: the refund follows it all the same.
    expect([200, 202]).toContain(cancelled.status);

    // Out of quick retries: the owner hears the refund is late, and it waits for the slower schedule, not given up.
    const told = await eventually(
      () => notificationsOf(booking.bookingId),
      (rows) => rows.length > 0,
    );
    expect(told).toEqual([
      {
        kind: 'refund_delayed',
        title: 'Your $200 refund for Test Night is delayed',
        body: "The payment provider did not answer. We keep trying, and we'll tell you as soon as $200 is on its way back to your card.",
      },
    ]);
    const delayed = await refundOf(booking.bookingId);
    expect(delayed).toMatchObject({ status: 'pending', dead_lettered_at: expect.any(Date) });
    expect(delayed!.attempts).toBeGreaterThanOrEqual(MAX_ATTEMPTS);
    expect(delayed!.next_attempt_at!.getTime()).toBeGreaterThan(Date.now());
    expect(results.messages.filter((result) => result.bookingId === booking.bookingId)).toEqual([]);
    expect((await bookingOf(booking.bookingId)).status).toBe('confirmed');

    await startPaymentService(0);
    await eventually(
      () => bookingOf(booking.bookingId),
      (current) => current.status === 'refunded',
      15_000,
    );
    const refunded = await refundOf(booking.bookingId);
    expect(refunded?.status).toBe('succeeded');
    expect(refunded!.attempts).toBeGreaterThan(MAX_ATTEMPTS);
    const kinds = await eventually(
      () => notificationsOf(booking.bookingId),
      (rows) => rows.length === 2,
    );
    expect(kinds.map((row) => row.kind)).toEqual(['refund_delayed', 'refunded']);
  });
});
