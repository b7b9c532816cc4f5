import { describe, expect, it } from 'vitest';
import {
  availabilityLevel,
  dateParts,
  describeAvailability,
  formatClockMinute,
  formatClockTime,
  formatEventDate,
  formatMoney,
  formatPriceRange,
  seatsLeftLabel,
} from './format';

describe('formatMoney', () => {
  it('shows whole dollars without cents', () => {
    expect(formatMoney(15000)).toBe('$150');
    expect(formatMoney(0)).toBe('$0');
  });

  it('shows cents when there are any', () => {
    expect(formatMoney(4550)).toBe('$45.50');
    expect(formatMoney(1)).toBe('$0.01');
  });

  it('groups thousands', () => {
    expect(formatMoney(123456)).toBe('$1,234.56');
    expect(formatMoney(1_000_000_00)).toBe('$1,000,000');
  });
});

describe('formatPriceRange', () => {
  it('joins the cheapest and dearest seat with an en dash', () => {
    expect(formatPriceRange(15000, 22500)).toBe('$150 – $225');
  });

  it('shows one price when every seat costs the same', () => {
    expect(formatPriceRange(12000, 12000)).toBe('$120');
  });

  it('mixes whole and fractional amounts', () => {
    expect(formatPriceRange(4550, 9000)).toBe('$45.50 – $90');
  });
});

describe('formatEventDate', () => {
  it('reads an instant on the UTC clock by default', () => {
    expect(formatEventDate('2027-06-12T19:30:00.000Z')).toBe('Sat, 12 Jun 2027 · 19:30');
  });

  it('uses a 24-hour clock with two-digit hours, midnight as 00', () => {
    expect(formatEventDate('2027-01-03T00:05:00Z')).toBe('Sun, 3 Jan 2027 · 00:05');
    expect(formatEventDate('2027-01-03T09:00:00Z')).toBe('Sun, 3 Jan 2027 · 09:00');
  });

  it('honours the offset of the ISO string', () => {
    expect(formatEventDate('2027-06-12T21:30:00+02:00')).toBe('Sat, 12 Jun 2027 · 19:30');
  });

  it('reads the wall clock of another time zone, across midnight', () => {
    expect(formatEventDate('2027-06-13T01:30:00Z', 'America/New_York')).toBe('Sat, 12 Jun 2027 · 21:30');
  });

  it('exposes the parts for a calendar badge', () => {
    expect(dateParts('2027-09-04T18:00:00Z')).toEqual({
      weekday: 'Sat',
      day: '4',
      month: 'Sep',
      year: '2027',
      time: '18:00',
    });
  });
});

describe('seatsLeftLabel', () => {
  it('says sold out when nothing is left', () => {
    expect(seatsLeftLabel(0)).toBe('Sold out');
  });

  it('uses the singular for one seat', () => {
    expect(seatsLeftLabel(1)).toBe('1 seat left');
  });

  it('uses the plural and groups thousands', () => {
    expect(seatsLeftLabel(2)).toBe('2 seats left');
    expect(seatsLeftLabel(50000)).toBe('50,000 seats left');
  });
});

describe('availabilityLevel', () => {
  it('is sold out at zero', () => {
    expect(availabilityLevel(0, 100)).toBe('sold-out');
  });

  it('is low at ten seats or fewer in a small house', () => {
    expect(availabilityLevel(10, 50)).toBe('low');
    expect(availabilityLevel(11, 50)).toBe('plenty');
  });

  it('is low at a tenth of a large house', () => {
    expect(availabilityLevel(5000, 50000)).toBe('low');
    expect(availabilityLevel(5001, 50000)).toBe('plenty');
  });

  it('is plenty when the house is nearly empty', () => {
    expect(availabilityLevel(100, 100)).toBe('plenty');
  });
});

describe('describeAvailability', () => {
  const onSale = { status: 'on_sale', onSaleAt: '2027-01-10T10:00:00Z', seatsAvailable: 42, seatsTotal: 100 } as const;

  it('counts the seats left while on sale', () => {
    expect(describeAvailability(onSale)).toEqual({ tone: 'plenty', label: '42 seats left' });
    expect(describeAvailability({ ...onSale, seatsAvailable: 3 })).toEqual({ tone: 'low', label: '3 seats left' });
  });

  it('says sold out when an on-sale event has no seat left or the event is marked sold out', () => {
    expect(describeAvailability({ ...onSale, seatsAvailable: 0 })).toEqual({ tone: 'sold-out', label: 'Sold out' });
    expect(describeAvailability({ ...onSale, status: 'sold_out' })).toEqual({ tone: 'sold-out', label: 'Sold out' });
  });

  it('announces when a scheduled event goes on sale', () => {
    expect(describeAvailability({ ...onSale, status: 'scheduled' })).toEqual({
      tone: 'upcoming',
      label: 'On sale Sun, 10 Jan 2027 · 10:00',
    });
  });

  it('closes cancelled and ended events whatever their counts', () => {
    expect(describeAvailability({ ...onSale, status: 'cancelled' })).toEqual({ tone: 'closed', label: 'Cancelled' });
    expect(describeAvailability({ ...onSale, status: 'ended' })).toEqual({ tone: 'closed', label: 'Ended' });
  });
});

describe('formatClockTime', () => {
  it('writes the time of day to the second, on the clock asked for', () => {
    expect(formatClockTime('2026-12-07T19:02:13.000Z', 'UTC')).toBe('19:02:13');
    expect(formatClockTime('2026-12-07T19:02:13.000Z', 'Europe/Paris')).toBe('20:02:13');
  });

  it('writes the minute of the day on a 24-hour clock, midnight as 00', () => {
    expect(formatClockMinute('2026-12-07T18:15:59.000Z')).toBe('18:15');
    expect(formatClockMinute('2026-12-08T00:05:00.000Z')).toBe('00:05');
  });
});
