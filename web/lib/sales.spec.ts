import { describe, expect, it } from 'vitest';
import { salesPerMinute, salesSummary } from './sales';
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

describe('salesPerMinute', () => {
  const minute = 60_000;

  it('gives the seats sold in each of the last minutes, oldest first', () => {
    const samples = [
      { at: 0, sold: 10 },
      { at: minute, sold: 15 },
      { at: 2 * minute, sold: 15 },
      { at: 3 * minute, sold: 40 },
    ];
    expect(salesPerMinute(samples, 3 * minute, 3)).toEqual([5, 0, 25]);
  });

  it('counts minutes before the first sample as zero, and a refund as a negative minute', () => {
    expect(salesPerMinute([{ at: 5 * minute, sold: 7 }], 6 * minute, 3)).toEqual([0, 0, 0]);
    expect(
      salesPerMinute(
        [
          { at: 0, sold: 7 },
          { at: minute, sold: 5 },
        ],
        minute,
        1,
      ),
    ).toEqual([-2]);
  });
});
