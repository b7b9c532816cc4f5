import {
  eventStatusAt,
  isStandingPlace,
  SEAT_HOLDING_STATUSES,
  type BookingCommand,
  type BookingStatus,
  type ErrorCode,
  type EventStatus,
  pickInRun,
  VIEW_PASSES,
  seatRunKey,
  strandedBy,
  type PaymentRequest,
  type RunSeat,
  type SeatAttribute,
  type SeatRun,
  type SeatStatus,
} from '@seatstorm/contracts';
import { allotReleasedSeats, offerBookingIdOf, offerCommandIdOf, WaitingLines, type WaitingEntryState } from '../waiting-list/waiting-list.rules';
import { areaKeyOf, describeTooFewPlaces, pickStandingPlaces, type StandingCandidates } from './standing.rules';

/**
 * The race and the booking state machine, as pure functions (docs/architecture.md §3–§4).
 *
 * `decideBatch` takes the seats, bookings and events a batch of commands
 * touches, how many live seats its buyers already have, and the commands in
 * Kafka offset order, and decides each command against the state the previous
 * ones left: first wins, and no account goes past its per-event seat limit.
 * It never reads a clock, a database or a broker; the booking service loads,
 * calls and saves.
 */

export interface SeatState {
  id: string;
  eventId: string;
  /** What people read (`A1`); messages name seats by it, while details carry ids. */
  label: string;
  status: SeatStatus;
  bookingId: string | null;
  price: number;
  section: string;
  row: string;
  number: number;
  tier: string;
  /** The seat's run within its row: seats are together when section, row and block match and numbers follow. */
  block: number;
  stageDistance: number;
  attributes: readonly SeatAttribute[];
}

export interface BookingState {
  id: string;
  eventId: string;
  userId: string;
  status: BookingStatus;
  /** The hold command that created it. */
  commandId: string;
  seatIds: string[];
  amount: number;
  expiresAt: Date | null;
  holdExtendedAt: Date | null;
  reason: string | null;
  /** The code of a failure beside its reason: a rejected hold's, a failed payment's; null otherwise. */
  failureCode: ErrorCode | null;
  /** How many more times the owner may extend the hold: the policy's number when granted, 0 once it stopped being a plain hold. */
  extensionsLeft: number;
  cardToken: string | null;
  chargePaymentId: string | null;
  refundPaymentId: string | null;
  createdAt: Date;
  /** When a decision last changed it. */
  updatedAt: Date;
}

export interface EventState {
  id: string;
  status: EventStatus;
  /** A scheduled event goes on sale at this moment, without anyone flipping its status. */
  onSaleAt?: Date;
  /** The most live seats one account may have at this event; absent or null: the policy's. */
  maxSeatsPerBuyer?: number | null;
  /** The waiting room is on: only admitted buyers hold (docs/architecture.md §8). */
  waitingRoom?: boolean;
  /** A hold may not leave a single free seat alone in its run (ORPHAN_SEAT). */
  noOrphanSeats?: boolean;
  /** When the show starts: companion seats go on general sale `companionReleaseMs` before it. */
  startsAt?: Date;
}

export function isOnSale(event: EventState, now: Date): boolean {
  return eventStatusAt(event, now) === 'on_sale';
}

export interface HoldPolicy {
  /** How long a hold lives. */
  holdTtlMs: number;
  /** Starting a payment extends the hold to at least now + this, once. */
  paymentExtensionMs: number;
  /** …but never beyond createdAt + this. */
  maxHoldLifetimeMs: number;
  /**
   * A hold whose charge was asked for and has no result yet keeps its seats
   * past its expiry, for at most this long after the payment started.
   */
  paymentResultWaitMs: number;
  /** The most seats one booking may claim. */
  maxSeatsPerBooking: number;
  /** The most live seats one account may have at one event, across its bookings, unless the event sets its own. */
  maxSeatsPerBuyer: number;
  /** Companion seats are held only with a wheelchair space until this long before the show. */
  companionReleaseMs: number;
  /** How many times the owner may ask for more time, and how much each time (never past maxHoldLifetimeMs). */
  holdExtensions: number;
  holdExtensionMs: number;
  /** How long seats offered from a waiting list are held for the buyer in line (docs/architecture.md §14). */
  waitingListClaimMs: number;
}

export interface BatchState {
  seats: ReadonlyMap<string, SeatState>;
  bookings: ReadonlyMap<string, BookingState>;
  events: ReadonlyMap<string, EventState>;
  /** Which of the users the batch's holds name exist. */
  users: ReadonlySet<string>;
  /**
   * Live seats (of reserved, paid and confirmed bookings) each account has at
   * each event, across all its bookings, keyed by `buyerKey`: at least for
   * every (user, event) pair the batch's holds name. A pair left out has none.
   */
  liveSeats: ReadonlyMap<string, number>;
  /**
   * The seats best available may choose from, per hold command asking for it: every seat of
   * the runs that matched its filters and had room (they are in `seats`), and whether those
   * are all such runs or only the nearest ones read. Whole runs, so no seat is stranded unseen.
   * The runs of seats a hold names are in `seats` too, whole, when the event forbids orphans.
   */
  bestCandidates?: ReadonlyMap<string, { seatIds: readonly string[]; complete: boolean }>;
  /**
   * The waiting lists (docs/architecture.md §14): the waiting entries of the batch's events,
   * whose buyers are in `liveSeats`, and the offered entries of its bookings.
   */
  waitingEntries?: readonly WaitingEntryState[];
  /**
   * The free places a hold asking for standing places (`ga`) may get, per hold command: the
   * lowest-numbered free places of its area read (they are in `seats`), whether those are all of
   * them, and whether the event has that area at all (standing.rules.ts).
   */
  standingCandidates?: ReadonlyMap<string, StandingCandidates>;
}

