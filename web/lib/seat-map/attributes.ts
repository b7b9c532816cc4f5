import { SEAT_ATTRIBUTES, type SeatAttribute } from '@seatstorm/contracts';
import type { LayoutSeat, SeatLayout } from './layout';
import type { SeatMapState } from './seat-map-state';
import { AVAILABLE_CODE } from './status-codes';

/** The attributes the map draws as a symbol on the seat; an aisle seat is only named, a standing place is never drawn alone. */
export type SeatSymbol = Exclude<SeatAttribute, 'aisle' | 'standing'>;

/** In the order a seat with several shows them: who may sit there first. */
export const SEAT_SYMBOLS: readonly SeatSymbol[] = ['wheelchair', 'companion', 'restricted_view'];

/** Words for each attribute, in accessible names, tooltips and the legend. */
export const ATTRIBUTE_WORDS: Record<SeatAttribute, string> = {
  wheelchair: 'wheelchair space',
  companion: 'companion seat — held with a wheelchair space',
  restricted_view: 'restricted view',
  aisle: 'aisle seat',
  standing: 'standing place',
};

type AttributedSeat = Pick<LayoutSeat, 'attributes'>;

export function hasAttribute(seat: AttributedSeat, attribute: SeatAttribute): boolean {
  return seat.attributes?.includes(attribute) ?? false;
}

/** The symbol drawn on a seat, if any. */
export function symbolOf(seat: AttributedSeat): SeatSymbol | null {
  return SEAT_SYMBOLS.find((symbol) => hasAttribute(seat, symbol)) ?? null;
}

/** A seat's attributes in words, in a fixed order: "wheelchair space, aisle seat". */
export function attributeWords(seat: AttributedSeat): string[] {
  return SEAT_ATTRIBUTES.filter((attribute) => hasAttribute(seat, attribute)).map((attribute) => ATTRIBUTE_WORDS[attribute]);
}

/** What the map's "Show" control lets through: every seat, or only seats with one attribute (standing places are areas, not seats). */
export type SeatFilter = 'all' | Exclude<SeatAttribute, 'standing'>;

export const SEAT_FILTERS: readonly SeatFilter[] = ['all', ...SEAT_ATTRIBUTES.filter((attribute) => attribute !== 'standing')];

export const FILTER_LABELS: Record<SeatFilter, string> = {
  all: 'All seats',
  wheelchair: 'Wheelchair spaces',
  companion: 'Companion seats',
  restricted_view: 'Restricted view',
  aisle: 'Aisle seats',
};

/** One seat and many, for counts: "1 wheelchair space", "4 wheelchair spaces". */
const COUNT_NOUNS: Record<SeatAttribute, readonly [string, string]> = {
  wheelchair: ['wheelchair space', 'wheelchair spaces'],
  companion: ['companion seat', 'companion seats'],
  restricted_view: ['seat with a restricted view', 'seats with a restricted view'],
  aisle: ['aisle seat', 'aisle seats'],
  standing: ['standing place', 'standing places'],
};

/**
 * One byte per seat (layout order), 1 where the seat has the filter's attribute; null when the filter lets every
 * seat through. Computed once per filter, so painting 50,000 seats looks up a byte, not an array.
 */
export type FilterMask = Uint8Array | null;

export function filterMask(layout: SeatLayout, filter: SeatFilter): FilterMask {
  if (filter === 'all') return null;
  const mask = new Uint8Array(layout.seats.length);
  layout.seats.forEach((seat, index) => {
    if (seat.attributes && hasAttribute(seat, filter)) mask[index] = 1;
  });
  return mask;
}

export function matchesMask(mask: FilterMask, index: number): boolean {
  return mask === null || mask[index] === 1;
}

/** How many seats a filter lets through, and how many of those are available. */
export function countMatches(state: SeatMapState, mask: FilterMask): { total: number; available: number } {
  const available = AVAILABLE_CODE;
  let total = 0;
  let free = 0;
  for (let index = 0; index < state.statuses.length; index += 1) {
    if (!matchesMask(mask, index)) continue;
    total += 1;
    if (state.statuses[index] === available) free += 1;
  }
  return { total, available: free };
}

/** "2 wheelchair spaces, 1 available": what the filter announces. */
export function filterSummary(filter: SeatAttribute, counts: { total: number; available: number }): string {
  const [one, many] = COUNT_NOUNS[filter];
  return `${counts.total.toLocaleString('en-US')} ${counts.total === 1 ? one : many}, ${counts.available.toLocaleString('en-US')} available`;
}

/** "No wheelchair spaces left here." */
export function noneLeftMessage(filter: SeatFilter): string {
  return filter === 'all' ? 'No seats left here.' : `No ${COUNT_NOUNS[filter][1]} left here.`;
}
