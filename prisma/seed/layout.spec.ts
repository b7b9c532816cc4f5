import { describe, expect, it } from 'vitest';
import { DEMO_EVENTS, DEMO_VENUES } from './demo-data';
import { countSeats, generateSeats, gridLayout, layoutTiers, rowLetter, type GeneratedSeat, type VenueLayout } from '../../backend/libs/contracts/src/index';

function seatsOf(eventId: string): GeneratedSeat[] {
  const event = DEMO_EVENTS.find((candidate) => candidate.id === eventId);
  const venue = DEMO_VENUES.find((candidate) => candidate.id === event?.venueId);
  if (!event || !venue) throw new Error(`no demo event ${eventId}`);
  return generateSeats(event.id, venue.layout, event.prices);
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('generateSeats', () => {
  it('lays out The Eras Tour as the original demo sold it', () => {
    const seats = seatsOf('evt_eras');

    expect(seats).toHaveLength(100);
    expect(countBy(seats, (seat) => `${seat.tier} ${seat.price}`)).toEqual({
      'VIP 22500': 10,
      'Premium 18000': 10,
      'Regular 15000': 80,
    });
    expect(seats.filter((seat) => seat.tier === 'VIP').map((seat) => seat.label)).toEqual(Array.from({ length: 10 }, (_, index) => `A${index + 1}`));
    expect(seats.filter((seat) => seat.tier === 'Regular').map((seat) => seat.label)).toEqual(Array.from({ length: 80 }, (_, index) => `C${index + 1}`));
    expect(seats[0]).toMatchObject({ id: 'evt_eras_A1', eventId: 'evt_eras', label: 'A1', row: 'A', number: 1 });
  });

  it('keeps every seat in its lettered row and numbers it within the row', () => {
    for (const seat of seatsOf('evt_eras')) {
      expect(seat.label).toBe(`${seat.row}${seat.number}`);
      expect(seat.id).toBe(`evt_eras_${seat.label}`);
    }
  });

  it('draws row C (80 seats) as four lines of 20 below rows A and B', () => {
    const rowC = seatsOf('evt_eras').filter((seat) => seat.row === 'C');
    const lines = countBy(rowC, (seat) => String(seat.y));

    expect(Object.values(lines)).toEqual([20, 20, 20, 20]);
    expect(rowC.find((seat) => seat.number === 21)?.x).toBe(rowC.find((seat) => seat.number === 1)?.x);
    const rowBY = seatsOf('evt_eras').find((seat) => seat.label === 'B1')?.y ?? Number.NaN;
    expect(Math.min(...rowC.map((seat) => seat.y))).toBeGreaterThan(rowBY);
  });

  it('gives the other demo events their seat counts and single prices', () => {
    const sheeran = seatsOf('evt_sheeran');
    const jazz = seatsOf('evt_jazz');

    expect(sheeran).toHaveLength(80);
    expect(new Set(sheeran.map((seat) => seat.price))).toEqual(new Set([12000]));
    expect(new Set(sheeran.map((seat) => seat.row))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']));
    expect(jazz).toHaveLength(50);
    expect(new Set(jazz.map((seat) => seat.price))).toEqual(new Set([4500]));
    expect(jazz.at(-1)?.label).toBe('E10');
  });

  it('gives The Warehouse a standing floor of 200 places and a balcony of 20 seats', () => {
    const seats = seatsOf('evt_warehouse');
    const places = seats.filter((seat) => seat.attributes.includes('standing'));

    expect(places).toHaveLength(200);
    expect(places[0]).toMatchObject({ id: 'evt_warehouse_Floor-1', section: 'Floor', number: 1, tier: 'Floor', price: 3500 });
    expect(places.at(-1)?.label).toBe('Floor-200');
    expect(seats.filter((seat) => seat.section === 'Balcony').map((seat) => seat.label)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `A${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `B${i + 1}`),
    ]);
  });

  it('builds the stadium of 50,000 unique, id-safe seats in 40 sections', () => {
    const seats = seatsOf('evt_stadium');

    expect(seats).toHaveLength(50_000);
    expect(new Set(seats.map((seat) => seat.id)).size).toBe(50_000);
    expect(new Set(seats.map((seat) => seat.section)).size).toBe(40);
    expect(seats.filter((seat) => !/^[A-Za-z0-9_.:-]+$/.test(seat.label))).toEqual([]);
    expect(seats[0]).toMatchObject({ id: 'evt_stadium_S01-R01-1', label: 'S01-R01-1', section: 'S01', row: 'R01', number: 1 });
    expect(countBy(seats, (seat) => seat.tier)).toEqual({ 'Lower End': 15_000, 'Lower Sideline': 10_000, Upper: 25_000 });
  });

  it('keeps neighbouring stadium seats 1 to 2 units apart', () => {
    const seats = seatsOf('evt_stadium');
    const gaps = [0, 1, 24, 25].map((row) => {
      const [first, second] = seats.slice(row * 50, row * 50 + 2);
      return Math.hypot(second.x - first.x, second.y - first.y);
    });

    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(1);
      expect(gap).toBeLessThanOrEqual(2);
    }
  });

  it('regenerates exactly the same seats from the same layout', () => {
    const venue = DEMO_VENUES.find((candidate) => candidate.id === 'ven_msg');
    if (!venue) throw new Error('no Madison Square Garden');
    const prices = { VIP: 1, Premium: 2, Regular: 3 };
    const fromJson = JSON.parse(JSON.stringify(venue.layout)) as VenueLayout;

    expect(generateSeats('evt_x', fromJson, prices)).toEqual(generateSeats('evt_x', venue.layout, prices));
  });

  it('refuses a tier without a price', () => {
    const layout = gridLayout({ section: 'Hall', tier: 'General', rows: 1, seatsPerRow: 2 });

    expect(() => generateSeats('evt_x', layout, {})).toThrow(/tier "General"/);
  });

  it('refuses two seats with the same label', () => {
    const hall = gridLayout({ section: 'Hall', tier: 'General', rows: 1, seatsPerRow: 2 }).sections[0];
    const layout: VenueLayout = { sections: [hall, { ...hall, name: 'Balcony' }] };

    expect(() => generateSeats('evt_x', layout, { General: 100 })).toThrow(/A1.*twice/);
  });
});

describe('where seats sit in their row, and what a buyer needs to know', () => {
  const byLabel = (seats: GeneratedSeat[]) => new Map(seats.map((seat) => [seat.label, seat]));

  it('breaks a wrapped row into runs at each line, so C20 and C21 are not together', () => {
    const seats = byLabel(seatsOf('evt_eras'));

    expect(['C1', 'C20', 'C21', 'C40', 'C41', 'C80'].map((label) => seats.get(label)?.block)).toEqual([0, 0, 1, 1, 2, 3]);
    expect(seats.get('A1')?.block).toBe(0);
    expect(seats.get('A10')?.block).toBe(0);
  });

  it('marks seats at the end of a run as aisle seats, and the layout’s wheelchair, companion and restricted-view seats', () => {
    const seats = byLabel(seatsOf('evt_eras'));

    expect(seats.get('A1')?.attributes).toEqual(['aisle']);
    expect(seats.get('A5')?.attributes).toEqual([]);
    expect(seats.get('C20')?.attributes).toEqual(['aisle']);
    expect(seats.get('C21')?.attributes).toEqual(['aisle']);
    expect(seats.get('C1')?.attributes).toEqual(['wheelchair', 'aisle']);
    expect(seats.get('C2')?.attributes).toEqual(['companion']);
    expect(seats.get('B10')?.attributes).toEqual(['restricted_view', 'aisle']);
  });

  it('gives every seeded venue wheelchair spaces, each with a companion seat in its row', () => {
    for (const event of DEMO_EVENTS) {
      const seats = seatsOf(event.id);
      const wheelchair = seats.filter((seat) => seat.attributes.includes('wheelchair'));
      const companions = seats.filter((seat) => seat.attributes.includes('companion'));

      expect(wheelchair.length, event.id).toBeGreaterThan(0);
      expect(companions.length, event.id).toBeGreaterThan(0);
      for (const companion of companions) {
        expect(
          wheelchair.some((space) => space.section === companion.section && space.row === companion.row),
          companion.label,
        ).toBe(true);
      }
    }
  });

  it('splits a row at its aisles', () => {
    const layout = gridLayout({ section: 'Hall', tier: 'General', rows: 1, seatsPerRow: 10 });
    layout.sections[0]!.rows[0]!.aislesAfter = [3, 7];
    const seats = generateSeats('evt_x', layout, { General: 100 });

    expect(seats.map((seat) => seat.block)).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    expect(seats.filter((seat) => seat.attributes.includes('aisle')).map((seat) => seat.number)).toEqual([1, 3, 4, 7, 8, 10]);
  });

  it('measures each seat from the stage: front rows first, the centre of a row before its ends', () => {
    const seats = byLabel(seatsOf('evt_eras'));
    const distance = (label: string) => seats.get(label)!.stageDistance;

    expect(distance('A5')).toBeLessThan(distance('B5'));
    expect(distance('B5')).toBeLessThan(distance('C5'));
    expect(distance('C5')).toBeLessThan(distance('C25'));
  });

  it('measures the stadium from the pitch: the lower ring before the upper', () => {
    const seats = byLabel(seatsOf('evt_stadium'));

    expect(seats.get('S05-R01-25')!.stageDistance).toBeLessThan(seats.get('S05-R25-25')!.stageDistance);
    expect(seats.get('S05-R25-25')!.stageDistance).toBeLessThan(seats.get('S25-R01-25')!.stageDistance);
  });

  it('refuses an attribute on a seat the row does not have', () => {
    const layout = gridLayout({ section: 'Hall', tier: 'General', rows: 1, seatsPerRow: 4 });
    layout.sections[0]!.rows[0]!.wheelchair = [5];

    expect(() => generateSeats('evt_x', layout, { General: 100 })).toThrow(/wheelchair names seat 5/);
  });
});

describe('layout helpers', () => {
  it('lists tiers in order of appearance and counts seats', () => {
    const venue = DEMO_VENUES.find((candidate) => candidate.id === 'ven_msg');
    if (!venue) throw new Error('no Madison Square Garden');

    expect(layoutTiers(venue.layout)).toEqual(['VIP', 'Premium', 'Regular']);
    expect(countSeats(venue.layout)).toBe(100);
  });

  it('letters rows A…Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(rowLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