/** The key of one account at one event in `BatchState.liveSeats`. */
export function buyerKey(userId: string, eventId: string): string {
  // Ids never contain a space (idSchema), so no two pairs share a key.
  return `${userId} ${eventId}`;
}

/** Something the decision asks for beyond its own writes, done through the outbox. */
export type FollowUp = { kind: 'payment-request'; request: Omit<PaymentRequest, 'requestedAt'> } | { kind: 'confirm'; bookingId: string; eventId: string };

export interface Decision {
  command: BookingCommand;
  /** applied: state changed; rejected: refused with a reason; ignored: nothing to do (stale or repeated). */
  outcome: 'applied' | 'rejected' | 'ignored';
  /** The booking after the decision (absent when the command named no known booking). */
  booking?: BookingState;
  errorCode?: ErrorCode;
  reason?: string;
  unavailableSeatIds?: string[];
  followUps: FollowUp[];
  /**
   * Not final: nothing happened yet, and the command is not recorded as
   * decided, so the same command asked again later is decided afresh (an
   * expiry asked for before its time).
   */
  deferred?: boolean;
}

export interface BatchResult {
  decisions: Decision[];
  /** Final state of every seat the batch changed, with the state it expects to overwrite. */
  seatChanges: Array<{ before: SeatState; after: SeatState }>;
  /** Bookings created or changed by the batch, final state. */
  bookings: BookingState[];
  /**
   * Best-available holds that found no seats among the runs read, while more runs exist: the
   * batch must be decided again with more of them before any of it is kept.
   */
  needsMoreCandidates: string[];
  /** Waiting-list entries the batch changed (offered, claimed, lapsed), final state. */
  waitingEntries: WaitingEntryState[];
  /** The bookings the batch made for the waiting list, by id: holds no command asked for. */
  offers: string[];
  /** Holds of standing places that found too few among the places read, while more exist: decide again with more. */
  needsMorePlaces: string[];
}

const HOLDING: ReadonlySet<BookingStatus> = new Set(SEAT_HOLDING_STATUSES);
/** The seat status each holding booking status shows on the map. */
const SEAT_STATUS_OF: Partial<Record<BookingStatus, SeatStatus>> = { reserved: 'reserved', paid: 'paid', confirmed: 'confirmed' };

/**
 * Every transition the state machine allows (docs/architecture.md §3). A status
 * not listed as a key is final.
 */
export const TRANSITIONS: Readonly<Partial<Record<BookingStatus, readonly BookingStatus[]>>> = {
  pending: ['reserved', 'rejected'],
  reserved: ['paid', 'payment_failed', 'expired', 'cancelled'],
  paid: ['confirmed', 'refunded'],
  confirmed: ['refunded'],
  // A charge that lands after its hold ended is refunded automatically.
  expired: ['refunded'],
  cancelled: ['refunded'],
  payment_failed: ['refunded'],
};

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

export function decideBatch(state: BatchState, commands: readonly BookingCommand[], now: Date, policy: HoldPolicy): BatchResult {
  const working = new Working(state, now);
  const lines = new WaitingLines(state.waitingEntries);
  const offers: string[] = [];
  const decisions = commands.map((command) => {
    const decision = decide(working, command, now, policy);
    // Before the next command: what this one released is the line's before anyone else's.
    offers.push(...offerReleasedSeats(working, lines, now, policy));
    return decision;
  });
  const bookings = working.changedBookings();
  for (const booking of bookings) lines.settle(booking);
  return {
    decisions,
    seatChanges: working.seatChanges(),
    bookings,
    needsMoreCandidates: working.needsMoreCandidates,
    needsMorePlaces: working.needsMorePlaces,
    waitingEntries: lines.changed(),
    offers,
  };
}

/**
 * Offers the seats the last command released to the waiting lists of their events, in line
 * order, each as a hold for the buyer in line that lasts `waitingListClaimMs`. Seats an offer
 * gave back (it lapsed) go to general sale rather than down the line, and so do the seats
 * nobody in line can take: they are simply left available. Returns the offers' booking ids.
 */
function offerReleasedSeats(state: Working, lines: WaitingLines, now: Date, policy: HoldPolicy): string[] {
  const byEvent = new Map<string, SeatState[]>();
  for (const { seatId, bookingId } of state.takeReleased()) {
    const seat = state.seat(seatId);
    if (!seat || !isFree(seat) || lines.offerOf(bookingId)) continue;
    byEvent.set(seat.eventId, [...(byEvent.get(seat.eventId) ?? []), seat]);
  }
  const offers: string[] = [];
  for (const [eventId, seats] of byEvent) {
    const event = state.event(eventId);
    const line = lines.waiting(eventId);
    if (!event || line.length === 0 || !isOnSale(event, now)) continue;
    const limit = event.maxSeatsPerBuyer ?? policy.maxSeatsPerBuyer;
    const allotments = allotReleasedSeats(line, seats, (entry) => state.liveSeatsOf(entry.userId, eventId) + entry.quantity <= limit);
    for (const { entry, seatIds } of allotments) {
      const booking = state.createOffer(
        entry,
        seatIds.map((id) => state.seat(id)!),
        now,
        new Date(now.getTime() + policy.waitingListClaimMs),
      );
      state.paintSeats(booking);
      lines.markOffered(entry, booking.id, now);
      offers.push(booking.id);
    }
  }
  return offers;
}

