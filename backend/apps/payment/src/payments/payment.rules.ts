import type { PaymentRequest } from '@seatstorm/contracts';

/**
 * The simulated card provider's test cards and the retry policy, as pure
 * functions: no clock, no randomness of their own (a roll in [0, 1) is passed
 * in), no database. The payment service loads, calls and saves.
 */

type PaymentKind = PaymentRequest['kind'];
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'dead_lettered';

/** One answer of the card provider. */
export type ProviderResult =
  | { outcome: 'succeeded' }
  /** Permanent: asking again gets the same answer, so it is never retried. */
  | { outcome: 'declined'; error: string }
  /** Transient: the provider or the card's issuer did not answer; worth retrying. */
  | { outcome: 'unavailable'; error: string };

// WARNING: the test cards of docs/architecture.md §6, by their last four digits.
export const DECLINED_CARD_LAST4 = '0002';
export const UNAVAILABLE_CARD_LAST4 = '9995';

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
export function simulatedOutcome(kind: PaymentKind, cardLast4: string | null, roll: number, failureRate: number): ProviderResult {
  if (roll < failureRate) return { outcome: 'unavailable', error: 'The payment provider did not answer (simulated failure)' };
  if (kind === 'refund') return { outcome: 'succeeded' };
  if (cardLast4 === DECLINED_CARD_LAST4) return { outcome: 'declined', error: CARD_DECLINED };
  if (cardLast4 === UNAVAILABLE_CARD_LAST4) return { outcome: 'unavailable', error: `The card's issuer timed out (test card ${UNAVAILABLE_CARD_LAST4})` };
  return { outcome: 'succeeded' };
}

export interface RetryPolicy {
  /** Provider calls per payment, the first one included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
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
}

/**
 * Where a payment stands after its `attempt`-th provider call: settled on
 * success or decline; still pending after a transient failure while attempts
 * remain, dead-lettered after the last one.
 */
export function afterAttempt(attempt: number, result: ProviderResult, maxAttempts: number): PaymentProgress {
  switch (result.outcome) {
    case 'succeeded':
      return { status: 'succeeded', attempts: attempt, lastError: null };
    case 'declined':
      return { status: 'failed', attempts: attempt, lastError: result.error };
    case 'unavailable':
      return { status: attempt >= maxAttempts ? 'dead_lettered' : 'pending', attempts: attempt, lastError: result.error };
  }
}

export type SettledStatus = Exclude<PaymentStatus, 'pending'>;

/**
 * What a settled payment tells the booking service. It depends only on the
 * stored payment, so a redelivered request is answered exactly as the first.
 */
export function outcomeOf(
  kind: PaymentKind,
  payment: { status: SettledStatus; lastError: string | null },
): { outcome: 'succeeded' | 'failed'; reason?: string } {
  switch (payment.status) {
    case 'succeeded':
      return { outcome: 'succeeded' };
    case 'failed':
      return { outcome: 'failed', reason: payment.lastError ?? CARD_DECLINED };
    case 'dead_lettered':
      return { outcome: 'failed', reason: PROVIDER_UNAVAILABLE[kind] };
  }
}
