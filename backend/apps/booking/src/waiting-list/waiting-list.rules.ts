import { seatRunKey, type BookingStatus, type WaitingListStatus } from '@seatstorm/contracts';

/**
 * The waiting list of sold-out events, as pure functions (docs/architecture.md §14): who in
 * line gets which of the seats a batch released, and what becomes of an entry once the
 * booking offered to it is paid or ends unpaid. The booking rules call them where seats are
 * released; the booking service loads the line, locked, in the batch's transaction.
 */

export interface WaitingEntryState {
  id: string;
  eventId: string;
  userId: string;
  quantity: number;
  tier: string | null;
  status: WaitingListStatus;
  joinedAt: Date;
  offeredBookingId: string | null;
  offeredAt: Date | null;
}

/** What the line needs to know of a released seat. */
export interface ReleasedSeat {
  id: string;
  tier: string;
  section: string;
  row: string;
  block: number;
  number: number;
}

export interface Allotment {
  entry: WaitingEntryState;
  seatIds: string[];
}

/** The booking that holds the seats offered to an entry: an entry is offered once, so the ids derive from it. */
export function offerBookingIdOf(entryId: string): string {
  return `bkg_${entryId}`;
}

/** The id the offer's booking records as the command that made it (bookings.command_id is unique). */
export function offerCommandIdOf(entryId: string): string {
  return `offer_${entryId}`;
}

/** Line order: who joined first, then by id, so the order is total. */
export function inLineOrder(a: WaitingEntryState, b: WaitingEntryState): number {
  return a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Walks the line in order and gives each waiting entry whose quantity fits in what is left
 * of the released seats (of its tier, when it named one) that many of them, together in a
 * row when they can be; entries it cannot serve keep their place. `mayTake` says whether an
 * entry's buyer may have that many more seats (the per-buyer limit). The seats nobody takes
 * are the ones not allotted: they stay on general sale.
 */
export function allotReleasedSeats(
  line: readonly WaitingEntryState[],
  released: readonly ReleasedSeat[],
  mayTake: (entry: WaitingEntryState) => boolean = () => true,
): Allotment[] {
  let left = [...released];
  const allotments: Allotment[] = [];
  for (const entry of [...line].sort(inLineOrder)) {
    if (left.length === 0) break;
    if (entry.status !== 'waiting' || !mayTake(entry)) continue;
    const fitting = entry.tier === null ? left : left.filter((seat) => seat.tier === entry.tier);
    if (fitting.length < entry.quantity) continue;
    const picked = pickTogether(fitting, entry.quantity);
    const taken = new Set(picked);
    left = left.filter((seat) => !taken.has(seat.id));
    allotments.push({ entry, seatIds: picked });
  }
  return allotments;
}

/** `count` of the seats, side by side in one run when some run has that many in a row, else the first in seat order. */
function pickTogether(seats: readonly ReleasedSeat[], count: number): string[] {
  const ordered = [...seats].sort((a, b) => compareText(seatRunKey(a), seatRunKey(b)) || a.number - b.number || compareText(a.id, b.id));
  for (let start = 0; start + count <= ordered.length; start += 1) {
    const window = ordered.slice(start, start + count);
    const together = window.every((seat, i) => i === 0 || (seatRunKey(seat) === seatRunKey(window[i - 1]!) && seat.number === window[i - 1]!.number + 1));
    if (together) return window.map((seat) => seat.id);
  }
  return ordered.slice(0, count).map((seat) => seat.id);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What an offered entry becomes once its booking moved on: `claimed` when paid, `lapsed`
 * when it ended unpaid; null while the booking is still a hold (or the entry is not offered).
 */
export function settledStatusOf(entry: WaitingEntryState, bookingStatus: BookingStatus): WaitingListStatus | null {
  if (entry.status !== 'offered') return null;
  switch (bookingStatus) {
    case 'paid':
    case 'confirmed':
      return 'claimed';
    case 'expired':
    case 'cancelled':
    case 'payment_failed':
    case 'rejected':
    case 'refunded':
      return 'lapsed';
    default:
      return null;
  }
}

/**
 * The batch's working copy of the lines it loaded: the waiting entries of its events and
 * the offered entries of its bookings. Every change goes through here, so the batch writes
 * back exactly the entries it changed.
 */
export class WaitingLines {
  private readonly entries = new Map<string, WaitingEntryState>();
  private readonly byOffer = new Map<string, string>();
  private readonly changedIds = new Set<string>();

  constructor(entries: Iterable<WaitingEntryState> = []) {
    for (const entry of entries) this.put(entry, false);
  }

  /** The entries still waiting at an event, in line order. */
  waiting(eventId: string): WaitingEntryState[] {
    return [...this.entries.values()].filter((entry) => entry.eventId === eventId && entry.status === 'waiting').sort(inLineOrder);
  }

  /** The entry a booking was offered to, if it was. */
  offerOf(bookingId: string | null): WaitingEntryState | undefined {
    const entryId = bookingId === null ? undefined : this.byOffer.get(bookingId);
    return entryId === undefined ? undefined : this.entries.get(entryId);
  }

  markOffered(entry: WaitingEntryState, bookingId: string, now: Date): void {
    this.put({ ...entry, status: 'offered', offeredBookingId: bookingId, offeredAt: now }, true);
  }

  /** Moves the entry a booking was offered to along with the booking. */
  settle(booking: { id: string; status: BookingStatus }): void {
    const entry = this.offerOf(booking.id);
    const status = entry && settledStatusOf(entry, booking.status);
    if (entry && status) this.put({ ...entry, status }, true);
  }

  changed(): WaitingEntryState[] {
    return [...this.changedIds].map((id) => this.entries.get(id)!);
  }

  private put(entry: WaitingEntryState, changed: boolean): void {
    this.entries.set(entry.id, entry);
    if (entry.offeredBookingId !== null) this.byOffer.set(entry.offeredBookingId, entry.id);
    if (changed) this.changedIds.add(entry.id);
  }
}

/** Why a buyer may not join an event's line, in a stable code and words for people; null: they may. */
export function joinRefusalOf(ask: {
  onSale: boolean;
  quantity: number;
  tier: string | null;
  maxSeatsPerBooking: number;
  /** Seats of the event (of the tier, if named): on general sale now, and in all. */
  seats: { available: number; total: number };
  alreadyInLine: boolean;
}): { code: 'INVALID_STATE' | 'VALIDATION_FAILED' | 'NOT_FOUND' | 'NOT_SOLD_OUT' | 'CONFLICT'; message: string } | null {
  if (!ask.onSale) return { code: 'INVALID_STATE', message: 'This event is not on sale.' };
  if (ask.quantity > ask.maxSeatsPerBooking) {
    return { code: 'VALIDATION_FAILED', message: `At most ${ask.maxSeatsPerBooking} seats can be held in one booking.` };
  }
  if (ask.tier !== null && ask.seats.total === 0) return { code: 'NOT_FOUND', message: `This event has no ${ask.tier} seats.` };
  if (ask.seats.available > 0) {
    const where = ask.tier === null ? 'This event' : `The ${ask.tier} tier`;
    return { code: 'NOT_SOLD_OUT', message: `${where} still has seats on sale: pick them on the map.` };
  }
  if (ask.alreadyInLine) return { code: 'CONFLICT', message: 'You are already on the waiting list for this event.' };
  return null;
}