function decide(state: Working, command: BookingCommand, now: Date, policy: HoldPolicy): Decision {
  switch (command.type) {
    case 'hold':
      return decideHold(state, command, now, policy);
    case 'cancel':
      return decideCancel(state, command);
    case 'expire':
      return decideExpire(state, command, now, policy);
    case 'extend':
      return decideExtend(state, command, now, policy);
    case 'pay':
      return decidePay(state, command, now, policy);
    case 'payment-result':
      return decidePaymentResult(state, command);
    case 'confirm':
      return decideConfirm(state, command);
    case 'set-blocked':
      return decideSetBlocked(state, command);
  }
}

type CommandOf<T extends BookingCommand['type']> = Extract<BookingCommand, { type: T }>;

function decideHold(state: Working, command: CommandOf<'hold'>, now: Date, policy: HoldPolicy): Decision {
  const existing = state.booking(command.bookingId);
  if (existing) return { command, outcome: 'ignored', booking: existing, followUps: [] };

  const reject = (errorCode: ErrorCode, reason: string, unavailableSeatIds?: string[]): Decision => {
    const booking = state.createBooking(command, 'rejected', [], now, null, { reason, failureCode: errorCode, extensionsLeft: 0 });
    return { command, outcome: 'rejected', booking, errorCode, reason, unavailableSeatIds, followUps: [] };
  };

  // A deleted account's token can outlive it, and anyone who can write to the
  // topic can name any id: a hold from no one is refused, whatever it asks for.
  if (!state.userExists(command.userId)) return reject('UNAUTHORIZED', 'Your account no longer exists. Please sign in again.');
  const event = state.event(command.eventId);
  if (!event) return reject('NOT_FOUND', `Event ${command.eventId} was not found.`);
  if (!isOnSale(event, now)) return reject('INVALID_STATE', 'This event is not on sale.');
  // Decided here, with the event locked, so that turning a room on takes effect with the very next hold.
  if (event.waitingRoom && !command.admitted) {
    return reject('ADMISSION_REQUIRED', 'This event has a waiting room: join the queue, and hold seats once you are let in.');
  }
  if (now.getTime() > Date.parse(command.deadline)) {
    return reject('HOLD_EXPIRED', 'The request waited too long to be decided; nothing was held. Please try again.');
  }
  const asked = (command.best?.count ?? command.seatIds.length) + (command.ga?.quantity ?? 0);
  if (command.best && command.seatIds.length > 0) return reject('VALIDATION_FAILED', 'Name seats or ask for the best available, not both.');
  if (command.best && command.ga) return reject('VALIDATION_FAILED', 'Standing places go with seats you pick, not with the best available.');
  if (asked === 0) return reject('VALIDATION_FAILED', 'Pick at least one seat.');
  if (new Set(command.seatIds).size !== command.seatIds.length) return reject('VALIDATION_FAILED', 'A seat appears twice.');
  if (asked > policy.maxSeatsPerBooking) {
    return reject('VALIDATION_FAILED', `At most ${policy.maxSeatsPerBooking} seats can be held at once.`);
  }
  const named = command.seatIds.map((id) => state.seat(id));
  const unknown = command.seatIds.filter((id, i) => named[i]?.eventId !== command.eventId);
  if (unknown.length > 0) return reject('NOT_FOUND', `No such seats at this event: ${unknown.join(', ')}.`, unknown);
  const placesNamed = named.filter((seat) => isStandingPlace(seat!)).map((seat) => seat!);
  if (placesNamed.length > 0) {
    return reject(
      'VALIDATION_FAILED',
      `${labelsOf(placesNamed)}: standing places are not picked one by one; ask for how many (ga).`,
      placesNamed.map((seat) => seat.id),
    );
  }
  // Before the seats' availability: someone at the limit gains nothing from hearing a seat is taken and picking another.
  const limit = event.maxSeatsPerBuyer ?? policy.maxSeatsPerBuyer;
  const live = state.liveSeatsOf(command.userId, command.eventId);
  if (live + asked > limit) return reject('BUYER_LIMIT_REACHED', describeBuyerLimit(limit, live));
  const companionsOnSale = event.startsAt !== undefined && now.getTime() >= event.startsAt.getTime() - policy.companionReleaseMs;

  let seats: SeatState[];
  if (command.best) {
    const picked = state.pickBest(command, companionsOnSale);
    if (picked === 'needs-more') return { command, outcome: 'ignored', followUps: [], deferred: true };
    if (!picked) return reject('NOT_ENOUGH_SEATS_TOGETHER', describeNoneTogether(command.best));
    seats = picked;
  } else {
    seats = named.map((seat) => seat!);
    const taken = seats.filter((seat) => !isFree(seat));
    if (taken.length > 0) {
      const [noun, verb] = taken.length === 1 ? ['Seat', 'is'] : ['Seats', 'are'];
      return reject(
        'SEAT_UNAVAILABLE',
        `${noun} ${labelsOf(taken)} ${verb} no longer available.`,
        taken.map((seat) => seat.id),
      );
    }
    const lonelyCompanions =
      companionsOnSale || seats.some((seat) => seat.attributes.includes('wheelchair')) ? [] : seats.filter((seat) => seat.attributes.includes('companion'));
    if (lonelyCompanions.length > 0) {
      return reject(
        'COMPANION_SEAT_ALONE',
        `${labelsOf(lonelyCompanions)} ${lonelyCompanions.length === 1 ? 'is a companion seat' : 'are companion seats'}: hold ${lonelyCompanions.length === 1 ? 'it' : 'them'} together with a wheelchair space.`,
        lonelyCompanions.map((seat) => seat.id),
      );
    }
    if (event.noOrphanSeats) {
      const stranded = state.strandedBy(seats);
      if (stranded.length > 0) {
        const one = stranded.length === 1;
        return reject(
          'ORPHAN_SEAT',
          `This would leave ${one ? 'seat' : 'seats'} ${labelsOf(stranded)} on ${one ? 'its' : 'their'} own in the row. Include ${one ? 'it' : 'them'}, or pick seats that leave no single gap.`,
          stranded.map((seat) => seat.id),
        );
      }
    }
  }
  if (command.ga) {
    const places = pickStandingPlaces(state, command);
    if (places === 'needs-more') return { command, outcome: 'ignored', followUps: [], deferred: true };
    if (places === 'no-such-area') return reject('NOT_FOUND', `This event has no standing area ${command.ga.areaId}.`);
    if (!places) return reject('NOT_ENOUGH_PLACES', describeTooFewPlaces(command.ga, state.placesLeft(command)));
    seats = [...seats, ...places];
  }

  const booking = state.createBooking(command, 'reserved', seats, now, new Date(now.getTime() + policy.holdTtlMs), {
    reason: null,
    failureCode: null,
    extensionsLeft: policy.holdExtensions,
  });
  state.paintSeats(booking);
  return { command, outcome: 'applied', booking, followUps: [] };
}

