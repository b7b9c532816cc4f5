import type { HoldPolicy } from '../../apps/booking/src/bookings/booking.rules';

const MINUTE = 60_000;

/**
 * The booking core's policy for its pure rule tests: a hold lives 10 minutes; paying extends it to now + 5 minutes,
 * never beyond 12 minutes after it was made; one booking claims at most 4 seats, one account has at most 6 live seats;
 * companion seats go on general sale 48 hours before the event; a hold may be extended twice by a minute; a waiting
 * list's offer is held 3 minutes. A test states only what it changes.
 */
export function holdPolicy(overrides: Partial<HoldPolicy> = {}): HoldPolicy {
  return {
    holdTtlMs: 10 * MINUTE,
    paymentExtensionMs: 5 * MINUTE,
    maxHoldLifetimeMs: 12 * MINUTE,
    paymentResultWaitMs: 10 * MINUTE,
    maxSeatsPerBooking: 4,
    maxSeatsPerBuyer: 6,
    companionReleaseMs: 48 * 60 * MINUTE,
    holdExtensions: 2,
    holdExtensionMs: MINUTE,
    waitingListClaimMs: 3 * MINUTE,
    ...overrides,
  };
}
