import { placeOfLabel, seatLabelOf, type Booking } from '@seatstorm/contracts';
import type { LayoutSeat } from './seat-map/layout';

/**
 * A booking's seats by label (docs/architecture.md §3), without loading the seat map; its standing
 * places once per area, as people say them (§15): `A5`, `Floor, standing × 2`.
 */
export function labelsOf(booking: Pick<Booking, 'eventId' | 'seatIds'>): string[] {
  const { seats, places } = splitPlaces(booking);
  return [...seats, ...[...places].map(([areaId, count]) => `${areaId}, standing${count > 1 ? ` × ${count}` : ''}`)];
}

/** A booking's seat labels, and how many standing places it has per area. */
export function splitPlaces(booking: Pick<Booking, 'eventId' | 'seatIds'>): { seats: string[]; places: Map<string, number> } {
  const seats: string[] = [];
  const places = new Map<string, number>();
  for (const seatId of booking.seatIds) {
    const label = seatLabelOf(booking.eventId, seatId);
    const place = placeOfLabel(label);
    if (place) places.set(place.areaId, (places.get(place.areaId) ?? 0) + 1);
    else seats.push(label);
  }
  return { seats, places };
}

type PlacedSeat = Pick<LayoutSeat, 'label' | 'section' | 'row' | 'number' | 'block'>;

/**
 * "Row C, seats 3–6 — 4 seats together", as best available picks seats: side by side in one row
 * (`Section 101, row C, …` where the venue has several sections). Seats that are not one stretch
 * are named by label.
 */
export function describeSeatsTogether(seats: readonly PlacedSeat[], multiSection: boolean): string {
  const sorted = [...seats].sort((a, b) => a.number - b.number);
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (!first || !last) return '';
  const together = sorted.every(
    (seat, i) => seat.section === first.section && seat.row === first.row && (seat.block ?? 0) === (first.block ?? 0) && seat.number === first.number + i,
  );
  if (!together) return `Seats ${sorted.map((seat) => seat.label).join(', ')}`;
  const row = multiSection ? `Section ${first.section}, row ${first.row}` : `Row ${first.row}`;
  if (sorted.length === 1) return `${row}, seat ${first.number}`;
  return `${row}, seats ${first.number}–${last.number} — ${sorted.length} seats together`;
}
