import { pickPlaces, type BookingCommand, type StandingRequest } from '@seatstorm/contracts';
import type { SeatState } from './booking.rules';

/**
 * Standing places in the race, as pure functions (docs/architecture.md §15). A hold's `ga`
 * asks for a quantity of places of one area; the booking core picks the lowest-numbered free
 * ones among the places read for it, all or nothing. Places are seats (attribute `standing`),
 * so everything after the pick — painting, conditional writes, expiry, cancel, refund,
 * tickets — is the seats' own code.
 */

type HoldCommand = Extract<BookingCommand, { type: 'hold' }>;

/** The places read for one hold of standing places (BatchState.standingCandidates). */
export interface StandingCandidates {
  /** The lowest-numbered free places of the area when read, at most as many as asked for in the batch (they are in `seats`). */
  seatIds: readonly string[];
  /** Fewer free places than the limit were found: these are all the free places the area had. */
  complete: boolean;
  /** The event has a standing area of that id. */
  exists: boolean;
}

/** What the pick needs of the batch's working state. */
export interface StandingView {
  /** Every place of the hold's area the batch read, as it now stands, in number order. */
  placesOf(command: HoldCommand): SeatState[];
  standingCandidatesOf(commandId: string): StandingCandidates | undefined;
  askMorePlaces(commandId: string): void;
}

/** The key of one standing area of one event. */
export function areaKeyOf(eventId: string, areaId: string): string {
  // Ids never contain a control character (idSchema): no two areas share a key.
  return `${eventId}\u0001${areaId}`;
}

/**
 * The places a hold of standing places gets: `quantity` free places of its area, or undefined
 * when fewer are left (NOT_ENOUGH_PLACES); `no-such-area` when the event has no such area;
 * `needs-more` when the places read fall short while the area has more free ones unread.
 */
export function pickStandingPlaces(state: StandingView, command: HoldCommand): SeatState[] | undefined | 'needs-more' | 'no-such-area' {
  const ga = command.ga!;
  const places = state.placesOf(command);
  const candidates = state.standingCandidatesOf(command.commandId);
  if (places.length === 0 && !candidates?.exists) return 'no-such-area';
  const picked = pickPlaces(
    places.map((place) => ({ id: place.id, number: place.number, free: place.status === 'available' && place.bookingId === null })),
    ga.quantity,
  );
  if (picked) {
    const byId = new Map(places.map((place) => [place.id, place]));
    return picked.map((id) => byId.get(id)!);
  }
  if (candidates && !candidates.complete) {
    state.askMorePlaces(command.commandId);
    return 'needs-more';
  }
  return undefined;
}

/** Why a hold of standing places was refused: how many it asked for and how many are left. */
export function describeTooFewPlaces(ga: StandingRequest, left: number): string {
  const asked = ga.quantity === 1 ? '1 standing place' : `${ga.quantity} standing places`;
  const remaining = left === 0 ? 'none are left' : left === 1 ? 'only 1 is left' : `only ${left} are left`;
  return `You asked for ${asked} in ${ga.areaId}, but ${remaining}. Nothing was held.`;
}
