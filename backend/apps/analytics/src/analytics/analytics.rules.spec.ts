import type { BookingStatus } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import {
  analyticsOf,
  countBatch,
  flagsAfter,
  minuteOf,
  minutesSpan,
  minuteSeries,
  NOTHING_COUNTED,
  projectedSellOutAt,
  type BookingStep,
  type CountedFlags,
  type SoldSeat,
} from './analytics.rules';

const step = (bookingId: string, status: BookingStatus, occurredAt = '2026-12-07T14:01:30.000Z', seats = 2, cents = 45_000): BookingStep => ({
  bookingId,
  eventId: 'evt_a',
  status,
  seats,
  cents,
  occurredAt,
});

const VIP_PAIR: SoldSeat[] = [
  { tier: 'VIP', cents: 22_500 },
  { tier: 'VIP', cents: 22_500 },
];
const noPrior = new Map<string, CountedFlags>();

describe('counting booking steps', () => {
  it('counts a hold, then its sale in the minute it was paid, with its seats’ tiers', () => {
    const count = countBatch(
      noPrior,
      [step('b1', 'reserved'), step('b1', 'paid', '2026-12-07T14:02:10.000Z'), step('b1', 'confirmed')],
      new Map([['b1', VIP_PAIR]]),
    );

    expect(count.totals).toEqual([{ eventId: 'evt_a', holds: 1, paid: 1, abandoned: 0, paymentFailed: 0, refunded: 0 }]);
    expect(count.minutes).toEqual([{ eventId: 'evt_a', minute: '2026-12-07T14:02:00.000Z', seats: 2, cents: 45_000 }]);
    expect(count.tiers).toEqual([{ eventId: 'evt_a', tier: 'VIP', seats: 2, cents: 45_000 }]);
    expect(count.bookings).toEqual([{ bookingId: 'b1', eventId: 'evt_a', flags: { ...NOTHING_COUNTED, held: true, sold: true } }]);
  });

  it('counts nothing twice: the same steps again, after they were stored, add nothing', () => {
    const steps = [step('b1', 'reserved'), step('b1', 'paid'), step('b2', 'reserved'), step('b2', 'expired')];
    const first = countBatch(noPrior, steps, new Map([['b1', VIP_PAIR]]));
    const stored = new Map(first.bookings.map((b) => [b.bookingId, b.flags]));

    const again = countBatch(stored, steps, new Map([['b1', VIP_PAIR]]));

    expect(again).toEqual({ bookings: [], totals: [], minutes: [], tiers: [] });
  });

  it('counts a step that arrives late (reserved after confirmed) as nothing new', () => {
    const prior = new Map([['b1', flagsAfter(flagsAfter(NOTHING_COUNTED, 'reserved'), 'confirmed')]]);
    expect(countBatch(prior, [step('b1', 'reserved'), step('b1', 'paid')], new Map([['b1', VIP_PAIR]])).totals).toEqual([]);
  });

  it('counts an expired or cancelled hold as abandoned, and a failed payment apart', () => {
    const count = countBatch(
      noPrior,
      [step('b1', 'reserved'), step('b1', 'expired'), step('b2', 'reserved'), step('b2', 'cancelled'), step('b3', 'reserved'), step('b3', 'payment_failed')],
      new Map(),
    );
    expect(count.totals).toEqual([{ eventId: 'evt_a', holds: 3, paid: 0, abandoned: 2, paymentFailed: 1, refunded: 0 }]);
    expect(count.minutes).toEqual([]);
  });

  it('counts a hold whose `reserved` it never saw, from a later step', () => {
    const count = countBatch(noPrior, [step('b1', 'confirmed')], new Map([['b1', VIP_PAIR]]));
    expect(count.totals[0]).toMatchObject({ holds: 1, paid: 1 });
  });

  it('takes a refunded sale out of its tiers, but not out of the minute it sold in', () => {
    const prior = new Map([['b1', { ...NOTHING_COUNTED, held: true, sold: true }]]);
    const count = countBatch(prior, [step('b1', 'refunded')], new Map([['b1', VIP_PAIR]]));
    expect(count.totals).toEqual([{ eventId: 'evt_a', holds: 0, paid: 0, abandoned: 0, paymentFailed: 0, refunded: 1 }]);
    expect(count.tiers).toEqual([{ eventId: 'evt_a', tier: 'VIP', seats: -2, cents: -45_000 }]);
    expect(count.minutes).toEqual([]);
  });

  it('leaves a late charge refunded after its hold expired abandoned, never sold', () => {
    const prior = new Map([['b1', flagsAfter(flagsAfter(NOTHING_COUNTED, 'reserved'), 'expired')]]);
    const count = countBatch(prior, [step('b1', 'refunded')], new Map([['b1', VIP_PAIR]]));
    expect(count.totals).toEqual([]);
    expect(count.tiers).toEqual([]);
  });

  it('counts nothing for a rejected hold', () => {
    expect(countBatch(noPrior, [step('b1', 'rejected')], new Map()).totals).toEqual([]);
  });

  it('adds up the sales of one minute and keeps minutes apart', () => {
    const count = countBatch(
      noPrior,
      [
        step('b1', 'paid', '2026-12-07T14:01:05.000Z', 1, 15_000),
        step('b2', 'paid', '2026-12-07T14:01:59.999Z', 3, 45_000),
        step('b3', 'paid', '2026-12-07T14:02:00.000Z', 1, 15_000),
      ],
      new Map(),
    );
    expect(count.minutes).toEqual([
      { eventId: 'evt_a', minute: '2026-12-07T14:01:00.000Z', seats: 4, cents: 60_000 },
      { eventId: 'evt_a', minute: '2026-12-07T14:02:00.000Z', seats: 1, cents: 15_000 },
    ]);
  });
});

