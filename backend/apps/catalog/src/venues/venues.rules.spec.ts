import { countSeats, gridLayout, layoutTiers, type VenueLayout } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { toVenueListing } from './venues.rules';

const venue = { id: 'ven_hall', name: 'The Hall', city: 'Leeds' };

describe('toVenueListing', () => {
  it('counts seats per tier and per section, in the order the layout names them', () => {
    const layout: VenueLayout = {
      sections: [
        {
          name: 'Floor',
          labelFormat: 'row-number',
          tier: 'Regular',
          rows: [
            { label: 'A', seats: 10, tier: 'VIP' },
            { label: 'B', seats: 10, tier: 'Premium' },
            { label: 'C', seats: 80 },
          ],
          placement: { kind: 'grid', center: { x: 0, y: 0 }, seatPitch: 1.2, rowPitch: 1.6 },
        },
        {
          name: 'Balcony',
          labelFormat: 'section-row-number',
          tier: 'Regular',
          rows: [{ label: 'R1', seats: 30 }],
          placement: { kind: 'arc', center: { x: 0, y: 0 }, radius: 40, rowPitch: 1.5, startAngle: 30, endAngle: 150 },
        },
      ],
    };
    expect(toVenueListing(venue, layout)).toEqual({
      ...venue,
      seatsTotal: 130,
      tiers: [
        { tier: 'VIP', seatsTotal: 10 },
        { tier: 'Premium', seatsTotal: 10 },
        { tier: 'Regular', seatsTotal: 110 },
      ],
      sections: [
        { name: 'Floor', tiers: ['VIP', 'Premium', 'Regular'], seatsTotal: 100 },
        { name: 'Balcony', tiers: ['Regular'], seatsTotal: 30 },
      ],
    });
  });

  it('agrees with the layout functions that generate the seats', () => {
    const layout = gridLayout({ section: 'Main Room', tier: 'General', rows: 5, seatsPerRow: 10 });
    const listing = toVenueListing(venue, layout);
    expect(listing.seatsTotal).toBe(countSeats(layout));
    expect(listing.tiers.map((tier) => tier.tier)).toEqual(layoutTiers(layout));
  });
});
