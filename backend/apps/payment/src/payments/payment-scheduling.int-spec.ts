import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { Topic, type PaymentRequest } from '@seatstorm/contracts';
import { kafkaIdOf, MessageProducer } from '@seatstorm/kafka';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPaymentRequest } from '../../../../test/builders/payment.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { ServiceProcess } from '../../../../test/service-process';
import { testConfig } from '../../../../test/test-env';
import { startPayment } from '../main';
import { SimulatedCardProvider } from '../provider/simulated-provider';

const LATENCY_MS = 250;
const FAILING_PAYMENTS = 36;

describe('payments that fail transiently hold up nobody else', () => {
  let db: Pool;
  let config: AppConfig;
  let payment: INestApplicationContext;
  let producer: MessageProducer;
  let results: KafkaProbe<typeof Topic.PaymentEvents>;
  let failing: PaymentRequest[] = [];

  beforeAll(async () => {
    db = testDb();
    config = testConfig({
      PAYMENT_LATENCY_MS: String(LATENCY_MS),
      PAYMENT_MAX_ATTEMPTS: '4',
      PAYMENT_RETRY_BASE_MS: '400',
      PAYMENT_RETRY_MAX_MS: '1500',
    });
    results = await KafkaProbe.start(config, Topic.PaymentEvents);
    payment = await startPayment(config);
    producer = new MessageProducer(config, 'payment-test');
  });

  afterAll(async () => {
    await producer?.onApplicationShutdown();
    await payment?.close();
    // Their retries are beside the point once the test is over: no later test's payment service takes them up.
    await db?.query('UPDATE payments SET next_attempt_at = NULL WHERE id = ANY($1)', [failing.map((request) => request.paymentId)]);
    await results?.close();
    await db?.end();
  });

  async function attemptedAmong(requests: PaymentRequest[]): Promise<number> {
    const { rows } = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM payments WHERE id = ANY($1) AND attempts > 0`, [
      requests.map((request) => request.paymentId),
    ]);
    return rows[0]?.count ?? 0;
  }

  async function pendingAmong(requests: PaymentRequest[]): Promise<number> {
    const { rows } = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM payments WHERE id = ANY($1) AND status = 'pending'`, [
      requests.map((request) => request.paymentId),
    ]);
    return rows[0]?.count ?? 0;
  }

  it("settles a good card within a few provider calls' time while one buyer's many 9995 payments keep retrying", async () => {
    const [failingBuyer, goodBuyer] = await buildUsers(db, config, 2, 'Payer');
    failing = await Promise.all(Array.from({ length: FAILING_PAYMENTS }, () => buildPaymentRequest(db, { userId: failingBuyer.id, card: '4000000000009995' })));
    const good = await buildPaymentRequest(db, { userId: goodBuyer.id, card: '4242424242424242' });
    // Spread over every partition (they are keyed by booking), so the good payment has failing ones ahead of it in its own.
    await producer.publish(Topic.PaymentRequests, failing);
    await eventually(
      () => attemptedAmong(failing),
      (attempted) => attempted > 0,
    );

    const sentAt = Date.now();
    await producer.publish(Topic.PaymentRequests, [good]);
    const outcome = await results.waitFor((result) => result.paymentId === good.paymentId);
    const tookMs = Date.now() - sentAt;

    expect(outcome).toMatchObject({ outcome: 'succeeded', attempts: 1 });
    expect(await pendingAmong(failing)).toBe(FAILING_PAYMENTS);
    expect(tookMs).toBeLessThan(5 * LATENCY_MS);
  });
});

