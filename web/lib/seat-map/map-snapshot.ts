import type { SeatSnapshot, StandingArea } from '@seatstorm/contracts';
import { buildLayout, sameLayout, type SeatLayout } from './layout';
import { statusCode } from './status-codes';

/**
 * A snapshot as the map keeps it: the layout, and each seat's status (one byte) and booking, in layout order.
 * A snapshot of the same seats as the layout already shown carries that very layout, so nothing is laid out again.
 */
export interface MapSnapshot {
  eventId: string;
  version: number;
  layout: SeatLayout;
  statuses: Uint8Array;
  bookingIds: ReadonlyArray<string | null>;
  /** The event's standing areas, each with its places left (docs/architecture.md §15). */
  areas: readonly StandingArea[];
}

export function toMapSnapshot(snapshot: SeatSnapshot, known: SeatLayout | null): MapSnapshot {
  const layout = known && sameLayout(known, snapshot) ? known : buildLayout(snapshot);
  return {
    eventId: snapshot.eventId,
    version: snapshot.version,
    layout,
    statuses: Uint8Array.from(snapshot.seats, (seat) => statusCode(seat.status)),
    bookingIds: snapshot.seats.map((seat) => seat.bookingId),
    areas: snapshot.areas ?? [],
  };
}