/** One run of one row of one event: the seats that can be together. */
function runKeyOf(seat: SeatState): string {
  return `${seat.eventId}\u0001${seatRunKey(seat)}`;
}

/** Free to hold: available, and no booking's. */
function isFree(seat: SeatState): boolean {
  return seat.status === 'available' && seat.bookingId === null;
}

function describeNoneTogether(best: NonNullable<CommandOf<'hold'>['best']>): string {
  const where = [best.tier, best.section && `section ${best.section}`].filter(Boolean).join(', ');
  const what = `${best.count} ${best.accessible ? 'seats with a wheelchair space' : 'seats'} together`;
  return `No ${what} are left${where ? ` in ${where}` : ''}. Try fewer seats or another part of the venue, or pick seats on the map.`;
}

function decideCancel(state: Working, command: CommandOf<'cancel'>): Decision {
  const booking = state.booking(command.bookingId);
  if (!booking) return notFound(command);
  if (booking.userId !== command.userId) return rejected(command, booking, 'FORBIDDEN', 'Only the owner can cancel this booking.');
  if (booking.status === 'reserved') {
    const next = state.transition(booking, 'cancelled', 'Cancelled by the owner.');
    return { command, outcome: 'applied', booking: next, followUps: [] };
  }
  if (booking.status === 'paid' || booking.status === 'confirmed') {
    if (booking.refundPaymentId) return { command, outcome: 'ignored', booking, followUps: [] };
    return requestRefund(state, command, booking, 'Refund requested by the owner.');
  }
  return rejected(command, booking, 'INVALID_STATE', `A ${booking.status.replace('_', ' ')} booking cannot be cancelled.`);
}

function decideExpire(state: Working, command: CommandOf<'expire'>, now: Date, policy: HoldPolicy): Decision {
  const booking = state.booking(command.bookingId);
  if (!booking) return notFound(command);
  // The sweeper may ask twice, or after a payment extended the hold: only a
  // hold whose time has really run out expires.
  if (booking.status !== 'reserved' || !booking.expiresAt) return { command, outcome: 'ignored', booking, followUps: [] };
  // Asked before its time (a clock stepped back): put off, so that asking again under the same id still works.
  if (booking.expiresAt > now) return { command, outcome: 'ignored', booking, followUps: [], deferred: true };
  // A charge in flight (asked for; a result would have made the booking paid or
  // payment_failed): its seats wait for the result, or the buyer could be charged
  // for seats someone else took. The hold runs on to a bound, past which it
  // expires (the sweeper asks again then) and a late success is refunded.
  const resultDue = (booking.holdExtendedAt ?? booking.createdAt).getTime() + policy.paymentResultWaitMs;
  if (booking.chargePaymentId && now.getTime() < resultDue) {
    const next = state.update(booking, { expiresAt: new Date(resultDue) });
    return { command, outcome: 'applied', booking: next, followUps: [] };
  }
  const next = state.transition(booking, 'expired', 'The hold expired before payment; the seats are released.');
  return { command, outcome: 'applied', booking: next, followUps: [] };
}

/**
 * More time for a hold, asked by its owner: the expiry moves `holdExtensionMs` on from when it
 * was due (or from now, were it already due), at most `holdExtensions` times and never past the
 * hold's maximum lifetime. A hold whose payment started is already kept for the payment.
 */
