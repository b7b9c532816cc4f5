import { formatMoney } from '../format';
import { attributeWords } from './attributes';
import type { LayoutSeat, SeatLayout } from './layout';
import type { SeatState } from './seat-map-state';

/** Words for each state, in accessible names and in the legend. Never colour alone. */
export const STATE_WORDS: Record<SeatState, string> = {
  available: 'available',
  selected: 'selected',
  mine: 'yours',
  reserved: 'reserved by someone else',
  paid: 'sold, payment confirming',
  confirmed: 'sold',
  blocked: 'not on sale',
};

/**
 * "Row C, seat 1, Regular, $150, available, wheelchair space, aisle seat": the section leads where a venue has
 * several; what the seat offers follows its state, so every name starts the same way.
 */
export function seatName(layout: SeatLayout, seat: LayoutSeat, state: SeatState): string {
  const place = `Row ${seat.row}, seat ${seat.number}`;
  const where = layout.multiSection ? `Section ${seat.section}, ${place.charAt(0).toLowerCase()}${place.slice(1)}` : place;
  return [where, seat.tier, formatMoney(seat.price), STATE_WORDS[state], ...attributeWords(seat)].join(', ');
}
