import { describe, expect, it } from 'vitest';
import { createBookingRequestSchema, seatsAskedFor } from './bookings';
import { holdCommandSchema } from './messages/booking-command.message';
import { pickPlaces, placeOfLabel, withStandingCounts, type StandingArea } from './standing';
import { countSeats, generateSeats, layoutTiers, type VenueLayout } from './venue-layout';

const CLUB: VenueLayout = {
  sections: [
    {
      name: 'Floor',
      labelFormat: 'row-number',
      tier: 'Floor',
      rows: [],
      placement: { kind: 'grid', center: { x: 0, y: 4 }, seatPitch: 1, rowPitch: 1 },
      standing: { capacity: 5, width: 12, height: 6 },
    },
    {
      name: 'Balcony',
      labelFormat: 'row-number',
      tier: 'Balcony',
      rows: [{ label: 'A', seats: 2 }],
      placement: { kind: 'grid', center: { x: 0, y: 10 }, seatPitch: 1.2, rowPitch: 1.6 },
    },
  ],
};

describe('standing areas in a layout', () => {
  it('generates one place per unit of capacity, labelled by area and number, marked standing, at the area centre', () => {
    const seats = generateSeats('evt_club', CLUB, { Floor: 3000, Balcony: 5000 });
    const places = seats.filter((seat) => seat.section === 'Floor');
    expect(places.map((place) => place.id)).toEqual(['evt_club_Floor-1', 'evt_club_Floor-2', 'evt_club_Floor-3', 'evt_club_Floor-4', 'evt_club_Floor-5']);
    expect(places.every((place) => place.attributes.includes('standing') && place.x === 0 && place.y === 4 && place.price === 3000)).toBe(true);
    expect(seats.filter((seat) => !seat.attributes.includes('standing')).map((seat) => seat.label)).toEqual(['A1', 'A2']);
    expect(countSeats(CLUB)).toBe(7);
    expect(layoutTiers(CLUB)).toEqual(['Floor', 'Balcony']);
  });
});

describe('pickPlaces', () => {
  const places = [5, 1, 3, 2, 4].map((number) => ({ id: `p${number}`, number, free: number !== 2 }));

  it('takes the lowest-numbered free places', () => {
    expect(pickPlaces(places, 3)).toEqual(['p1', 'p3', 'p4']);
  });

  it('is all or nothing and never gives more than are free', () => {
    expect(pickPlaces(places, 4)).toEqual(['p1', 'p3', 'p4', 'p5']);
    expect(pickPlaces(places, 5)).toBeUndefined();
    expect(pickPlaces(places, 0)).toBeUndefined();
  });
});

describe('holds with ga', () => {
  const ga = { areaId: 'Floor', quantity: 2 };

  it('accepts ga alone or with seats, never with best available, and counts it in the seats asked for', () => {
    expect(createBookingRequestSchema.safeParse({ eventId: 'evt_club', ga }).success).toBe(true);
    expect(createBookingRequestSchema.safeParse({ eventId: 'evt_club', seatIds: ['evt_club_A1'], ga }).success).toBe(true);
    expect(createBookingRequestSchema.safeParse({ eventId: 'evt_club', best: { count: 2 }, ga }).success).toBe(false);
    expect(createBookingRequestSchema.safeParse({ eventId: 'evt_club', ga: { areaId: 'Floor', quantity: 0 } }).success).toBe(false);
    expect(createBookingRequestSchema.safeParse({ eventId: 'evt_club', ga: { areaId: 'Floor', quantity: 2.5 } }).success).toBe(false);
    expect(createBookingRequestSchema.safeParse({ eventId: 'evt_club', ga: { areaId: 'Floor' } }).success).toBe(false);
    expect(seatsAskedFor({ seatIds: ['a', 'b'], ga })).toBe(4);
  });

  it('carries ga on the hold command, alone or beside named seats', () => {
    const command = {
      commandId: 'cmd_1',
      eventId: 'evt_club',
      issuedAt: '2026-12-07T20:00:00.000Z',
      type: 'hold',
      bookingId: 'bkg_1',
      userId: 'usr_1',
      deadline: '2026-12-07T20:01:00.000Z',
    };
    expect(holdCommandSchema.safeParse({ ...command, seatIds: [], ga }).success).toBe(true);
    expect(holdCommandSchema.safeParse({ ...command, seatIds: ['evt_club_A1'], ga }).success).toBe(true);
    expect(holdCommandSchema.safeParse({ ...command, seatIds: [], best: { count: 1 }, ga }).success).toBe(false);
    expect(holdCommandSchema.safeParse({ ...command, seatIds: [] }).success).toBe(false);
  });
});

describe('withStandingCounts', () => {
  const area: StandingArea = { id: 'Floor', tier: 'Floor', price: 3000, capacity: 100, available: 100, x: 0, y: 0, width: 10, height: 5 };

  it('sets the count of the areas a delta names, and keeps the others as they are', () => {
    const other = { ...area, id: 'Pit' };
    const [floor, pit] = withStandingCounts([area, other], [{ areaId: 'Floor', available: 97 }]);
    expect(floor!.available).toBe(97);
    expect(pit).toBe(other);
  });
});

describe('placeOfLabel', () => {
  it('reads a place from its label and tells it from seats of either label format', () => {
    expect(placeOfLabel('Floor-17')).toEqual({ areaId: 'Floor', number: 17 });
    expect(placeOfLabel('A1')).toBeUndefined();
    expect(placeOfLabel('S01-R01-1')).toBeUndefined();
  });
});
