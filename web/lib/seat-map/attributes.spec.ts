import { describe, expect, it } from 'vitest';
import { attributeWords, countMatches, filterMask, filterSummary, noneLeftMessage, symbolOf } from './attributes';
import { seatName } from './describe';
import { firstSeat } from './navigation';
import { initialSeatMapState, seatMapReducer } from './seat-map-state';
import type { Seat } from '@seatstorm/contracts';
import { seat, venue } from '@/test/seat-snapshots';

// Row C like the Eras Tour's: wheelchair spaces at both ends, a companion seat beside each; A1 behind a pillar.
const ATTRIBUTES: Record<string, Seat['attributes']> = {
  A1: ['restricted_view', 'aisle'],
  C1: ['wheelchair', 'aisle'],
  C2: ['companion'],
  C11: ['companion'],
  C12: ['wheelchair', 'aisle'],
};
const accessible = venue(1, Object.fromEntries(Object.entries(ATTRIBUTES).map(([label, attributes]) => [label, { attributes }])));
const state = seatMapReducer(initialSeatMapState(), { type: 'snapshot', snapshot: accessible });
const layout = state.layout!;
const at = (label: string) => layout.seats[layout.indexById.get(`evt_test_${label}`)!]!;

describe('seat attributes', () => {
  it('draws one symbol per seat, wheelchair first; an aisle seat has none', () => {
    expect(symbolOf(at('C1'))).toBe('wheelchair');
    expect(symbolOf(at('C2'))).toBe('companion');
    expect(symbolOf(at('A1'))).toBe('restricted_view');
    expect(symbolOf(seat('A2', { attributes: ['aisle'] }))).toBeNull();
    expect(symbolOf(at('C5'))).toBeNull();
  });

  it('says every attribute in a fixed order, whatever order the data has', () => {
    expect(attributeWords(seat('C1', { attributes: ['aisle', 'wheelchair'] }))).toEqual(['wheelchair space', 'aisle seat']);
    expect(attributeWords(at('C5'))).toEqual([]);
  });

  it('adds them to the seat’s accessible name, after its state', () => {
    expect(seatName(layout, at('C1'), 'available')).toBe('Row C, seat 1, Regular, $150, available, wheelchair space, aisle seat');
    expect(seatName(layout, at('C2'), 'reserved')).toBe(
      'Row C, seat 2, Regular, $150, reserved by someone else, companion seat — held with a wheelchair space',
    );
    expect(seatName(layout, at('A1'), 'selected')).toBe('Row A, seat 1, VIP, $225, selected, restricted view, aisle seat');
    expect(seatName(layout, at('C5'), 'available')).toBe('Row C, seat 5, Regular, $150, available');
  });
});

describe('the seat filter', () => {
  it('lets every seat through on "All seats", and only seats with the attribute otherwise', () => {
    expect(filterMask(layout, 'all')).toBeNull();
    const wheelchair = filterMask(layout, 'wheelchair')!;
    expect(layout.seats.filter((_, index) => wheelchair[index] === 1).map((s) => s.label)).toEqual(['C1', 'C12']);
    const aisle = filterMask(layout, 'aisle')!;
    expect(layout.seats.filter((_, index) => aisle[index] === 1).map((s) => s.label)).toEqual(['A1', 'C1', 'C12']);
  });

  it('counts the seats it leaves and those still available, in words', () => {
    const mask = filterMask(layout, 'wheelchair');
    expect(filterSummary('wheelchair', countMatches(state, mask))).toBe('2 wheelchair spaces, 2 available');
    const held = seatMapReducer(state, { type: 'changes', version: 2, changes: [{ seatId: 'evt_test_C12', status: 'reserved', bookingId: 'bkg_1' }] });
    expect(filterSummary('wheelchair', countMatches(held, mask))).toBe('2 wheelchair spaces, 1 available');
    expect(filterSummary('restricted_view', countMatches(state, filterMask(layout, 'restricted_view')))).toBe('1 seat with a restricted view, 1 available');
    expect(countMatches(state, null)).toEqual({ total: 15, available: 15 });
  });

  it('says what is missing when nothing is left', () => {
    expect(noneLeftMessage('companion')).toBe('No companion seats left here.');
    expect(noneLeftMessage('all')).toBe('No seats left here.');
  });

  it('moves where keyboard focus starts to the first seat it lets through, in reading order', () => {
    expect(layout.seats[firstSeat(layout)]!.label).toBe('A1');
    expect(layout.seats[firstSeat(layout, filterMask(layout, 'wheelchair'))]!.label).toBe('C1');
    expect(layout.seats[firstSeat(layout, filterMask(layout, 'companion'))]!.label).toBe('C2');
  });
});
