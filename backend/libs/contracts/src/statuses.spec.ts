import { describe, expect, it } from 'vitest';
import { eventStatusAt } from './statuses';

describe('an event status in force', () => {
  const opens = new Date('2026-12-01T10:00:00.000Z');

  it('is on sale from the on-sale time on, without anything flipping the stored status', () => {
    expect(eventStatusAt({ status: 'scheduled', onSaleAt: opens }, new Date('2026-12-01T09:59:59.999Z'))).toBe('scheduled');
    expect(eventStatusAt({ status: 'scheduled', onSaleAt: opens }, opens)).toBe('on_sale');
  });

  it('keeps every other status as stored, and a scheduled event without an on-sale time scheduled', () => {
    for (const status of ['on_sale', 'sold_out', 'cancelled', 'ended'] as const) expect(eventStatusAt({ status, onSaleAt: opens }, opens)).toBe(status);
    expect(eventStatusAt({ status: 'scheduled' }, opens)).toBe('scheduled');
  });
});
