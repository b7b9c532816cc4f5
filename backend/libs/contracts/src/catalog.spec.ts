import { describe, expect, it } from 'vitest';
import { createEventRequestSchema, MAX_SEAT_PRICE_CENTS } from './catalog';

const onVenue = (price: number) => ({ venueId: 'ven_msg', name: 'Encore Night', startsAt: '2027-09-01T20:00:00Z', prices: { VIP: price } });
const simple = (dollars: number) => ({ name: 'Jazz', venue: 'Blue Note', date: '2027-09-01T20:00:00Z', totalSeats: 10, price: dollars });

describe('event prices', () => {
  it('accepts a seat priced up to the most a seat may cost, in either form', () => {
    expect(createEventRequestSchema.safeParse(onVenue(MAX_SEAT_PRICE_CENTS)).success).toBe(true);
    expect(createEventRequestSchema.safeParse(simple(MAX_SEAT_PRICE_CENTS / 100)).success).toBe(true);
  });

  it.each([
    { story: 'a layout tier at $2.68M a seat, whose eight seats overflow a 32-bit amount', request: onVenue(268_000_000) },
    { story: 'a layout tier a cent over the most', request: onVenue(MAX_SEAT_PRICE_CENTS + 1) },
    { story: 'the simple form at $1M a seat', request: simple(1_000_000) },
  ])('refuses $story', ({ request }) => {
    expect(createEventRequestSchema.safeParse(request).success).toBe(false);
  });
});