describe('a payment service that crashes between attempts', () => {
  const MAX_ATTEMPTS = 3;
  let db: Pool;
  let config: AppConfig;
  let crashing: ServiceProcess;
  let resumed: INestApplicationContext | undefined;
  let producer: MessageProducer;
  let results: KafkaProbe<typeof Topic.PaymentEvents>;
  let deadLetters: KafkaProbe<typeof Topic.PaymentDlq>;

  beforeAll(async () => {
    db = testDb();
    config = testConfig({
      PAYMENT_LATENCY_MS: '50',
      PAYMENT_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      PAYMENT_RETRY_BASE_MS: '300',
      PAYMENT_RETRY_MAX_MS: '600',
    });
    results = await KafkaProbe.start(config, Topic.PaymentEvents);
    deadLetters = await KafkaProbe.start(config, Topic.PaymentDlq);
    crashing = new ServiceProcess({ services: ['payment'], config, groups: [kafkaIdOf(config, 'payment')] });
    await crashing.start();
    producer = new MessageProducer(config, 'payment-test');
  });

  afterAll(async () => {
    await crashing?.kill();
    await producer?.onApplicationShutdown();
    await resumed?.close();
    await results?.close();
    await deadLetters?.close();
    await db?.end();
  });

  /**
   * Catches the payment between two attempts (one recorded, none in flight)
   * and moves its next attempt out of reach, so it is still between them
   * when the process is killed. The attempts made so far; null while one is in flight.
   */
  async function parkBetweenAttempts(paymentId: string): Promise<number | null> {
    const { rows } = await db.query<{ attempts: number }>(
      `UPDATE payments SET next_attempt_at = now() + interval '1 hour'
        WHERE id = $1 AND status = 'pending' AND attempts >= 1 AND claimed_until IS NULL
        RETURNING attempts`,
      [paymentId],
    );
    return rows[0]?.attempts ?? null;
  }

  it('is taken up where it stopped: every attempt made once, one outcome, one dead letter', async () => {
    const [payer] = await buildUsers(db, config, 1, 'Payer');
    const request = await buildPaymentRequest(db, { userId: payer.id, card: '4000000000009995' });
    await producer.publish(Topic.PaymentRequests, [request]);
    const attemptsBeforeCrash = await eventually(
      () => parkBetweenAttempts(request.paymentId),
      (attempts) => attempts !== null,
    );
    await crashing.kill();

    resumed = await startPayment(config);
    const provider = resumed.get(SimulatedCardProvider);
    const calls = vi.spyOn(provider, 'execute');
    // The booking core's outbox may deliver a request more than once: each delivery brings the next attempt forward, none doubles it.
    await producer.publish(Topic.PaymentRequests, [request, request]);

    const outcome = await results.waitFor((result) => result.paymentId === request.paymentId);
    expect(outcome).toMatchObject({ outcome: 'failed', attempts: MAX_ATTEMPTS });
    const deadLetter = await deadLetters.waitFor((entry) => entry.request.paymentId === request.paymentId);
    expect(deadLetter).toMatchObject({ request, attempts: MAX_ATTEMPTS });
    expect(calls.mock.calls.filter(([called]) => called.paymentId === request.paymentId)).toHaveLength(MAX_ATTEMPTS - (attemptsBeforeCrash ?? 0));
    const { rows } = await db.query('SELECT status, attempts, next_attempt_at, claimed_until FROM payments WHERE id = $1', [request.paymentId]);
    expect(rows).toEqual([{ status: 'dead_lettered', attempts: MAX_ATTEMPTS, next_attempt_at: null, claimed_until: null }]);
  });
});

describe('a payment whose run the database cuts short', () => {
  const LATENCY_MS = 500;
  let db: Pool;
  let config: AppConfig;
  let payment: INestApplicationContext;
  let producer: MessageProducer;
  let results: KafkaProbe<typeof Topic.PaymentEvents>;

  beforeAll(async () => {
    db = testDb();
    config = testConfig({ PAYMENT_LATENCY_MS: String(LATENCY_MS) });
    results = await KafkaProbe.start(config, Topic.PaymentEvents);
    payment = await startPayment(config);
    producer = new MessageProducer(config, 'payment-test');
  });

  afterAll(async () => {
    await db?.query('ALTER TABLE payments DROP CONSTRAINT IF EXISTS refuse_settling');
    await producer?.onApplicationShutdown();
    await payment?.close();
    await results?.close();
    await db?.end();
  });

  const claimOf = async (paymentId: string) =>
    (await db.query<{ claimed_until: Date | null; attempts: number }>('SELECT claimed_until, attempts FROM payments WHERE id = $1', [paymentId])).rows[0];

  it('is given back and settled within seconds once the database takes writes again, not when its lease runs out', async () => {
    const [payer] = await buildUsers(db, config, 1, 'Payer');
    const request = await buildPaymentRequest(db, { userId: payer.id, card: '4242424242424242' });
    await producer.publish(Topic.PaymentRequests, [request]);
    // Claimed, its provider call under way: from now on the database refuses to record the outcome.
    await eventually(
      () => claimOf(request.paymentId),
      (row) => row?.claimed_until != null && row.attempts === 0,
    );
    await db.query(`ALTER TABLE payments ADD CONSTRAINT refuse_settling CHECK (status = 'pending') NOT VALID`);

    // The run fails on recording; its claim is handed back rather than kept for the lease (a minute and more).
    await eventually(
      () => claimOf(request.paymentId),
      (row) => row?.claimed_until === null,
      10_000,
    );
    await db.query('ALTER TABLE payments DROP CONSTRAINT refuse_settling');

    const outcome = await results.waitFor((result) => result.paymentId === request.paymentId, 10_000);
    expect(outcome).toMatchObject({ outcome: 'succeeded', attempts: 1 });
  });
});
