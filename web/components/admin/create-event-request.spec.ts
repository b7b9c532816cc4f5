import { describe, expect, it } from 'vitest';
import type { VenueListing } from '@seatstorm/contracts';
import { ApiError, GatewayUnreachableError } from '@/lib/api';
import { describeCreateError, describeVenue, dollarsToCents, simpleEventRequest, utcFromLocalInput, venueEventRequest } from './create-event-request';

const garden: VenueListing = {
  id: 'ven_msg',
  name: 'Madison Square Garden',
  city: 'New York',
  seatsTotal: 100,
  tiers: [
    { tier: 'VIP', seatsTotal: 10 },
    { tier: 'Premium', seatsTotal: 10 },
    { tier: 'Regular', seatsTotal: 80 },
  ],
  sections: [{ name: 'Floor', tiers: ['VIP', 'Premium', 'Regular'], seatsTotal: 100 }],
};

const typed = {
  name: 'Encore Night',
  startsAt: '2027-09-01T20:00',
  onSaleAt: '',
  prices: { VIP: '300', Premium: '199.5', Regular: '99.99' },
  category: '',
  description: '  ',
};

describe('dollarsToCents', () => {
  it('reads whole dollars and dollars with cents', () => {
    expect(dollarsToCents('150')).toBe(15000);
    expect(dollarsToCents(' 45.5 ')).toBe(4550);
    expect(dollarsToCents('0.07')).toBe(7);
    expect(dollarsToCents('19.99')).toBe(1999);
  });

  it('refuses what is not a price', () => {
    for (const text of ['', 'abc', '-5', '1.234', '1e3', '99999999999999999999']) expect(dollarsToCents(text), text).toBeUndefined();
  });
});

describe('utcFromLocalInput', () => {
  it('reads a datetime-local value as UTC, with or without seconds', () => {
    expect(utcFromLocalInput('2027-09-01T20:00')).toBe('2027-09-01T20:00:00Z');
    expect(utcFromLocalInput('2027-09-01T20:00:30')).toBe('2027-09-01T20:00:30Z');
    expect(utcFromLocalInput('')).toBe('');
  });
});

describe('venueEventRequest', () => {
  it('builds POST /events on the venue with a price in cents for every tier', () => {
    expect(venueEventRequest(typed, garden)).toEqual({
      ok: true,
      request: { venueId: 'ven_msg', name: 'Encore Night', startsAt: '2027-09-01T20:00:00Z', prices: { VIP: 30000, Premium: 19950, Regular: 9999 } },
    });
  });

  it('sends the on-sale date when one is given', () => {
    const built = venueEventRequest({ ...typed, onSaleAt: '2027-06-01T09:00', category: 'pop' }, garden);
    expect(built).toMatchObject({ ok: true, request: { onSaleAt: '2027-06-01T09:00:00Z', category: 'pop' } });
  });

  it('names the tiers that have no price, and the fields to fix, in words', () => {
    expect(venueEventRequest({ ...typed, name: ' ', prices: { VIP: '300', Premium: '', Regular: '1.234' } }, garden)).toEqual({
      ok: false,
      message: 'Check the name. Give a price in dollars (like 45 or 45.50) for Premium and Regular.',
    });
    expect(venueEventRequest({ ...typed, startsAt: '' }, garden)).toEqual({ ok: false, message: 'Check the start.' });
  });

  it('asks for a venue first', () => {
    expect(venueEventRequest(typed, undefined)).toEqual({ ok: false, message: 'Pick a venue.' });
  });

  it('refuses sales that open after the event starts', () => {
    expect(venueEventRequest({ ...typed, onSaleAt: '2027-09-02T09:00' }, garden)).toEqual({ ok: false, message: 'Sales must open before the event starts.' });
  });
});

describe('simpleEventRequest', () => {
  const simple = {
    name: 'Garage Gig',
    venue: 'The Basement',
    startsAt: '2027-09-01T20:00',
    totalSeats: '25',
    price: '19.5',
    category: 'rock',
    description: '',
  };

  it("builds the original demo's simple form, price in dollars", () => {
    expect(simpleEventRequest(simple)).toEqual({
      ok: true,
      request: { name: 'Garage Gig', venue: 'The Basement', date: '2027-09-01T20:00:00Z', totalSeats: 25, price: 19.5, category: 'rock' },
    });
  });

  it('says which fields to check, in words', () => {
    expect(simpleEventRequest({ ...simple, venue: '', totalSeats: '0', price: '' })).toEqual({
      ok: false,
      message: 'Check the venue, the seats (1 to 20,000) and the price (dollars, like 45 or 45.50).',
    });
  });
});

describe('describeCreateError', () => {
  it("shows the gateway's reason for a refused event", () => {
    expect(describeCreateError(new ApiError(400, 'VALIDATION_FAILED', 'The event must start in the future.'))).toBe('The event must start in the future.');
    expect(describeCreateError(new ApiError(404, 'NOT_FOUND', 'Venue ven_gone was not found'))).toBe('Venue ven_gone was not found');
  });

  it('reads other failures as the rest of the site does, never as a bare code', () => {
    expect(describeCreateError(new ApiError(403, 'FORBIDDEN', 'Forbidden'))).toBe("You don't have access to that.");
    expect(describeCreateError(new GatewayUnreachableError('fetch failed'))).toMatch(/can't reach the box office/);
  });
});

describe('describeVenue', () => {
  it('says where the venue is and how its seats are laid out', () => {
    expect(describeVenue(garden)).toBe('New York · 100 seats in Floor');
    const sections = Array.from({ length: 40 }, (_, i) => ({ name: `S${i + 1}`, tiers: ['Upper'], seatsTotal: 1250 }));
    expect(describeVenue({ ...garden, city: 'Chicago', seatsTotal: 50_000, sections })).toBe('Chicago · 50,000 seats in 40 sections');
    expect(describeVenue({ ...garden, city: '', seatsTotal: 1 })).toBe('1 seat in Floor');
  });
});
