import { seatLabelOf, type Booking } from '@seatstorm/contracts';

/** A booking's seats by label (docs/architecture.md §3), without loading the seat map. */
export function labelsOf(booking: Pick<Booking, 'eventId' | 'seatIds'>): string[] {
  return booking.seatIds.map((seatId) => seatLabelOf(booking.eventId, seatId));
}
