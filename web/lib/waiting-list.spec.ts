import { describe, expect, it } from 'vitest';
import type { SeatSnapshot } from '@seatstorm/contracts';
import { buildLayout } from './seat-map/layout';
import { statusCode } from './seat-map/seat-map-state';
import { soldOutTiersOf } from './waiting-list';

const seat = (label: string, tier: string, price: number, status: 'available' | 'reserved' | 'blocked') => ({
  id: `evt_small_${label}`,
  label,
  section: 'Floor',
  row: label[0]!,
  number: Number(label.slice(1)),
  tier,
  price,
  x: Number(label.slice(1)),
  y: label.charCodeAt(0) - 65,
  status,
  bookingId: status === 'reserved' ? 'bkg_1' : null,
});

describe('sold-out tiers', () => {
  it('are the tiers with no seat on general sale', () => {
    const snapshot = {
      eventId: 'evt_small',
      version: 1,
      seats: [seat('A1', 'VIP', 10000, 'reserved'), seat('A2', 'VIP', 10000, 'blocked'), seat('B1', 'Regular', 5000, 'available')],
    } as SeatSnapshot;
    const layout = buildLayout(snapshot);
    const statuses = Uint8Array.from(snapshot.seats, (s) => statusCode(s.status));
    expect(soldOutTiersOf({ layout, statuses })).toEqual(['VIP']);
    expect(soldOutTiersOf({ layout, statuses: statuses.map(() => statusCode('reserved')) })).toEqual(['VIP', 'Regular']);
    expect(soldOutTiersOf({ layout: null, statuses })).toBeNull();
  });
});
