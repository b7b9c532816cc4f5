import type { EventAnalytics } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { analyticsCsvFilename, analyticsCsvOf } from './analytics-csv';

const analytics: EventAnalytics = {
  eventId: 'evt_eras',
  seatsTotal: 100,
  seatsLeft: 93,
  salesPerMinute: [
    { minute: '2026-12-07T14:01:00.000Z', seats: 2, cents: 45000 },
    { minute: '2026-12-07T14:02:00.000Z', seats: 0, cents: 0 },
    { minute: '2026-12-07T14:03:00.000Z', seats: 3, cents: 45000 },
  ],
  revenueByTier: [
    { tier: 'VIP', seats: 2, cents: 45000 },
    { tier: 'Regular, rear', seats: 3, cents: 45000 },
  ],
  holds: 4,
  paid: 2,
  conversion: 0.5,
  abandoned: 1,
  paymentFailed: 1,
  refunded: 0,
  projectedSellOutAt: null,
  updatedAt: '2026-12-07T14:03:30.000Z',
};

describe('the sales CSV', () => {
  it('lists each minute, their total, then the event’s figures and each tier’s revenue', () => {
    const lines = analyticsCsvOf(analytics).split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'minute,seats,cents',
      '2026-12-07T14:01:00.000Z,2,45000',
      '2026-12-07T14:02:00.000Z,0,0',
      '2026-12-07T14:03:00.000Z,3,45000',
      'total,5,90000',
      '',
    ]);
    expect(lines).toContain('conversion,0.5');
    expect(lines).toContain('projected_sell_out_at,');
    expect(lines).toContain('revenue_cents:VIP,45000');
    expect(lines).toContain('"seats_sold:Regular, rear",3');
    expect(lines.at(-1)).toBe('');
  });

  it('names the file after the event and the minute it was read', () => {
    expect(analyticsCsvFilename(analytics)).toBe('sales-evt_eras-20261207T1403.csv');
  });
});
