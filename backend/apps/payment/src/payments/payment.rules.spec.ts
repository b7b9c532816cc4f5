import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  backoffCapMs,
  CARD_DECLINED,
  cardLast4Of,
  deadLetterDue,
  outcomeOf,
  retryDelayMs,
  simulatedResult,
  type RetryPolicy,
} from './payment.rules';

const policy: RetryPolicy = { maxAttempts: 4, baseMs: 200, maxMs: 5000, refundRetryMs: 60_000 };

describe('simulated card provider', () => {
  it('keeps only the last four digits of a test-card token', () => {
    expect(cardLast4Of('tok_test_4242')).toBe('4242');
    expect(cardLast4Of('tok_test_0002')).toBe('0002');
    expect(cardLast4Of('tok_success')).toBeNull();
  });

  it('charges 4242 (and any other card), declines 0002 and times out on 9995', () => {
    expect(simulatedResult('charge', '4242', 0.5, 0)).toEqual({ result: 'succeeded' });
    expect(simulatedResult('charge', '1881', 0.5, 0)).toEqual({ result: 'succeeded' });
    expect(simulatedResult('charge', '0002', 0.5, 0)).toEqual({ result: 'declined', error: CARD_DECLINED });
    expect(simulatedResult('charge', '9995', 0.5, 0)).toMatchObject({ result: 'unavailable' });
  });

  it('refunds to any card, even one that could not be charged', () => {
    for (const card of ['4242', '0002', '9995', null]) expect(simulatedResult('refund', card, 0.5, 0)).toEqual({ result: 'succeeded' });
  });

  it('fails transiently at the configured rate, charges and refunds alike', () => {
    expect(simulatedResult('charge', '4242', 0.19, 0.2)).toMatchObject({ result: 'unavailable' });
    expect(simulatedResult('refund', '4242', 0.19, 0.2)).toMatchObject({ result: 'unavailable' });
    expect(simulatedResult('charge', '4242', 0.2, 0.2)).toEqual({ result: 'succeeded' });
    expect(simulatedResult('charge', '4242', 0.999, 1)).toMatchObject({ result: 'unavailable' });
    expect(simulatedResult('charge', '4242', 0, 0)).toEqual({ result: 'succeeded' });
  });
});

describe('retry backoff', () => {
  it('doubles the longest wait with every retry until the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((retry) => backoffCapMs(retry, policy))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(backoffCapMs(2000, policy)).toBe(5000);
  });

  it('waits a uniformly jittered time within [0, cap]', () => {
    for (let retry = 1; retry <= 10; retry += 1) {
      const cap = backoffCapMs(retry, policy);
      expect(retryDelayMs(retry, policy, 0)).toBe(0);
      expect(retryDelayMs(retry, policy, 0.5)).toBe(Math.floor(cap / 2));
      expect(retryDelayMs(retry, policy, 0.999_999)).toBeLessThanOrEqual(cap);
      const delay = retryDelayMs(retry, policy, Math.random());
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(cap);
    }
  });
});

describe('payment progress', () => {
  const unavailable = { result: 'unavailable', error: 'timed out' } as const;

  it('settles on success or decline at the first attempt; a decline is never retried', () => {
    expect(afterAttempt('charge', 1, { result: 'succeeded' }, policy, 0.5)).toEqual({ status: 'succeeded', attempts: 1, lastError: null, retryInMs: null });
    expect(afterAttempt('charge', 1, { result: 'declined', error: CARD_DECLINED }, policy, 0.5)).toEqual({
      status: 'failed',
      attempts: 1,
      lastError: CARD_DECLINED,
      retryInMs: null,
    });
  });

  it('schedules the next attempt after a backoff while attempts remain, and dead-letters after the last', () => {
    expect([1, 2, 3].map((attempt) => afterAttempt('charge', attempt, unavailable, policy, 0.5))).toEqual([
      { status: 'pending', attempts: 1, lastError: 'timed out', retryInMs: 100 },
      { status: 'pending', attempts: 2, lastError: 'timed out', retryInMs: 200 },
      { status: 'pending', attempts: 3, lastError: 'timed out', retryInMs: 400 },
    ]);
    expect(afterAttempt('charge', 4, unavailable, policy, 0.5)).toEqual({ status: 'dead_lettered', attempts: 4, lastError: 'timed out', retryInMs: null });
    expect(afterAttempt('charge', 5, unavailable, policy, 0.5).status).toBe('dead_lettered');
    expect(afterAttempt('charge', 4, { result: 'succeeded' }, policy, 0.5).status).toBe('succeeded');
  });

  it('never gives a refund up: after its quick attempts it goes on at the refund schedule', () => {
    expect(afterAttempt('refund', 3, unavailable, policy, 0.5)).toEqual({ status: 'pending', attempts: 3, lastError: 'timed out', retryInMs: 400 });
    for (const attempt of [4, 5, 50]) {
      expect(afterAttempt('refund', attempt, unavailable, policy, 0.5)).toEqual({
        status: 'pending',
        attempts: attempt,
        lastError: 'timed out',
        retryInMs: 60_000,
      });
    }
    expect(afterAttempt('refund', 9, { result: 'succeeded' }, policy, 0.5).status).toBe('succeeded');
  });

  it('sends a dead letter once: for a charge given up, and for a refund out of its quick attempts', () => {
    const charge = { kind: 'charge', attempts: 4, deadLetteredAt: null } as const;
    expect(deadLetterDue({ ...charge, status: 'dead_lettered' }, 4)).toBe(true);
    expect(deadLetterDue({ ...charge, status: 'dead_lettered', deadLetteredAt: new Date() }, 4)).toBe(false);
    for (const status of ['pending', 'succeeded', 'failed'] as const) expect(deadLetterDue({ ...charge, status }, 4)).toBe(false);

    const refund = { kind: 'refund', status: 'pending', deadLetteredAt: null } as const;
    expect(deadLetterDue({ ...refund, attempts: 3 }, 4)).toBe(false);
    expect(deadLetterDue({ ...refund, attempts: 4 }, 4)).toBe(true);
    expect(deadLetterDue({ ...refund, attempts: 5, deadLetteredAt: new Date() }, 4)).toBe(false);
    expect(deadLetterDue({ ...refund, status: 'succeeded', attempts: 5 }, 4)).toBe(false);
  });

  it('answers a settled payment with a reason a person understands and a code a client switches on', () => {
    expect(outcomeOf('charge', { status: 'succeeded', lastError: null })).toEqual({ outcome: 'succeeded' });
    expect(outcomeOf('charge', { status: 'failed', lastError: CARD_DECLINED })).toEqual({
      outcome: 'failed',
      reason: 'Card declined',
      failureCode: 'PAYMENT_DECLINED',
    });
    expect(outcomeOf('charge', { status: 'dead_lettered', lastError: 'timed out' })).toEqual({
      outcome: 'failed',
      reason: 'The payment provider is unavailable; no charge was made.',
      failureCode: 'PAYMENT_PROVIDER_UNAVAILABLE',
    });
    expect(outcomeOf('refund', { status: 'dead_lettered', lastError: 'timed out' }).reason).toBe(
      'The payment provider is unavailable; the refund was not made.',
    );
  });
});
