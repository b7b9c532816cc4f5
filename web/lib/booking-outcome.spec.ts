import { describe, expect, it } from 'vitest';
import { BOOKING_STATUSES } from '@seatstorm/contracts';
import { outcomeOf } from './booking-outcome';

describe('outcomeOf', () => {
  it('tells paid then confirmed apart, ending with "You\'re going!"', () => {
    expect(outcomeOf({ status: 'paid', reason: null, failureCode: null }, false, false).kind).toBe('confirming');
    expect(outcomeOf({ status: 'confirmed', reason: null, failureCode: null }, false, false)).toMatchObject({
      kind: 'confirmed',
      tone: 'success',
      title: "You're going!",
    });
  });

  it('names a declined card, and a provider that never answered, from the failure code, whatever the words', () => {
    expect(outcomeOf({ status: 'payment_failed', reason: 'Insufficient funds', failureCode: 'PAYMENT_DECLINED' }, false, false)).toMatchObject({
      kind: 'declined',
      title: 'Card declined',
    });
    expect(
      outcomeOf(
        { status: 'payment_failed', reason: 'Declined by the provider’s fraud check timeout', failureCode: 'PAYMENT_PROVIDER_UNAVAILABLE' },
        false,
        false,
      ).kind,
    ).toBe('provider-unavailable');
  });

  it('says the hold expired when the clock ran out, before the expiry arrives', () => {
    expect(outcomeOf({ status: 'reserved', reason: null, failureCode: null }, false, true)).toMatchObject({
      kind: 'expired',
      title: 'Your hold expired — the seats are released',
    });
    expect(outcomeOf({ status: 'expired', reason: null, failureCode: null }, false, false).kind).toBe('expired');
  });

  it('shows progress while a payment is under way', () => {
    expect(outcomeOf({ status: 'reserved', reason: null, failureCode: null }, true, false).kind).toBe('processing');
    expect(outcomeOf({ status: 'reserved', reason: null, failureCode: null }, false, false).kind).toBe('awaiting-payment');
  });

  it('has a sentence for every status, never the bare status string', () => {
    for (const status of BOOKING_STATUSES) {
      const outcome = outcomeOf({ status, reason: null, failureCode: null }, false, false);
      expect(outcome.title.toLowerCase()).not.toBe(status);
      expect(outcome.title).not.toContain('_');
      expect(outcome.message.length).toBeGreaterThan(10);
    }
  });
});