function decideExtend(state: Working, command: CommandOf<'extend'>, now: Date, policy: HoldPolicy): Decision {
  const booking = state.booking(command.bookingId);
  if (!booking) return notFound(command);
  if (booking.userId !== command.userId) return rejected(command, booking, 'FORBIDDEN', 'Only the owner can ask for more time.');
  if (booking.status === 'expired' || (booking.status === 'reserved' && booking.expiresAt && booking.expiresAt <= now)) {
    return rejected(command, booking, 'HOLD_EXPIRED', 'Your hold expired, so the seats were released. Please pick them again.');
  }
  if (booking.status !== 'reserved') return rejected(command, booking, 'INVALID_STATE', `A ${booking.status.replace('_', ' ')} booking has no hold to extend.`);
  if (booking.chargePaymentId) return rejected(command, booking, 'INVALID_STATE', 'Your payment is in progress: the seats are kept until it is done.');
  const cap = booking.createdAt.getTime() + policy.maxHoldLifetimeMs;
  const due = booking.expiresAt?.getTime() ?? now.getTime();
  if (booking.extensionsLeft <= 0 || due >= cap) {
    return rejected(command, booking, 'EXTENSION_LIMIT_REACHED', 'This hold cannot be extended any more: please pay before it ends.');
  }
  const next = state.update(booking, {
    expiresAt: new Date(Math.min(Math.max(due, now.getTime()) + policy.holdExtensionMs, cap)),
    extensionsLeft: booking.extensionsLeft - 1,
  });
  return { command, outcome: 'applied', booking: next, followUps: [] };
}

function decidePay(state: Working, command: CommandOf<'pay'>, now: Date, policy: HoldPolicy): Decision {
  const booking = state.booking(command.bookingId);
  if (!booking) return notFound(command);
  if (booking.userId !== command.userId) return rejected(command, booking, 'FORBIDDEN', 'Only the owner can pay for this booking.');
  if (booking.chargePaymentId) {
    return booking.chargePaymentId === command.paymentId
      ? { command, outcome: 'ignored', booking, followUps: [] }
      : rejected(command, booking, 'INVALID_STATE', 'A payment for this booking is already in progress or done.');
  }
  if (booking.status !== 'reserved') {
    return rejected(command, booking, booking.status === 'expired' ? 'HOLD_EXPIRED' : 'INVALID_STATE', describeUnpayable(booking.status));
  }
  if (booking.expiresAt && booking.expiresAt <= now) {
    // The sweeper has not caught it yet: the hold is over all the same.
    const expired = state.transition(booking, 'expired', 'The hold expired before payment; the seats are released.');
    return rejected(command, expired, 'HOLD_EXPIRED', 'Your hold expired, so the seats were released. Please pick them again.');
  }

  // A payment in flight must not be overtaken by expiry: extend the hold once, up to a cap.
  // Never shorter than it was, never beyond the cap.
  const cap = booking.createdAt.getTime() + policy.maxHoldLifetimeMs;
  const current = booking.expiresAt?.getTime() ?? now.getTime();
  const next = state.update(booking, {
    expiresAt: new Date(Math.max(current, Math.min(now.getTime() + policy.paymentExtensionMs, cap))),
    holdExtendedAt: now,
    // The payment keeps the seats from now on; more time is no longer the owner's to ask for.
    extensionsLeft: 0,
    cardToken: command.cardToken,
    chargePaymentId: command.paymentId,
  });
  return {
    command,
    outcome: 'applied',
    booking: next,
    followUps: [{ kind: 'payment-request', request: chargeOf(next, command.paymentId, command.cardToken) }],
  };
}

function decidePaymentResult(state: Working, command: CommandOf<'payment-result'>): Decision {
  const booking = state.booking(command.bookingId);
  if (!booking) return notFound(command);

  if (command.kind === 'refund') {
    if (command.paymentId !== booking.refundPaymentId || booking.status === 'refunded') {
      return { command, outcome: 'ignored', booking, followUps: [] };
    }
    if (command.outcome === 'failed') {
      const cause = (command.reason ?? 'unknown error').replace(/\.$/, '');
      const next = state.update(booking, { reason: `The refund failed (${cause}). Support will follow up.` });
      return { command, outcome: 'rejected', booking: next, errorCode: 'SERVICE_UNAVAILABLE', reason: next.reason ?? undefined, followUps: [] };
    }
    const next = state.transition(booking, 'refunded', 'Refunded.');
    return { command, outcome: 'applied', booking: next, followUps: [] };
  }

  // A charge's result: only the charge this booking started counts.
  if (command.paymentId !== booking.chargePaymentId) return { command, outcome: 'ignored', booking, followUps: [] };
  if (command.outcome === 'succeeded') {
    if (booking.status === 'reserved') {
      const next = state.transition(booking, 'paid', null);
      return { command, outcome: 'applied', booking: next, followUps: [{ kind: 'confirm', bookingId: next.id, eventId: next.eventId }] };
    }
    if (!HOLDING.has(booking.status) && !booking.refundPaymentId) {
      // The money arrived after the hold ended: give it back.
      return requestRefund(state, command, booking, 'The payment arrived after the hold ended; it is being refunded.');
    }
    return { command, outcome: 'ignored', booking, followUps: [] };
  }
  if (booking.status !== 'reserved') return { command, outcome: 'ignored', booking, followUps: [] };
  const reason = command.reason ?? 'The payment failed.';
  const next = state.transition(booking, 'payment_failed', reason, command.failureCode ?? null);
  return { command, outcome: 'applied', booking: next, reason, followUps: [] };
}

function decideConfirm(state: Working, command: CommandOf<'confirm'>): Decision {
  const booking = state.booking(command.bookingId);
  if (!booking) return notFound(command);
  if (booking.status !== 'paid') return { command, outcome: 'ignored', booking, followUps: [] };
  const next = state.transition(booking, 'confirmed', null);
  return { command, outcome: 'applied', booking: next, followUps: [] };
}

