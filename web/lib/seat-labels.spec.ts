import { describe, expect, it } from 'vitest';
import { seat } from '@/test/seat-snapshots';
import { describeSeatsTogether, labelsOf } from './seat-labels';

describe('seat labels', () => {
  it("names a booking's seats by label", () => {
    expect(labelsOf({ eventId: 'evt_eras', seatIds: ['evt_eras_C3', 'evt_eras_C4'] })).toEqual(['C3', 'C4']);
  });

  it('says where seats side by side are and how many, in any order', () => {
    const seats = ['C5', 'C3', 'C6', 'C4'].map((label) => seat(label));
    expect(describeSeatsTogether(seats, false)).toBe('Row C, seats 3–6 — 4 seats together');
    expect(describeSeatsTogether(seats, true)).toBe('Section Floor, row C, seats 3–6 — 4 seats together');
    expect(describeSeatsTogether([seat('A2')], false)).toBe('Row A, seat 2');
  });

  it('names seats by label when they are not one stretch of one row', () => {
    expect(describeSeatsTogether([seat('C3'), seat('C5')], false)).toBe('Seats C3, C5');
    expect(describeSeatsTogether([seat('A3'), seat('C4')], false)).toBe('Seats A3, C4');
    expect(describeSeatsTogether([seat('C6'), seat('C7', { block: 1 })], false)).toBe('Seats C6, C7');
  });
});
