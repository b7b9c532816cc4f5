import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
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
import { TEST_DATABASE_URL, testConfig } from '../../../../test/test-env';
import { startPayment } from '../main';
import { runDlq } from './dead-letters.cli';
import { DeadLettersService } from './dead-letters.service';

const MAX_ATTEMPTS = 2;
const FLAKY = '4000000000009995';
const DLQ_SCRIPT = resolve(__dirname, '../../../../scripts/dlq.sh');

describe('dead letters: kept, counted, listed, shown and replayed', () => {
  let db: Pool;
  let config: AppConfig;
  let payment: INestApplicationContext | undefined;
  let producer: MessageProducer;
  let results: KafkaProbe<typeof Topic.PaymentEvents>;
  let userId: string;

  beforeAll(async () => {
    db = testDb();
    config = testConfig({
      PAYMENT_LATENCY_MS: '5',
      PAYMENT_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      PAYMENT_RETRY_BASE_MS: '10',
      PAYMENT_RETRY_MAX_MS: '20',
      // Only a replay brings a delayed refund's next attempt this close.
      PAYMENT_REFUND_RETRY_MS: String(60 * 60 * 1000),
    });
    [{ id: userId }] = await buildUsers(db, config, 1, 'Payer');
    results = await KafkaProbe.start(config, Topic.PaymentEvents);
    producer = new MessageProducer(config, 'payment-test');
  });

  afterAll(async () => {
    await payment?.close();
    await producer?.onApplicationShutdown();
    await results?.close();
    await db?.end();
  });

  /** The payment service, with its provider failing every call or only on the 9995 card. */
  async function startPaymentService(failureRate: number): Promise<DeadLettersService> {
    await payment?.close();
    payment = await startPayment({ ...config, PAYMENT_FAILURE_RATE: failureRate });
    return payment.get(DeadLettersService);
  }

  async function dlq(deadLetters: DeadLettersService, ...args: string[]): Promise<{ code: number; output: string }> {
    const lines: string[] = [];
    const code = await runDlq(args, deadLetters, (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  }

  async function deadLetterOf(paymentId: string) {
    const { rows } = await db.query('SELECT payment_id, kind, attempts, error, replays, resolved_at FROM dead_letters WHERE payment_id = $1', [paymentId]);
    return rows[0];
  }

  const recorded = (request: PaymentRequest) =>
    eventually(
      () => deadLetterOf(request.paymentId),
      (row) => row !== undefined,
    );

  /** The gauge as a scrape reads it, and the open dead letters as the table has them. */
  async function openCounts(): Promise<{ gauge: number | undefined; table: number }> {
    const metric = await metricsRegistry.getSingleMetric('seatstorm_payment_dead_letters_open')?.get();
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM dead_letters WHERE resolved_at IS NULL');
    return { gauge: metric?.values[0]?.value, table: rows[0]?.count ?? 0 };
  }

  const paymentOf = async (paymentId: string) =>
    (await db.query('SELECT status, attempts FROM payments WHERE id = $1', [paymentId])).rows[0] as { status: string; attempts: number };

  it('keeps a charge given up and a refund out of its quick retries, and counts them open', async () => {
    const deadLetters = await startPaymentService(1);
    const before = await openCounts();
    const charge = await buildPaymentRequest(db, { userId, card: FLAKY });
    const refund = await buildPaymentRequest(db, { userId, card: '4242424242424242', kind: 'refund' });
    await producer.publish(Topic.PaymentRequests, [charge, refund]);

    expect(await recorded(charge)).toMatchObject({
      kind: 'charge',
      attempts: MAX_ATTEMPTS,
      error: expect.stringContaining('did not answer'),
      resolved_at: null,
    });
    expect(await recorded(refund)).toMatchObject({ kind: 'refund', attempts: MAX_ATTEMPTS, resolved_at: null });
    expect(await openCounts()).toEqual({ gauge: before.table + 2, table: before.table + 2 });

    const listed = await dlq(deadLetters, 'list');
    expect(listed.code).toBe(0);
    expect(listed.output).toMatch(
      new RegExp(`^${charge.paymentId}  charge  ${charge.bookingId}  .*  payment dead_lettered  0 replays  open  The payment provider did not answer`, 'm'),
    );
    expect(listed.output).toMatch(new RegExp(`^${refund.paymentId}  refund  .*  payment pending  0 replays  open  `, 'm'));

    const shown = await dlq(deadLetters, 'show', charge.paymentId);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.output)).toMatchObject({ paymentId: charge.paymentId, request: charge, attempts: MAX_ATTEMPTS, paymentStatus: 'dead_lettered' });
    expect(await dlq(deadLetters, 'show', 'pay_nonexistent')).toEqual({ code: 1, output: 'no dead letter for payment pay_nonexistent' });
    expect((await dlq(deadLetters, 'replay')).code).toBe(2);
  });

  it('replays a refund: attempted at once, refunded, resolved; a charge: answered again, never charged twice', async () => {
    await startPaymentService(1);
    const charge = await buildPaymentRequest(db, { userId, card: FLAKY });
    const refund = await buildPaymentRequest(db, { userId, card: '4242424242424242', kind: 'refund' });
    await producer.publish(Topic.PaymentRequests, [charge, refund]);
    await recorded(charge);
    await recorded(refund);
    const firstAnswer = await results.waitFor((result) => result.paymentId === charge.paymentId);

    // The provider is back. Without a replay the refund would wait an hour for its next attempt.
    const deadLetters = await startPaymentService(0);
    const replayedRefund = await dlq(deadLetters, 'replay', refund.paymentId);
    expect(replayedRefund).toEqual({
      code: 0,
      output: `replayed ${refund.paymentId} (refund, payment pending): its next attempt is due now; the dead letter stays open until the payment goes through`,
    });
    const refunded = await results.waitFor((result) => result.paymentId === refund.paymentId);
    expect(refunded).toMatchObject({ kind: 'refund', outcome: 'succeeded', attempts: MAX_ATTEMPTS + 1 });
    expect(
      await eventually(
        () => deadLetterOf(refund.paymentId),
        (row) => row?.resolved_at !== null,
      ),
    ).toMatchObject({ replays: 1 });

    const replayedCharge = await dlq(deadLetters, 'replay', charge.paymentId);
    expect(replayedCharge.output).toBe(
      `replayed ${charge.paymentId} (charge, payment dead_lettered): its outcome is announced again, nothing is charged twice; resolved`,
    );
    const answers = await results.waitForCount((result) => result.paymentId === charge.paymentId, 2);
    expect(answers[1]).toEqual(firstAnswer);
    expect(await paymentOf(charge.paymentId)).toEqual({ status: 'dead_lettered', attempts: MAX_ATTEMPTS });
    expect(await deadLetterOf(charge.paymentId)).toMatchObject({ replays: 1, resolved_at: expect.any(Date) });
    const counts = await openCounts();
    expect(counts.gauge).toBe(counts.table);
  });

  it('replays every open dead letter with --all, and answers through npm run dlq', async () => {
    await startPaymentService(1);
    const charges = [await buildPaymentRequest(db, { userId, card: FLAKY }), await buildPaymentRequest(db, { userId, card: FLAKY })];
    await producer.publish(Topic.PaymentRequests, charges);
    for (const charge of charges) await recorded(charge);

    const env = { ...process.env, DATABASE_URL: TEST_DATABASE_URL, KAFKA_CLIENT_ID: config.KAFKA_CLIENT_ID, LOG_LEVEL: 'silent' };
    const replayed = await promisify(execFile)('bash', [DLQ_SCRIPT, 'replay', '--all'], { env });
    for (const charge of charges) expect(replayed.stdout).toContain(`replayed ${charge.paymentId} (charge, payment dead_lettered)`);
    for (const charge of charges) expect(await deadLetterOf(charge.paymentId)).toMatchObject({ replays: 1, resolved_at: expect.any(Date) });
    expect((await results.waitForCount((result) => result.paymentId === charges[1]!.paymentId, 2))[1]).toMatchObject({ outcome: 'failed' });
  });
});
