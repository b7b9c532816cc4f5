import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { Topic, type PaymentRequest } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
import { metricsRegistry } from '@seatstorm/observability';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaymentRequest } from '../../../../test/builders/payment.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { testConfig, uniqueId } from '../../../../test/test-env';
import { startPayment } from '../main';
import { PaymentsRepository } from './payments.repository';

const MAX_ATTEMPTS = 3;

describe('payment service on real Kafka and PostgreSQL', () => {
  let db: Pool;
  let config: AppConfig;
  let payment: INestApplicationContext;
  let producer: MessageProducer;
  let results: KafkaProbe<typeof Topic.PaymentEvents>;
  let deadLetters: KafkaProbe<typeof Topic.PaymentDlq>;
  let userId: string;

  beforeAll(async () => {
    db = testDb();
    config = testConfig({
      PAYMENT_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      PAYMENT_RETRY_BASE_MS: '10',
      PAYMENT_RETRY_MAX_MS: '40',
      PAYMENT_LATENCY_MS: '5',
    });
    [{ id: userId }] = await buildUsers(db, config, 1, 'Payer');
    results = await KafkaProbe.start(config, Topic.PaymentEvents);
    deadLetters = await KafkaProbe.start(config, Topic.PaymentDlq);
    payment = await startPayment(config);
    producer = new MessageProducer(config, 'payment-test');
  });

  afterAll(async () => {
    await producer?.onApplicationShutdown();
    await payment?.close();
    await results?.close();
    await deadLetters?.close();
    await db?.end();
  });

  const requestFor = (card: string, kind: PaymentRequest['kind'] = 'charge') => buildPaymentRequest(db, { userId, card, kind });

  const resultOf = (request: PaymentRequest) => results.waitFor((result) => result.paymentId === request.paymentId);

  async function storedPayment(paymentId: string) {
    const { rows } = await db.query('SELECT * FROM payments WHERE id = $1', [paymentId]);
    return rows;
  }

  async function attemptsCounted(result: 'succeeded' | 'declined' | 'unavailable'): Promise<number> {
    const metric = await metricsRegistry.getSingleMetric('seatstorm_payment_attempts_total')?.get();
    return metric?.values.find((value) => value.labels.kind === 'charge' && value.labels.result === result)?.value ?? 0;
  }

  it('charges a 4242 card once and keeps the provider token and the last four digits, never the card number', async () => {
    const request = await requestFor('4242424242424242');
    await producer.publish(Topic.PaymentRequests, [request]);

    expect(await resultOf(request)).toMatchObject({
      kind: 'charge',
      bookingId: request.bookingId,
      eventId: request.eventId,
      outcome: 'succeeded',
      attempts: 1,
    });
    const rows = await storedPayment(request.paymentId);
    expect(rows).toEqual([
      expect.objectContaining({
        booking_id: request.bookingId,
        kind: 'charge',
        amount: 20000,
        status: 'succeeded',
        attempts: 1,
        card_last4: '4242',
        last_error: null,
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('4242424242424242');
  });

  it('declines a 0002 card at the first attempt, without retrying', async () => {
    const request = await requestFor('4000000000000002');
    await producer.publish(Topic.PaymentRequests, [request]);

    expect(await resultOf(request)).toMatchObject({ outcome: 'failed', reason: 'Card declined', attempts: 1 });
    expect(await storedPayment(request.paymentId)).toEqual([expect.objectContaining({ status: 'failed', attempts: 1, last_error: 'Card declined' })]);
  });

  it('retries a 9995 card PAYMENT_MAX_ATTEMPTS times, then dead-letters it with the last error', async () => {
    const request = await requestFor('4000000000009995');
    await producer.publish(Topic.PaymentRequests, [request]);

    const deadLetter = await deadLetters.waitFor((entry) => entry.request.paymentId === request.paymentId);
    expect(deadLetter).toMatchObject({ request, attempts: MAX_ATTEMPTS, error: expect.stringContaining('9995') });
    expect(await resultOf(request)).toMatchObject({
      outcome: 'failed',
      reason: 'The payment provider is unavailable; no charge was made.',
      attempts: MAX_ATTEMPTS,
    });
    expect(await storedPayment(request.paymentId)).toEqual([
      expect.objectContaining({ status: 'dead_lettered', attempts: MAX_ATTEMPTS, last_error: deadLetter.error }),
    ]);
  });

  it('charges a request delivered twice once, and answers a redelivery after it settled the same', async () => {
    const request = await requestFor('4242424242424242');
    const chargesBefore = await attemptsCounted('succeeded');
    await producer.publish(Topic.PaymentRequests, [request, request]);

    const first = await resultOf(request);
    expect(first).toMatchObject({ outcome: 'succeeded', attempts: 1 });
    await producer.publish(Topic.PaymentRequests, [request]);
    const answers = await results.waitForCount((result) => result.paymentId === request.paymentId, 2);
    expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify(first))).toBe(true);
    expect(await storedPayment(request.paymentId)).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 1 })]);
    expect((await attemptsCounted('succeeded')) - chargesBefore).toBe(1);
  });

  it('resumes a payment left pending between attempts, once, however often its request is redelivered meanwhile', async () => {
    const request = await requestFor('4242424242424242');
    const chargesBefore = await attemptsCounted('succeeded');
    // As a crash after the first, transiently failed attempt leaves it: its next attempt is due.
    await db.query(
      `INSERT INTO payments (id, booking_id, kind, amount, status, attempts, card_last4, last_error, request, next_attempt_at)
       VALUES ($1, $2, 'charge', $3, 'pending', 1, '4242', 'The payment provider did not answer (simulated failure)', $4, now())`,
      [request.paymentId, request.bookingId, request.amount, JSON.stringify(request)],
    );
    await producer.publish(Topic.PaymentRequests, [request, request, request]);

    expect(await resultOf(request)).toMatchObject({ outcome: 'succeeded', attempts: 2 });
    // Given back once its outcome is out: nothing left to do.
    const stored = await eventually(
      () => storedPayment(request.paymentId),
      ([row]) => row?.claimed_until === null,
    );
    expect(stored).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 2, last_error: null, next_attempt_at: null })]);
    expect((await attemptsCounted('succeeded')) - chargesBefore).toBe(1);
  });

  it('refunds even to a card that is declined for charges', async () => {
    const request = await requestFor('4000000000000002', 'refund');
    await producer.publish(Topic.PaymentRequests, [request]);

    expect(await resultOf(request)).toMatchObject({ kind: 'refund', outcome: 'succeeded', attempts: 1 });
    expect(await storedPayment(request.paymentId)).toEqual([expect.objectContaining({ kind: 'refund', status: 'succeeded' })]);
  });

  it('does not take in a payment for a booking that does not exist', async () => {
    const payments = payment.get(PaymentsRepository);
    const request = { ...(await requestFor('4242424242424242')), bookingId: uniqueId('bkg_missing') };
    expect(await payments.accept(request, '4242')).toBe(false);
    expect(await storedPayment(request.paymentId)).toEqual([]);
  });
});
