import { TEST_CARDS, type PaymentFailureCode, type PaymentKind, type PaymentOutcome, type PaymentStatus } from '@seatstorm/contracts';

/**
 * The simulated card provider's test cards and the retry policy, as pure
 * functions: no clock, no randomness of their own (a roll in [0, 1) is passed
 * in), no database. The payment service loads, calls and saves.
 */

/**
 * How one call to the card provider went (the `result` label of
 * seatstorm_payment_attempts_total); not the payment's outcome, which is
 * announced once it settles, perhaps after several calls.
 */
export type ProviderResult =
  | { result: 'succeeded' }
  /** Permanent: asking again gets the same answer, so it is never retried. */
  | { result: 'declined'; error: string }
  /** Transient: the provider or the card's issuer did not answer; worth retrying. */
  | { result: 'unavailable'; error: string };

// The test cards (TEST_CARDS, docs/architecture.md §6), by their last four digits.
export const DECLINED_CARD_LAST4 = TEST_CARDS.declined.slice(-4);
export const UNAVAILABLE_CARD_LAST4 = TEST_CARDS.providerFails.slice(-4);

// The reasons travel to the booking (its `reason`) and from there to the person paying.
export const CARD_DECLINED = 'Card declined';
const PROVIDER_UNAVAILABLE: Record<PaymentKind, string> = {
  charge: 'The payment provider is unavailable; no charge was made.',
  refund: 'The payment provider is unavailable; the refund was not made.',
};

/**
 * The last four digits of the card behind a simulated token (`tok_test_4242`):
 * all the payment service ever keeps of a card. Null for a token without them.
 */
export function cardLast4Of(cardToken: string): string | null {
  return /(\d{4})$/.exec(cardToken)?.[1] ?? null;
}

/**
 * What the simulated provider answers: a random transient failure when `roll`
 * falls under `failureRate` (chaos tests), else by the test card. Refunds go
 * back to a card that was charged before, so only the failure rate fails them.
 */
export function simulatedResult(kind: PaymentKind, cardLast4: string | null, roll: number, failureRate: number): ProviderResult {
  if (roll < failureRate) return { result: 'unavailable', error: 'The payment provider did not answer (simulated failure)' };
  if (kind === 'refund') return { result: 'succeeded' };
  if (cardLast4 === DECLINED_CARD_LAST4) return { result: 'declined', error: CARD_DECLINED };
  if (cardLast4 === UNAVAILABLE_CARD_LAST4) return { result: 'unavailable', error: `The card's issuer timed out (test card ${UNAVAILABLE_CARD_LAST4})` };
  return { result: 'succeeded' };
}

export interface RetryPolicy {
  /** Provider calls per payment, the first one included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  /** How often a refund out of its quick attempts is tried again. */
  refundRetryMs: number;
}

/** The longest wait before retry number `retry` (1 is the first retry): base × 2^(retry − 1), capped at max. */
export function backoffCapMs(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
}

/**
 * Full jitter: a uniform wait in [0, cap). Payments that failed together (a
 * provider outage) then retry spread out instead of all at once.
 */
export function retryDelayMs(retry: number, policy: RetryPolicy, roll: number): number {
  return Math.floor(roll * backoffCapMs(retry, policy));
}

export interface PaymentProgress {
  status: PaymentStatus;
  attempts: number;
  lastError: string | null;
  /** How long until the next provider call; null once settled. */
  retryInMs: number | null;
}

/**
 * Where a payment stands after its `attempt`-th provider call: settled on
 * success or decline; still pending after a transient failure while quick
 * attempts remain, with the next one after a jittered backoff (`roll` in
 * [0, 1)). After the last quick attempt a charge is dead-lettered (its hold
 * cannot wait longer), but a refund is never given up: the customer paid and
 * has no seats, so it goes on at the slower refund schedule.
 */
export function afterAttempt(kind: PaymentKind, attempt: number, call: ProviderResult, policy: RetryPolicy, roll: number): PaymentProgress {
  switch (call.result) {
    case 'succeeded':
      return { status: 'succeeded', attempts: attempt, lastError: null, retryInMs: null };
    case 'declined':
      return { status: 'failed', attempts: attempt, lastError: call.error, retryInMs: null };
    case 'unavailable': {
      const pending = { status: 'pending', attempts: attempt, lastError: call.error } as const;
      if (attempt < policy.maxAttempts) return { ...pending, retryInMs: retryDelayMs(attempt, policy, roll) };
      return kind === 'refund' ? { ...pending, retryInMs: policy.refundRetryMs } : { ...pending, status: 'dead_lettered', retryInMs: null };
    }
  }
}

/**
 * Whether a payment's dead letter is due: no dead letter has gone out for it
 * yet, and it was given up (a charge), or is a refund out of its quick
 * attempts, which an operator must see while it goes on being retried.
 */
export function deadLetterDue(
  payment: { kind: PaymentKind; status: PaymentStatus; attempts: number; deadLetteredAt: Date | null },
  maxAttempts: number,
): boolean {
  if (payment.deadLetteredAt !== null) return false;
  return payment.status === 'dead_lettered' || (payment.kind === 'refund' && payment.status === 'pending' && payment.attempts >= maxAttempts);
}

export type SettledStatus = Exclude<PaymentStatus, 'pending'>;

/**
 * What a settled payment tells the booking service. It depends only on the
 * stored payment, so a redelivered request is answered exactly as the first.
 */
export function outcomeOf(
  kind: PaymentKind,
  payment: { status: SettledStatus; lastError: string | null },
): { outcome: PaymentOutcome; reason?: string; failureCode?: PaymentFailureCode } {
  switch (payment.status) {
    case 'succeeded':
      return { outcome: 'succeeded' };
    case 'failed':
      return { outcome: 'failed', reason: payment.lastError ?? CARD_DECLINED, failureCode: 'PAYMENT_DECLINED' };
    case 'dead_lettered':
      return { outcome: 'failed', reason: PROVIDER_UNAVAILABLE[kind], failureCode: 'PAYMENT_PROVIDER_UNAVAILABLE' };
  }
}
