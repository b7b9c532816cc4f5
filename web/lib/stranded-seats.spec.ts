import { describe, expect, it } from 'vitest';
import type { Seat, SeatSnapshot } from '@seatstorm/contracts';
import { seat, snapshot, venue } from '@/test/seat-snapshots';
import { initialSeatMapState, seatMapReducer, type SeatMapState } from './seat-map/seat-map-state';
import { strandedBySelection, strandedWarning } from './stranded-seats';

/** The map as a buyer has it after picking `labels`, in that order. */
function picking(from: SeatSnapshot, ...labels: string[]): SeatMapState {
  let state = seatMapReducer(initialSeatMapState('buyer', 20), { type: 'snapshot', snapshot: from });
  for (const label of labels) state = seatMapReducer(state, { type: 'toggle', seatId: `evt_test_${label}` });
  return state;
}

const strandedLabels = (state: SeatMapState) => strandedBySelection(state).map((stranded) => stranded.label);
const taken: Partial<Seat> = { status: 'reserved', bookingId: 'bkg_other' };

describe('seats a selection would leave on their own', () => {
  it('names the free seats left alone beside the selection, and none when the rest of the row stays together', () => {
    expect(strandedLabels(picking(venue(), 'A2'))).toEqual(['A1', 'A3']);
    expect(strandedLabels(picking(venue(), 'A1', 'A2'))).toEqual(['A3']);
    expect(strandedLabels(picking(venue(), 'A1'))).toEqual([]);
    expect(strandedLabels(picking(venue(), 'A1', 'A2', 'A3'))).toEqual([]);
    expect(strandedLabels(picking(venue()))).toEqual([]);
  });

  it('counts seats someone holds as taken, and does not blame the selection for a seat that was already alone', () => {
    expect(strandedLabels(picking(venue(0, { A1: taken }), 'A3'))).toEqual(['A2']);
    expect(strandedLabels(picking(venue(0, { A2: taken }), 'A3'))).toEqual([]);
    expect(strandedLabels(picking(venue(0, { C3: { status: 'blocked' } }), 'C1'))).toEqual(['C2']);
  });

  it('looks only at the run of each selected seat: another block of the same row is not beside it', () => {
    const blocks = venue(0, Object.fromEntries(['C7', 'C8', 'C9', 'C10', 'C11', 'C12'].map((label) => [label, { block: 1 }])));
    expect(strandedLabels(picking(blocks, 'C1', 'C2', 'C3', 'C4', 'C5'))).toEqual(['C6']);
    expect(strandedLabels(picking(venue(), 'C1', 'C2', 'C3', 'C4', 'C5'))).toEqual([]);
    expect(strandedLabels(picking(blocks, 'C11', 'A2'))).toEqual(['C12', 'A1', 'A3']);
  });

  it('orders a run by seat number, whatever order the snapshot lists the seats in', () => {
    const shuffled = snapshot(0, [seat('A3'), seat('A1'), seat('A2')]);
    expect(strandedLabels(picking(shuffled, 'A2'))).toEqual(['A1', 'A3']);
  });
});

describe('the warning', () => {
  it('names the seat or seats and says what to do', () => {
    expect(strandedWarning([{ label: 'A3' }])).toBe('This would leave seat A3 on its own — include it or pick seats beside it.');
    expect(strandedWarning([{ label: 'A1' }, { label: 'A3' }, { label: 'C6' }])).toBe(
      'This would leave seats A1, A3 and C6 each on their own — include them or pick seats beside them.',
    );
  });
});