/**
 * Takes seats off sale or puts them back, all or nothing. A seat a booking
 * holds is never touched: blocking it is refused, naming it.
 */
function decideSetBlocked(state: Working, command: CommandOf<'set-blocked'>): Decision {
  const seats = command.seatIds.map((id) => state.seat(id));
  const unknown = command.seatIds.filter((id, i) => seats[i]?.eventId !== command.eventId);
  if (unknown.length > 0) {
    return {
      command,
      outcome: 'rejected',
      errorCode: 'NOT_FOUND',
      reason: `No such seats at this event: ${unknown.join(', ')}.`,
      unavailableSeatIds: unknown,
      followUps: [],
    };
  }
  const from: SeatStatus = command.blocked ? 'available' : 'blocked';
  const held = seats.filter((seat) => seat!.bookingId !== null).map((seat) => seat!);
  if (held.length > 0) {
    const reason = `Held by a booking: ${labelsOf(held)}.`;
    return { command, outcome: 'rejected', errorCode: 'SEAT_UNAVAILABLE', reason, unavailableSeatIds: held.map((seat) => seat.id), followUps: [] };
  }
  const changing = seats.filter((seat) => seat!.status === from);
  for (const seat of changing) state.setSeatStatus(seat!.id, command.blocked ? 'blocked' : 'available');
  return { command, outcome: changing.length > 0 ? 'applied' : 'ignored', followUps: [] };
}

function requestRefund(state: Working, command: BookingCommand, booking: BookingState, reason: string): Decision {
  const refundPaymentId = `rfd_${booking.id}`;
  const next = state.update(booking, { refundPaymentId, reason });
  return {
    command,
    outcome: 'applied',
    booking: next,
    followUps: [
      {
        kind: 'payment-request',
        request: { ...chargeOf(next, refundPaymentId, next.cardToken ?? 'tok_unknown'), kind: 'refund' },
      },
    ],
  };
}

function chargeOf(booking: BookingState, paymentId: string, cardToken: string): Omit<PaymentRequest, 'requestedAt'> {
  return {
    kind: 'charge',
    paymentId,
    bookingId: booking.id,
    eventId: booking.eventId,
    userId: booking.userId,
    amount: booking.amount,
    cardToken,
  };
}

/** Seats as a person names them: `A1, A2`. */
function labelsOf(seats: readonly SeatState[]): string {
  return seats.map((seat) => seat.label).join(', ');
}

function notFound(command: BookingCommand): Decision {
  return { command, outcome: 'rejected', errorCode: 'NOT_FOUND', reason: 'This booking was not found.', followUps: [] };
}

function rejected(command: BookingCommand, booking: BookingState, errorCode: ErrorCode, reason: string): Decision {
  return { command, outcome: 'rejected', booking, errorCode, reason, followUps: [] };
}

/** Why a hold would take its buyer past the event's limit, and what is still possible. */
function describeBuyerLimit(limit: number, live: number): string {
  const most = `You can have at most ${seatsOf(limit)} at this event`;
  if (live === 0) return `${most}.`;
  if (live >= limit) return `${most}, and you already hold ${live}.`;
  return `${most}; you hold ${live}, so at most ${limit - live} more.`;
}

const priceOf = (seats: readonly SeatState[]): number => seats.reduce((total, seat) => total + seat.price, 0);

const seatsOf = (n: number): string => (n === 1 ? '1 seat' : `${n} seats`);

/** How many seats a booking holds as it stands: all of its seats while its status holds them, else none. */
function seatsHeldBy(booking: BookingState | undefined): number {
  return booking && HOLDING.has(booking.status) ? booking.seatIds.length : 0;
}

function describeUnpayable(status: BookingStatus): string {
  switch (status) {
    case 'paid':
    case 'confirmed':
      return 'This booking is already paid.';
    case 'expired':
      return 'Your hold expired, so the seats were released. Please pick them again.';
    default:
      return `A ${status.replace('_', ' ')} booking cannot be paid.`;
  }
}

/**
 * The batch's working copy: every command sees what the earlier ones did.
 * Remembers the first state of each seat so the database update can insist on
 * it (docs/architecture.md §4.4), and keeps each buyer's live seats current:
 * a hold granted earlier in the batch counts, a booking that stopped holding
 * earlier in the batch gives its seats back.
 */
class Working {
  private readonly seats = new Map<string, SeatState>();
  private readonly originalSeats = new Map<string, SeatState>();
  private readonly bookings = new Map<string, BookingState>();
  private readonly changed = new Set<string>();
  private readonly liveSeats: Map<string, number>;
  /** The seat ids of each run the batch read, in number order. */
  private readonly runs = new Map<string, string[]>();
  private readonly runDistances = new Map<string, number>();
  private readonly rankings = new WeakMap<object, Map<string, string[]>>();
  readonly needsMoreCandidates: string[] = [];
  private readonly released: Array<{ seatId: string; bookingId: string | null }> = [];
  readonly needsMorePlaces: string[] = [];
  /** The places of each standing area the batch read, in number order, built on first use. */
  private areaPlaces?: Map<string, string[]>;

