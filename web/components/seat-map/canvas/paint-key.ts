import { matchesMask, type FilterMask } from '@/lib/seat-map/attributes';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { seatStateAt, type SeatMapState, type SeatState } from '@/lib/seat-map/seat-map-state';
import { tierColour, type CanvasPalette } from './canvas-palette';

const STATE_CODES: readonly SeatState[] = ['available', 'selected', 'mine', 'reserved', 'paid', 'confirmed', 'blocked'];
const STATE_CODE = new Map(STATE_CODES.map((state, code) => [state, code]));
/** Added to the key of a seat the filter leaves out. */
const DIMMED = STATE_CODES.length * 8;

/**
 * What a seat is painted as: state code × 8 + tier, plus DIMMED when the filter leaves it out, plus one so 0 means
 * "not painted". Seats with the same key look the same, so they are drawn together, and a seat is repainted only
 * when its key changes.
 */
export function paintKey(state: SeatMapState, layout: SeatLayout, index: number, mask: FilterMask = null): number {
  return (matchesMask(mask, index) ? 0 : DIMMED) + STATE_CODE.get(seatStateAt(state, index))! * 8 + layout.tierIndex[index]! + 1;
}

export function stateOfKey(key: number): SeatState {
  return STATE_CODES[Math.floor(((key - 1) % DIMMED) / 8)]!;
}

export function isDimmedKey(key: number): boolean {
  return key - 1 >= DIMMED;
}

export function colourOfKey(palette: CanvasPalette, key: number): string {
  const state = stateOfKey(key);
  return state === 'available' ? tierColour(palette, (key - 1) % 8) : palette.states[state];
}