describe('the figures an admin reads', () => {
  const now = new Date('2026-12-07T14:10:20.000Z');

  it('covers the last hour, minute by minute, the current minute last', () => {
    const span = minutesSpan('recent', now, null);
    expect(span).toEqual({ from: '2026-12-07T13:11:00.000Z', to: '2026-12-07T14:10:00.000Z' });
    const series = minuteSeries([{ minute: '2026-12-07T14:09:00.000Z', seats: 2, cents: 100 }], span.from, span.to);
    expect(series).toHaveLength(60);
    expect(series.at(-2)).toEqual({ minute: '2026-12-07T14:09:00.000Z', seats: 2, cents: 100 });
    expect(series.at(-1)).toEqual({ minute: '2026-12-07T14:10:00.000Z', seats: 0, cents: 0 });
  });

  it('for the CSV, goes back to the first sale, at most a week', () => {
    expect(minutesSpan('all', now, '2026-12-07T10:00:30.000Z').from).toBe('2026-12-07T10:00:00.000Z');
    expect(minutesSpan('all', now, '2026-11-01T10:00:00.000Z').from).toBe('2026-11-30T14:11:00.000Z');
    expect(minutesSpan('all', now, '2026-12-07T14:05:00.000Z').from).toBe('2026-12-07T13:11:00.000Z');
  });

  it('projects the sell-out from the last five minutes’ rate', () => {
    const series = [0, 0, 4, 3, 3].map((seats, i) => ({ minute: `2026-12-07T14:0${6 + i}:00.000Z`, seats, cents: 0 }));
    // 10 seats in 5 minutes: 2 a minute; 30 seats left: 15 minutes from now.
    expect(projectedSellOutAt(30, series, now)).toBe('2026-12-07T14:25:20.000Z');
  });

  it('projects no sell-out when nothing sold lately, or nothing is left', () => {
    const idle = [0, 0, 0, 0, 0].map((seats, i) => ({ minute: `2026-12-07T14:0${6 + i}:00.000Z`, seats, cents: 0 }));
    expect(projectedSellOutAt(30, idle, now)).toBeNull();
    expect(projectedSellOutAt(0, [{ minute: '2026-12-07T14:10:00.000Z', seats: 5, cents: 0 }], now)).toBeNull();
  });

  it('answers conversion as paid over holds, null before the first hold', () => {
    const figures = { eventId: 'evt_a', seatsTotal: 10, seatsLeft: 6, minutes: [], tiers: [] };
    const span = minutesSpan('recent', now, null);
    expect(analyticsOf({ ...figures, totals: { holds: 4, paid: 1, abandoned: 2, paymentFailed: 1, refunded: 0 } }, span, now).conversion).toBe(0.25);
    expect(analyticsOf({ ...figures, totals: { holds: 0, paid: 0, abandoned: 0, paymentFailed: 0, refunded: 0 } }, span, now).conversion).toBeNull();
  });

  it('starts a minute at its first millisecond, UTC', () => {
    expect(minuteOf('2026-12-07T15:01:59.999+01:00')).toBe('2026-12-07T14:01:00.000Z');
  });
});