  constructor(
    private readonly initial: BatchState,
    private readonly now: Date,
  ) {
    for (const [id, seat] of initial.seats) this.seats.set(id, seat);
    for (const [id, booking] of initial.bookings) this.bookings.set(id, booking);
    this.liveSeats = new Map(initial.liveSeats);
    const ordered = [...initial.seats.values()].sort((a, b) => a.number - b.number);
    for (const seat of ordered) {
      const key = runKeyOf(seat);
      const run = this.runs.get(key);
      if (run) run.push(seat.id);
      else this.runs.set(key, [seat.id]);
    }
  }

  /** The free seats holding `taking` would leave alone, in the runs it touches, as the batch stands. */
  strandedBy(taking: readonly SeatState[]): SeatState[] {
    const ids = new Set(taking.map((seat) => seat.id));
    const keys = new Set(taking.map(runKeyOf));
    return [...keys].flatMap((key) => strandedBy(this.run(key), ids).map((seat) => this.seats.get(seat.id)!));
  }

  /**
   * Best available among the runs read for this hold: the seats, none (refused), or
   * `needs-more` when the nearest runs read had none and others exist.
   */
  pickBest(command: CommandOf<'hold'>, companionsOnSale: boolean): SeatState[] | undefined | 'needs-more' {
    const best = command.best!;
    const candidates = this.initial.bestCandidates?.get(command.commandId);
    const ranked = candidates ? this.rankedRuns(command.eventId, best, candidates) : [];
    const request = { count: best.count, accessible: best.accessible === true, companionsOnSale };
    for (const pass of VIEW_PASSES) {
      // A restricted view only once no clear seats are together anywhere: the runs not read yet may have some.
      if (pass.restrictedView && candidates && !candidates.complete) {
        this.needsMoreCandidates.push(command.commandId);
        return 'needs-more';
      }
      for (const key of ranked) {
        const picked = pickInRun(this.run(key), request, pass);
        if (picked) return picked.map((id) => this.seats.get(id)!);
      }
    }
    return undefined;
  }

  /**
   * The runs among the candidates that match the hold's tier and section, nearest the stage first.
   * Holds of one group share their candidates, and runs never move: worked out once per group.
   */
  private rankedRuns(eventId: string, best: NonNullable<CommandOf<'hold'>['best']>, candidates: { seatIds: readonly string[] }): string[] {
    const filter = JSON.stringify([eventId, best.tier ?? null, best.section ?? null]);
    const known = this.rankings.get(candidates)?.get(filter);
    if (known) return known;
    const keys = new Set<string>();
    for (const id of candidates.seatIds) {
      const seat = this.seats.get(id);
      if (!seat || seat.eventId !== eventId) continue;
      if ((best.tier !== undefined && seat.tier !== best.tier) || (best.section !== undefined && seat.section !== best.section)) continue;
      keys.add(runKeyOf(seat));
    }
    // Nearest run first, each built only when its turn comes: most holds are seated by the first one or two.
    const ranked = [...keys].sort((a, b) => this.runDistance(a) - this.runDistance(b) || (a < b ? -1 : a > b ? 1 : 0));
    const byFilter = this.rankings.get(candidates) ?? new Map<string, string[]>();
    byFilter.set(filter, ranked);
    this.rankings.set(candidates, byFilter);
    return ranked;
  }

  /** A run's distance to the stage: its nearest seat's, which no decision changes. */
  private runDistance(key: string): number {
    let distance = this.runDistances.get(key);
    if (distance === undefined) {
      distance = Math.min(...(this.runs.get(key) ?? []).map((id) => this.seats.get(id)!.stageDistance));
      this.runDistances.set(key, distance);
    }
    return distance;
  }

  private run(key: string): SeatRun {
    const seats = (this.runs.get(key) ?? []).map((id): RunSeat => {
      const seat = this.seats.get(id)!;
      return { id, number: seat.number, free: isFree(seat), stageDistance: seat.stageDistance, attributes: seat.attributes };
    });
    return { key, seats, stageDistance: this.runDistance(key) };
  }

  /** The places of the hold's area the batch read (candidates, and places of the bookings it loaded), as they now stand. */
  placesOf(command: CommandOf<'hold'>): SeatState[] {
    if (!this.areaPlaces) {
      this.areaPlaces = new Map();
      const places = [...this.seats.values()].filter((seat) => isStandingPlace(seat)).sort((a, b) => a.number - b.number);
      for (const place of places) {
        const key = areaKeyOf(place.eventId, place.section);
        const ids = this.areaPlaces.get(key);
        if (ids) ids.push(place.id);
        else this.areaPlaces.set(key, [place.id]);
      }
    }
    return (this.areaPlaces.get(areaKeyOf(command.eventId, command.ga!.areaId)) ?? []).map((id) => this.seats.get(id)!);
  }

  standingCandidatesOf(commandId: string): StandingCandidates | undefined {
    return this.initial.standingCandidates?.get(commandId);
  }

  /** How many free places of the hold's area the batch knows of (all there are, once the pick needed no more). */
  placesLeft(command: CommandOf<'hold'>): number {
    return this.placesOf(command).filter(isFree).length;
  }

  liveSeatsOf(userId: string, eventId: string): number {
    return this.liveSeats.get(buyerKey(userId, eventId)) ?? 0;
  }

  event(id: string): EventState | undefined {
    return this.initial.events.get(id);
  }

  userExists(id: string): boolean {
    return this.initial.users.has(id);
  }

  seat(id: string): SeatState | undefined {
    return this.seats.get(id);
  }

  booking(id: string): BookingState | undefined {
    return this.bookings.get(id);
  }

