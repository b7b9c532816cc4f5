import type { Booking } from '@seatstorm/contracts';

/** A seat's label from its id (`${eventId}_${label}`, docs/architecture.md §3), without loading the seat map. */
export function labelOfSeatId(eventId: string, seatId: string): string {
  return seatId.startsWith(`${eventId}_`) ? seatId.slice(eventId.length + 1) : seatId;
}

export function labelsOf(booking: Pick<Booking, 'eventId' | 'seatIds'>): string[] {
  return booking.seatIds.map((seatId) => labelOfSeatId(booking.eventId, seatId));
}
