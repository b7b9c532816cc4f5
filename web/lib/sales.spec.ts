import { describe, expect, it } from 'vitest';
import { salesSummary } from './sales';
import { initialSeatMapState, seatMapReducer } from './seat-map/seat-map-state';
import { venue } from '@/test/seat-snapshots';

describe('salesSummary', () => {
  it('counts seats by status and sums revenue of sold seats and the value of holds', () => {
    const state = seatMapReducer(initialSeatMapState('admin'), {
      type: 'snapshot',
      snapshot: venue(3, {
        A1: { status: 'confirmed', bookingId: 'b1' },
        A2: { status: 'paid', bookingId: 'b2' },
        C1: { status: 'reserved', bookingId: 'b3' },
        C2: { status: 'blocked' },
      }),
    });
    expect(salesSummary(state)).toEqual({
      byStatus: { available: 11, reserved: 1, paid: 1, confirmed: 1, blocked: 1 },
      sold: 2,
      revenue: 45_000,
      held: 15_000,
    });
  });
});