  createBooking(
    command: CommandOf<'hold'>,
    status: 'reserved' | 'rejected',
    seats: SeatState[],
    now: Date,
    expiresAt: Date | null,
    { reason, failureCode, extensionsLeft }: Pick<BookingState, 'reason' | 'failureCode' | 'extensionsLeft'>,
  ): BookingState {
    // A granted hold owns the seats it got (picked, for best available); a refused one what it asked for.
    const seatIds = status === 'reserved' ? seats.map((seat) => seat.id) : [...command.seatIds];
    return this.newBooking({ ...command, status, seatIds, amount: priceOf(seats), expiresAt, reason, failureCode, extensionsLeft }, now);
  }

  /** The hold a waiting-list entry is offered: its seats for its buyer until `expiresAt`, with no more time to ask for. */
  createOffer(entry: WaitingEntryState, seats: SeatState[], now: Date, expiresAt: Date): BookingState {
    const booking = {
      bookingId: offerBookingIdOf(entry.id),
      eventId: entry.eventId,
      userId: entry.userId,
      commandId: offerCommandIdOf(entry.id),
      status: 'reserved' as const,
      seatIds: seats.map((seat) => seat.id),
      amount: priceOf(seats),
      expiresAt,
      reason: null,
      failureCode: null,
      extensionsLeft: 0,
    };
    return this.newBooking(booking, now);
  }

  private newBooking(
    fields: Pick<
      BookingState,
      'eventId' | 'userId' | 'status' | 'commandId' | 'seatIds' | 'amount' | 'expiresAt' | 'reason' | 'failureCode' | 'extensionsLeft'
    > & {
      bookingId: string;
    },
    now: Date,
  ): BookingState {
    const { bookingId, eventId, userId, status, commandId, seatIds, amount, expiresAt, reason, failureCode, extensionsLeft } = fields;
    const booking: BookingState = {
      id: bookingId,
      eventId,
      userId,
      status,
      commandId,
      seatIds,
      amount,
      expiresAt,
      holdExtendedAt: null,
      reason,
      failureCode,
      extensionsLeft,
      cardToken: null,
      chargePaymentId: null,
      refundPaymentId: null,
      createdAt: now,
      updatedAt: now,
    };
    this.put(booking);
    return booking;
  }

  /** The seats freed since the last call, with the booking that gave each back (null: an admin unblocked it). */
  takeReleased(): Array<{ seatId: string; bookingId: string | null }> {
    return this.released.splice(0);
  }

  /** Moves a booking along the state machine and repaints its seats; a failure code holds only for the status it came with. */
  transition(booking: BookingState, to: BookingStatus, reason: string | null, failureCode: ErrorCode | null = null): BookingState {
    if (!canTransition(booking.status, to)) {
      throw new Error(`illegal booking transition ${booking.status} → ${to} (${booking.id})`);
    }
    const next = this.update(booking, { status: to, reason: reason ?? booking.reason, failureCode, extensionsLeft: 0 });
    this.paintSeats(next);
    return next;
  }

  update(booking: BookingState, patch: Partial<BookingState>): BookingState {
    const next = { ...booking, ...patch, updatedAt: this.now };
    this.put(next);
    return next;
  }

  /** Seats of a holding booking show its status; a booking that stopped holding frees the seats it still holds. */
  paintSeats(booking: BookingState): void {
    const status = SEAT_STATUS_OF[booking.status];
    for (const id of booking.seatIds) {
      const seat = this.seats.get(id);
      if (!seat) continue;
      if (status) {
        this.putSeat({ ...seat, status, bookingId: booking.id });
      } else if (seat.bookingId === booking.id) {
        this.putSeat({ ...seat, status: 'available', bookingId: null });
        this.released.push({ seatId: id, bookingId: booking.id });
      }
    }
  }

  /** An admin's change of a free seat: it belongs to no booking before or after. */
  setSeatStatus(id: string, status: 'available' | 'blocked'): void {
    const seat = this.seats.get(id);
    if (!seat || seat.bookingId !== null) return;
    this.putSeat({ ...seat, status });
    if (status === 'available') this.released.push({ seatId: id, bookingId: null });
  }

  seatChanges(): Array<{ before: SeatState; after: SeatState }> {
    return [...this.originalSeats.values()].flatMap((before) => {
      const after = this.seats.get(before.id)!;
      return after.status === before.status && after.bookingId === before.bookingId ? [] : [{ before, after }];
    });
  }

  changedBookings(): BookingState[] {
    return [...this.changed].map((id) => this.bookings.get(id)!);
  }

  /** Every change of a booking goes through here, so its buyer's count moves by what it holds now minus what it held before. */
  private put(booking: BookingState): void {
    const delta = seatsHeldBy(booking) - seatsHeldBy(this.bookings.get(booking.id));
    if (delta !== 0) {
      const key = buyerKey(booking.userId, booking.eventId);
      this.liveSeats.set(key, (this.liveSeats.get(key) ?? 0) + delta);
    }
    this.bookings.set(booking.id, booking);
    this.changed.add(booking.id);
  }

  /** Marks a standing hold as needing more of its area's places read before the batch is kept. */
  askMorePlaces(commandId: string): void {
    this.needsMorePlaces.push(commandId);
  }

  private putSeat(seat: SeatState): void {
    if (!this.originalSeats.has(seat.id)) this.originalSeats.set(seat.id, this.seats.get(seat.id)!);
    this.seats.set(seat.id, seat);
  }
}
