import {
  BOOKING_STATUSES,
  type BookingCommand,
  type BookingStatus,
  type ErrorCode,
  type EventStatus,
  type PaymentFailureCode,
  type SeatStatus,
} from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { holdPolicy } from '../../../../test/builders/hold-policy.builder';
import {
  type BatchResult,
  type BatchState,
  type BookingState,
  type Decision,
  type FollowUp,
  type SeatState,
  TRANSITIONS,
  buyerKey,
  canTransition,
  decideBatch,
} from './booking.rules';

// ---------------------------------------------------------------------------
// Builders: an event on sale with numbered seats, bookings as the database
// holds them, and one builder per command.
// ---------------------------------------------------------------------------

const EVENT_ID = 'evt_eras';
const OTHER_EVENT_ID = 'evt_other';
const ALICE = 'usr_alice';
const BOB = 'usr_bob';
const CAROL = 'usr_carol';
/** A user id no account has: deleted since their token was issued, or made up. */
const GHOST = 'usr_gone';
const CARD = 'tok_test_4242';
const MINUTE = 60_000;
const T0 = new Date('2026-11-22T10:00:00.000Z');
/**
 * A hold lives 10 minutes; paying extends it to now + 5 minutes, never beyond 12 minutes after it was made.
 * One booking claims at most 4 seats; one account has at most 6 live seats at an event that sets no limit of its own.
 */
const POLICY = holdPolicy();
const HOLD_ENDS = T0.getTime() + POLICY.holdTtlMs;

const at = (ms: number): Date => new Date(T0.getTime() + ms);
const labelOf = (n: number): string => `A${n}`;
const seatId = (n: number, eventId = EVENT_ID): string => `${eventId}_${labelOf(n)}`;
const priceOf = (n: number): number => 1_000 * n;

function seat(n: number, overrides: Partial<SeatState> = {}): SeatState {
  return {
    id: seatId(n),
    eventId: EVENT_ID,
    label: labelOf(n),
    status: 'available',
    bookingId: null,
    price: priceOf(n),
    section: 'Floor',
    row: 'A',
    number: n,
    tier: 'General',
    block: 0,
    stageDistance: 0,
    attributes: [],
    ...overrides,
  };
}

type BookingSpec = Partial<Omit<BookingState, 'seatIds'>> & { seats?: number[] };

/** A booking as the database holds it; by default Alice's fresh hold on seat 1, made at T0. */
function booking({ seats = [1], ...overrides }: BookingSpec = {}): BookingState {
  const id = overrides.id ?? 'bkg_alice';
  return {
    id,
    eventId: EVENT_ID,
    userId: ALICE,
    status: 'reserved',
    commandId: `cmd_hold_${id}`,
    seatIds: seats.map((n) => seatId(n)),
    amount: seats.reduce((total, n) => total + priceOf(n), 0),
    expiresAt: new Date(HOLD_ENDS),
    holdExtendedAt: null,
    reason: null,
    failureCode: null,
    extensionsLeft: 0,
    cardToken: null,
    chargePaymentId: null,
    refundPaymentId: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A booking whose owner started paying (payment `pay_alice`) a minute after the hold. */
function charged(spec: BookingSpec = {}): BookingState {
  return booking({ cardToken: CARD, chargePaymentId: 'pay_alice', holdExtendedAt: at(MINUTE), expiresAt: at(10 * MINUTE), ...spec });
}

/** The seat status each booking status shows on the map (docs/architecture.md §3). */
const SEAT_SHOWN: Partial<Record<BookingStatus, SeatStatus>> = { reserved: 'reserved', paid: 'paid', confirmed: 'confirmed' };

interface WorldSpec {
  seatCount?: number;
  /** Seats added or replacing the numbered ones (a blocked seat, a seat of another event…). */
  seats?: SeatState[];
  bookings?: BookingState[];
  eventStatus?: EventStatus;
  /** The users that exist; Alice, Bob and Carol unless told. */
  users?: string[];
  /** The event's own per-buyer limit (null or absent: the policy's). */
  maxSeatsPerBuyer?: number | null;
  /** Live seats users have in bookings the batch did not load, by user (at the event) or by `buyerKey`. */
  heldElsewhere?: Record<string, number>;
  /** The event's waiting room is on. */
  waitingRoom?: boolean;
}

/** Seats a booking holds as it stands, counted as the database counts them. */
const heldBy = (b: BookingState | undefined): number => (b && SEAT_SHOWN[b.status] ? b.seatIds.length : 0);

/**
 * Seats 1..seatCount of an event, painted by the bookings that hold them; each
 * buyer's live seats are those of the bookings given plus any held elsewhere.
 */
function world({
  seatCount = 8,
  seats = [],
  bookings = [],
  eventStatus = 'on_sale',
  users = [ALICE, BOB, CAROL],
  maxSeatsPerBuyer,
  heldElsewhere = {},
  waitingRoom,
}: WorldSpec = {}): BatchState {
  const seatMap = new Map<string, SeatState>();
  for (let n = 1; n <= seatCount; n++) seatMap.set(seatId(n), seat(n));
  for (const extra of seats) seatMap.set(extra.id, extra);
  for (const held of bookings) {
    const status = SEAT_SHOWN[held.status];
    if (!status) continue;
    for (const id of held.seatIds) seatMap.set(id, { ...seatMap.get(id)!, status, bookingId: held.id });
  }
  const liveSeats = new Map<string, number>();
  const add = (key: string, n: number) => liveSeats.set(key, (liveSeats.get(key) ?? 0) + n);
  for (const [who, n] of Object.entries(heldElsewhere)) add(who.includes(' ') ? who : buyerKey(who, EVENT_ID), n);
  for (const held of bookings) if (heldBy(held) > 0) add(buyerKey(held.userId, held.eventId), heldBy(held));
  return {
    seats: seatMap,
    bookings: new Map(bookings.map((b) => [b.id, b])),
    events: new Map([
      [EVENT_ID, { id: EVENT_ID, status: eventStatus, maxSeatsPerBuyer, waitingRoom }],
      [OTHER_EVENT_ID, { id: OTHER_EVENT_ID, status: 'on_sale' }],
    ]),
    users: new Set(users),
    liveSeats,
  };
}

let commandSequence = 0;
function envelope(bookingId: string, eventId = EVENT_ID) {
  commandSequence += 1;
  return { commandId: `cmd_${commandSequence}`, eventId, issuedAt: T0.toISOString(), bookingId };
}

interface HoldOptions {
  userId?: string;
  deadline?: Date;
  eventId?: string;
  /** The gateway checked the buyer's admission pass. */
  admitted?: boolean;
}

function hold(
  bookingId: string,
  seats: Array<number | string>,
  { userId = ALICE, deadline = at(60 * MINUTE), eventId, admitted }: HoldOptions = {},
): BookingCommand {
  const seatIds = seats.map((s) => (typeof s === 'number' ? seatId(s) : s));
  return { ...envelope(bookingId, eventId), type: 'hold', userId, seatIds, deadline: deadline.toISOString(), ...(admitted === undefined ? {} : { admitted }) };
}

const cancel = (bookingId: string, userId = ALICE): BookingCommand => ({ ...envelope(bookingId), type: 'cancel', userId });
const expire = (bookingId: string): BookingCommand => ({ ...envelope(bookingId), type: 'expire' });
const confirm = (bookingId: string): BookingCommand => ({ ...envelope(bookingId), type: 'confirm' });
const pay = (bookingId: string, paymentId = 'pay_alice', userId = ALICE): BookingCommand => ({
  ...envelope(bookingId),
  type: 'pay',
  userId,
  paymentId,
  cardToken: CARD,
});

function paymentResult(
  bookingId: string,
  kind: 'charge' | 'refund',
  paymentId: string,
  outcome: 'succeeded' | 'failed',
  reason?: string,
  failureCode?: PaymentFailureCode,
): BookingCommand {
  return { ...envelope(bookingId), type: 'payment-result', kind, paymentId, outcome, reason, ...(failureCode ? { failureCode } : {}) };
}

/** The payment request for Alice's booking `bkg_a` of seats 1 and 2, paid with her card. */
function paymentRequestFor(kind: 'charge' | 'refund', paymentId: string): FollowUp {
  return {
    kind: 'payment-request',
    request: { kind, paymentId, bookingId: 'bkg_a', eventId: EVENT_ID, userId: ALICE, amount: priceOf(1) + priceOf(2), cardToken: CARD },
  };
}

function decide(state: BatchState, commands: BookingCommand[], now = T0): BatchResult {
  return decideBatch(state, commands, now, POLICY);
}

/** The state the database holds once the batch is saved, each buyer's live seats counted again from the bookings. */
function saved(state: BatchState, result: BatchResult): BatchState {
  const seats = new Map(state.seats);
  for (const { after } of result.seatChanges) seats.set(after.id, after);
  const bookings = new Map(state.bookings);
  const liveSeats = new Map(state.liveSeats);
  for (const changed of result.bookings) {
    const key = buyerKey(changed.userId, changed.eventId);
    const delta = heldBy(changed) - heldBy(state.bookings.get(changed.id));
    if (delta !== 0) liveSeats.set(key, (liveSeats.get(key) ?? 0) + delta);
    bookings.set(changed.id, changed);
  }
  return { seats, bookings, events: state.events, users: state.users, liveSeats };
}

/** What the seat map shows for these seats, e.g. `reserved by bkg_a` or `available`. */
function shown(state: BatchState, ...seats: Array<number | string>): string[] {
  return seats.map((s) => {
    const found = state.seats.get(typeof s === 'number' ? seatId(s) : s);
    if (!found) return 'missing';
    return found.bookingId ? `${found.status} by ${found.bookingId}` : found.status;
  });
}

const outcomes = (result: BatchResult): Array<Decision['outcome']> => result.decisions.map((d) => d.outcome);

/** A tiny seeded pseudo-random generator (numerical recipes LCG), so every run races the same way. */
function lcg(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

// ---------------------------------------------------------------------------

describe('first wins', () => {
  it('gives a seat three people hold in one batch to the first, and tells the other two which seat they lost', () => {
    const state = world();
    const result = decide(state, [hold('bkg_a', [1]), hold('bkg_b', [1], { userId: BOB }), hold('bkg_c', [1], { userId: CAROL })]);

    expect(outcomes(result)).toEqual(['applied', 'rejected', 'rejected']);
    expect(result.decisions[0].booking).toMatchObject({ status: 'reserved', seatIds: [seatId(1)], amount: priceOf(1), expiresAt: new Date(HOLD_ENDS) });
    expect(result.decisions[0].booking?.failureCode).toBeNull();
    for (const loser of result.decisions.slice(1)) {
      // The rejected booking keeps the code beside the words, for GET /bookings/:id to answer later.
      expect(loser).toMatchObject({
        errorCode: 'SEAT_UNAVAILABLE',
        unavailableSeatIds: [seatId(1)],
        booking: { status: 'rejected', failureCode: 'SEAT_UNAVAILABLE' },
      });
      expect(loser.reason).toBe('Seat A1 is no longer available.');
    }
    expect(result.seatChanges).toEqual([{ before: seat(1), after: seat(1, { status: 'reserved', bookingId: 'bkg_a' }) }]);
    expect(result.bookings.map((b) => `${b.id} ${b.status}`)).toEqual(['bkg_a reserved', 'bkg_b rejected', 'bkg_c rejected']);
  });

  it('answers a redelivered hold with the booking it already decided, changing nothing more', () => {
    const result = decide(world(), [hold('bkg_a', [1]), hold('bkg_b', [1]), hold('bkg_a', [1]), hold('bkg_b', [1])]);

    expect(outcomes(result)).toEqual(['applied', 'rejected', 'ignored', 'ignored']);
    expect(result.decisions.map((d) => d.booking?.status)).toEqual(['reserved', 'rejected', 'reserved', 'rejected']);
    expect(result.seatChanges).toHaveLength(1);
  });
});

describe('all or nothing', () => {
  it('rejects a multi-seat hold when one seat is taken, naming only that seat, and changes none of the others', () => {
    const state = world({ bookings: [booking({ id: 'bkg_bob', userId: BOB, seats: [3] })] });
    const result = decide(state, [hold('bkg_a', [2, 3, 4])]);

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'SEAT_UNAVAILABLE', unavailableSeatIds: [seatId(3)] });
    expect(result.seatChanges).toEqual([]);
    expect(shown(saved(state, result), 2, 3, 4)).toEqual(['available', 'reserved by bkg_bob', 'available']);
  });

  it('names every lost seat by the label people see, and keeps their ids for clients', () => {
    const state = world({ bookings: [booking({ id: 'bkg_bob', userId: BOB, seats: [2, 4] })] });
    const [decision] = decide(state, [hold('bkg_a', [4, 3, 2])]).decisions;

    expect(decision).toMatchObject({ errorCode: 'SEAT_UNAVAILABLE', unavailableSeatIds: [seatId(4), seatId(2)] });
    expect(decision.reason).toBe('Seats A4, A2 are no longer available.');
    expect(decision.booking?.reason).toBe(decision.reason);
  });

  it.each([
    {
      story: 'A: 1,2  B: 2,3  C: 3,4 → A and C win, B loses seat 2',
      requests: [
        [1, 2],
        [2, 3],
        [3, 4],
      ],
      lost: [[], [2], []],
    },
    {
      story: 'A: 1,2  B: 1,2,3 → B loses seats 1 and 2',
      requests: [
        [1, 2],
        [1, 2, 3],
      ],
      lost: [[], [1, 2]],
    },
    { story: 'A: 1  B: 2  C: 1,2 → C loses both to two different holds', requests: [[1], [2], [1, 2]], lost: [[], [], [1, 2]] },
    { story: 'A: 1,2  B: 2,3  C: 3 → C wins because B took nothing', requests: [[1, 2], [2, 3], [3]], lost: [[], [2], []] },
  ])('overlapping requests: $story', ({ requests, lost }) => {
    const state = world();
    const ids = requests.map((_, i) => `bkg_${i}`);
    const result = decide(
      state,
      requests.map((seats, i) => hold(ids[i], seats)),
    );

    expect(result.decisions.map((d) => d.unavailableSeatIds ?? [])).toEqual(lost.map((seats) => seats.map((n) => seatId(n))));
    const after = saved(state, result);
    requests.forEach((seats, i) => {
      const won = lost[i].length === 0;
      expect(result.decisions[i].outcome).toBe(won ? 'applied' : 'rejected');
      if (won) expect(shown(after, ...seats)).toEqual(seats.map(() => `reserved by ${ids[i]}`));
    });
  });

  it.each([1, 7, 42, 2026, 31_337])('random overlapping requests over 16 seats (seed %i) never double-book and always name what was lost', (seed) => {
    const random = lcg(seed);
    const requests = Array.from({ length: 100 }, () => {
      const pool = Array.from({ length: 16 }, (_, i) => i + 1);
      return Array.from({ length: 1 + random(4) }, () => pool.splice(random(pool.length), 1)[0]);
    });
    const users = requests.map((_, i) => `usr_${i}`);
    const state = world({ seatCount: 16, users });
    const result = decide(
      state,
      requests.map((seats, i) => hold(`bkg_${i}`, seats, { userId: users[i] })),
    );
    const after = saved(state, result);

    const holder = new Map<string, string>();
    result.decisions.forEach((decision, i) => {
      const wanted = requests[i].map((n) => seatId(n));
      const alreadyHeld = wanted.filter((id) => holder.has(id));
      if (decision.outcome === 'applied') {
        expect(alreadyHeld).toEqual([]);
        for (const id of wanted) holder.set(id, `bkg_${i}`);
      } else {
        expect(decision.errorCode).toBe('SEAT_UNAVAILABLE');
        expect(alreadyHeld.length).toBeGreaterThan(0);
        expect(decision.unavailableSeatIds).toEqual(alreadyHeld);
      }
    });

    const winners = result.bookings.filter((b) => b.status === 'reserved');
    for (const winner of winners) expect(shown(after, ...winner.seatIds)).toEqual(winner.seatIds.map(() => `reserved by ${winner.id}`));
    const reservedSeats = [...after.seats.values()].filter((s) => s.status === 'reserved');
    expect(reservedSeats).toHaveLength(winners.reduce((total, b) => total + b.seatIds.length, 0));
    expect(result.seatChanges).toHaveLength(reservedSeats.length);
    // The seed must make a real race: several winners and several losers.
    expect(winners.length).toBeGreaterThan(1);
    expect(winners.length).toBeLessThan(requests.length);
  });
});

describe('hold rejections', () => {
  const otherEventSeat: SeatState = { ...seat(1), id: seatId(1, OTHER_EVENT_ID), eventId: OTHER_EVENT_ID };

  it.each<{
    story: string;
    spec?: WorldSpec;
    seats: Array<number | string>;
    options?: HoldOptions;
    now?: Date;
    code: ErrorCode;
    names?: string[];
    says?: string;
  }>([
    // A seat that does not exist has no label: the message names what was asked for.
    { story: 'a seat the event does not have', seats: [1, 99], code: 'NOT_FOUND', names: [seatId(99)], says: `No such seats at this event: ${seatId(99)}.` },
    { story: 'a seat of another event', spec: { seats: [otherEventSeat] }, seats: [2, otherEventSeat.id], code: 'NOT_FOUND', names: [otherEventSeat.id] },
    { story: 'an event that does not exist', seats: [1], options: { eventId: 'evt_gone' }, code: 'NOT_FOUND' },
    {
      story: 'a user who does not exist',
      seats: [1],
      options: { userId: GHOST },
      code: 'UNAUTHORIZED',
      says: 'Your account no longer exists. Please sign in again.',
    },
    { story: 'an event not on sale', spec: { eventStatus: 'scheduled' }, seats: [1], code: 'INVALID_STATE' },
    { story: 'a request decided after its deadline', seats: [1], options: { deadline: at(10_000) }, now: at(10_001), code: 'HOLD_EXPIRED' },
    { story: 'a buyer not let in while the waiting room is on', spec: { waitingRoom: true }, seats: [1], code: 'ADMISSION_REQUIRED' },
    {
      story: 'a buyer said not admitted while the waiting room is on',
      spec: { waitingRoom: true },
      seats: [1],
      options: { admitted: false },
      code: 'ADMISSION_REQUIRED',
    },
    { story: 'more seats than one booking may claim', seats: [1, 2, 3, 4, 5], code: 'VALIDATION_FAILED' },
    { story: 'a seat listed twice', seats: [1, 2, 1], code: 'VALIDATION_FAILED' },
    {
      story: 'a seat an admin blocked',
      spec: { seats: [seat(3, { status: 'blocked' })] },
      seats: [2, 3],
      code: 'SEAT_UNAVAILABLE',
      names: [seatId(3)],
      says: 'Seat A3 is no longer available.',
    },
  ])('rejects $story with $code', ({ spec, seats, options, now, code, names, says }) => {
    const result = decide(world(spec), [hold('bkg_a', seats, options)], now);

    const [decision] = result.decisions;
    expect(decision).toMatchObject({ outcome: 'rejected', errorCode: code, booking: { id: 'bkg_a', status: 'rejected' } });
    expect(decision.unavailableSeatIds).toEqual(names);
    expect(decision.reason).toEqual(says ?? expect.stringMatching(/\w/));
    expect(result.seatChanges).toEqual([]);
    expect(result.bookings.map((b) => `${b.id} ${b.status}`)).toEqual(['bkg_a rejected']);
  });

  it.each<{ story: string; seats: number[]; spec?: WorldSpec; options?: HoldOptions; now?: Date }>([
    { story: 'exactly the most seats one booking may claim', seats: [1, 2, 3, 4] },
    { story: 'an admitted buyer while the waiting room is on', seats: [1], spec: { waitingRoom: true }, options: { admitted: true } },
    { story: 'a request decided right at its deadline', seats: [1], options: { deadline: at(10_000) }, now: at(10_000) },
  ])('grants $story', ({ seats, spec, options, now }) => {
    const state = world(spec);
    const result = decide(state, [hold('bkg_a', seats, options)], now);

    expect(result.decisions[0].booking).toMatchObject({ status: 'reserved', amount: seats.reduce((total, n) => total + priceOf(n), 0) });
    expect(shown(saved(state, result), ...seats)).toEqual(seats.map(() => 'reserved by bkg_a'));
  });
});

describe('a hold from a user who does not exist', () => {
  it('is refused without taking a seat, while the holds around it in the batch are decided as usual', () => {
    const state = world();
    const result = decide(state, [
      hold('bkg_a', [1]),
      hold('bkg_ghost', [2, 3], { userId: GHOST }),
      hold('bkg_b', [2], { userId: BOB }),
      hold('bkg_c', [1], { userId: CAROL }),
    ]);

    expect(outcomes(result)).toEqual(['applied', 'rejected', 'applied', 'rejected']);
    expect(result.decisions.map((d) => d.errorCode)).toEqual([undefined, 'UNAUTHORIZED', undefined, 'SEAT_UNAVAILABLE']);
    expect(result.decisions[1]).toMatchObject({ booking: { id: 'bkg_ghost', userId: GHOST, status: 'rejected', amount: 0 }, followUps: [] });
    expect(shown(saved(state, result), 1, 2, 3)).toEqual(['reserved by bkg_a', 'reserved by bkg_b', 'available']);
  });

  it.each<{ story: string; spec?: WorldSpec; seats: number[]; options?: HoldOptions }>([
    { story: 'seats someone else holds', spec: { bookings: [booking({ seats: [1] })] }, seats: [1] },
    { story: 'an event that does not exist', seats: [1], options: { eventId: 'evt_gone' } },
    { story: 'an event not on sale', spec: { eventStatus: 'scheduled' }, seats: [1] },
  ])('is refused as unauthorized before anything it asks for is looked at: $story', ({ spec, seats, options }) => {
    const [decision] = decide(world(spec), [hold('bkg_ghost', seats, { ...options, userId: GHOST })]).decisions;

    expect(decision).toMatchObject({ outcome: 'rejected', errorCode: 'UNAUTHORIZED' });
    expect(decision.unavailableSeatIds).toBeUndefined();
  });
});

describe('the per-buyer seat limit', () => {
  /** Alice's refusal, as she reads it. */
  const refusal = (reason: string) => ({ outcome: 'rejected', errorCode: 'BUYER_LIMIT_REACHED', reason, booking: { status: 'rejected' } });

  it.each<{ story: string; spec: WorldSpec; seats: number[]; userId?: string }>([
    { story: 'up to the limit exactly, counting her other bookings', spec: { heldElsewhere: { [ALICE]: 4 } }, seats: [1, 2] },
    { story: 'the event’s own, higher limit', spec: { heldElsewhere: { [ALICE]: 6 }, maxSeatsPerBuyer: 10 }, seats: [1, 2, 3, 4] },
    { story: 'the policy’s limit when the event sets none (null)', spec: { heldElsewhere: { [ALICE]: 5 }, maxSeatsPerBuyer: null }, seats: [1] },
    { story: 'a hold whatever she holds at another event', spec: { heldElsewhere: { [buyerKey(ALICE, OTHER_EVENT_ID)]: 6 } }, seats: [1, 2, 3, 4] },
    { story: 'Bob’s hold whatever Alice holds', spec: { heldElsewhere: { [ALICE]: 6, [BOB]: 2 } }, seats: [1, 2, 3, 4], userId: BOB },
  ])('grants $story', ({ spec, seats, userId }) => {
    const result = decide(world(spec), [hold('bkg_a', seats, { userId })]);

    expect(result.decisions[0]).toMatchObject({ outcome: 'applied', booking: { status: 'reserved' } });
  });

  it.each<{ story: string; spec: WorldSpec; seats: number[]; says: string }>([
    {
      story: 'one seat past the limit, saying how many more she may take',
      spec: { heldElsewhere: { [ALICE]: 4 } },
      seats: [1, 2, 3],
      says: 'You can have at most 6 seats at this event; you hold 4, so at most 2 more.',
    },
    {
      story: 'any seat once she is at the limit',
      spec: { heldElsewhere: { [ALICE]: 6 } },
      seats: [1],
      says: 'You can have at most 6 seats at this event, and you already hold 6.',
    },
    {
      story: 'more seats in one booking than the event’s limit, though she holds none',
      spec: { maxSeatsPerBuyer: 2 },
      seats: [1, 2, 3],
      says: 'You can have at most 2 seats at this event.',
    },
    {
      story: 'a second seat at an event of one seat per buyer',
      spec: { maxSeatsPerBuyer: 1, heldElsewhere: { [ALICE]: 1 } },
      seats: [2],
      says: 'You can have at most 1 seat at this event, and you already hold 1.',
    },
    {
      story: 'a hold under the policy’s limit that the event’s lower limit forbids',
      spec: { maxSeatsPerBuyer: 3, heldElsewhere: { [ALICE]: 2 } },
      seats: [1, 2],
      says: 'You can have at most 3 seats at this event; you hold 2, so at most 1 more.',
    },
    {
      story: 'seats that are taken anyway: the limit is what she must hear',
      spec: { heldElsewhere: { [ALICE]: 6 }, bookings: [booking({ id: 'bkg_bob', userId: BOB, seats: [1] })] },
      seats: [1],
      says: 'You can have at most 6 seats at this event, and you already hold 6.',
    },
  ])('refuses $story', ({ spec, seats, says }) => {
    const state = world(spec);
    const result = decide(state, [hold('bkg_a', seats)]);

    expect(result.decisions[0]).toMatchObject(refusal(says));
    expect(result.decisions[0].unavailableSeatIds).toBeUndefined();
    expect(result.seatChanges).toEqual([]);
    expect(result.bookings.map((b) => `${b.id} ${b.status}`)).toEqual(['bkg_a rejected']);
    expect(saved(state, result).liveSeats).toEqual(state.liveSeats);
  });

  it.each<{ story: string; spec?: WorldSpec; seats: Array<number | string>; options?: HoldOptions; code: ErrorCode }>([
    { story: 'an account that does not exist', seats: [1], options: { userId: GHOST }, code: 'UNAUTHORIZED' },
    { story: 'an event not on sale', spec: { eventStatus: 'scheduled' }, seats: [1], code: 'INVALID_STATE' },
    { story: 'more seats than one booking may claim', seats: [1, 2, 3, 4, 5], code: 'VALIDATION_FAILED' },
    { story: 'a seat the event does not have', seats: [99], code: 'NOT_FOUND' },
  ])('answers $story with $code first, even at the limit', ({ spec, seats, options, code }) => {
    const [decision] = decide(world({ ...spec, heldElsewhere: { [ALICE]: 6, [GHOST]: 6 } }), [hold('bkg_a', seats, options)]).decisions;

    expect(decision).toMatchObject({ outcome: 'rejected', errorCode: code });
  });

  it('counts the holds granted earlier in the same batch, and only those', () => {
    const state = world({ seatCount: 12, heldElsewhere: { [ALICE]: 1 } });
    const result = decide(state, [
      hold('bkg_1', [1, 2]),
      hold('bkg_bob', [3, 4, 5, 6], { userId: BOB }),
      hold('bkg_2', [1]), // lost to her own earlier hold: takes nothing
      hold('bkg_3', [7, 8]),
      hold('bkg_4', [9, 10]),
      hold('bkg_5', [11]),
      hold('bkg_bob2', [12], { userId: BOB }),
    ]);

    expect(result.decisions.map((d) => d.errorCode ?? d.outcome)).toEqual([
      'applied',
      'applied',
      'SEAT_UNAVAILABLE',
      'applied',
      'BUYER_LIMIT_REACHED',
      'applied',
      'applied',
    ]);
    expect(result.decisions[4].reason).toBe('You can have at most 6 seats at this event; you hold 5, so at most 1 more.');
    expect(saved(state, result).liveSeats).toEqual(
      new Map([
        [buyerKey(ALICE, EVENT_ID), 6],
        [buyerKey(BOB, EVENT_ID), 5],
      ]),
    );
  });

  it.each<{ story: string; bookings: BookingState[]; frees: (id: string) => BookingCommand; now?: Date }>([
    { story: 'a cancel', bookings: [booking({ id: 'bkg_old', seats: [1, 2] })], frees: (id) => cancel(id) },
    { story: 'an expiry', bookings: [booking({ id: 'bkg_old', seats: [1, 2] })], frees: (id) => expire(id), now: new Date(HOLD_ENDS) },
    {
      story: 'a failed payment',
      bookings: [charged({ id: 'bkg_old', seats: [1, 2] })],
      frees: (id) => paymentResult(id, 'charge', 'pay_alice', 'failed', 'Card declined.'),
    },
    {
      story: 'a refund of a confirmed booking',
      bookings: [charged({ id: 'bkg_old', seats: [1, 2], status: 'confirmed', refundPaymentId: 'rfd_old' })],
      frees: (id) => paymentResult(id, 'refund', 'rfd_old', 'succeeded'),
    },
  ])('gives the allowance back after $story earlier in the same batch, not before it', ({ bookings, frees, now = at(MINUTE) }) => {
    const state = world({ bookings, heldElsewhere: { [ALICE]: 4 } });
    const result = decide(state, [hold('bkg_early', [3]), frees('bkg_old'), hold('bkg_late', [3, 4]), hold('bkg_later', [5])], now);

    expect(result.decisions.map((d) => d.errorCode ?? d.outcome)).toEqual(['BUYER_LIMIT_REACHED', 'applied', 'applied', 'BUYER_LIMIT_REACHED']);
    expect(result.decisions[0].reason).toBe('You can have at most 6 seats at this event, and you already hold 6.');
    expect(shown(saved(state, result), 1, 2, 3, 4)).toEqual(['available', 'available', 'reserved by bkg_late', 'reserved by bkg_late']);
  });

  it('keeps counting a paid booking while only its refund is asked for', () => {
    const state = world({ bookings: [charged({ id: 'bkg_old', seats: [1, 2], status: 'confirmed' })], heldElsewhere: { [ALICE]: 4 } });
    const result = decide(state, [cancel('bkg_old'), hold('bkg_new', [3])], at(MINUTE));

    expect(result.decisions.map((d) => d.errorCode ?? d.outcome)).toEqual(['applied', 'BUYER_LIMIT_REACHED']);
    expect(result.decisions[0].booking).toMatchObject({ status: 'confirmed', refundPaymentId: expect.stringMatching(/\S/) });
  });

  it('does not count a payment or a confirmation twice', () => {
    const state = world({ bookings: [charged({ id: 'bkg_old', seats: [1, 2] })], heldElsewhere: { [ALICE]: 3 } });
    const result = decide(state, [paymentResult('bkg_old', 'charge', 'pay_alice', 'succeeded'), confirm('bkg_old'), hold('bkg_new', [3])], at(MINUTE));

    expect(outcomes(result)).toEqual(['applied', 'applied', 'applied']);
    expect(saved(state, result).liveSeats.get(buyerKey(ALICE, EVENT_ID))).toBe(6);
  });

  it('answers a redelivered hold with its booking, neither counting it twice nor refusing it for the limit it reached', () => {
    const state = world({ bookings: [booking({ id: 'bkg_a', seats: [1, 2] })], heldElsewhere: { [ALICE]: 4 } });
    const result = decide(state, [hold('bkg_a', [1, 2]), hold('bkg_b', [3, 4]), hold('bkg_b', [3, 4])]);

    expect(outcomes(result)).toEqual(['ignored', 'rejected', 'ignored']);
    expect(result.decisions.map((d) => d.booking?.status)).toEqual(['reserved', 'rejected', 'rejected']);
    expect(result.decisions[1].errorCode).toBe('BUYER_LIMIT_REACHED');
  });

  it.each([5, 17, 404, 2026])('decides random holds, cancels and too early expiries (seed %i) as the limit demands, in one batch as one by one', (seed) => {
    const random = lcg(seed);
    const users = [ALICE, BOB, CAROL];
    const limit = 5;
    const heldElsewhere: Record<string, number> = { [ALICE]: 2, [BOB]: 0, [CAROL]: 4 };
    const initial = world({ seatCount: 16, heldElsewhere, maxSeatsPerBuyer: limit });
    const ids: string[] = [];
    const commands = Array.from({ length: 60 }, (_, i): BookingCommand => {
      const userId = users[random(users.length)];
      const earlier = ids.filter((id) => id.startsWith(`bkg_${userId}`));
      if (earlier.length > 0 && random(3) === 0) {
        const id = earlier[random(earlier.length)];
        return random(2) === 0 ? cancel(id, userId) : expire(id);
      }
      const id = `bkg_${userId}_${i}`;
      ids.push(id);
      return hold(
        id,
        Array.from({ length: 1 + random(3) }, () => 1 + random(16)).filter((n, j, all) => all.indexOf(n) === j),
        { userId },
      );
    });
    const now = new Date(HOLD_ENDS);

    // The truth, independently of the rules' own count: what each user holds elsewhere plus what their bookings hold now.
    const truth = (state: BatchState, userId: string) =>
      heldElsewhere[userId] + [...state.bookings.values()].filter((b) => b.userId === userId).reduce((total, b) => total + heldBy(b), 0);
    let oneByOne = initial;
    const alone: Decision[] = [];
    for (const command of commands) {
      const before = oneByOne;
      const result = decide(before, [command], now);
      const [decision] = result.decisions;
      if (command.type === 'hold' && !before.bookings.has(command.bookingId)) {
        const over = truth(before, command.userId) + command.seatIds.length > limit;
        expect(decision.errorCode === 'BUYER_LIMIT_REACHED', `${command.bookingId}: over the limit ${over}`).toBe(over);
      }
      oneByOne = saved(before, result);
      for (const userId of users) expect(truth(oneByOne, userId)).toBeLessThanOrEqual(limit);
      alone.push(decision);
    }

    const batch = decide(initial, commands, now);
    const summary = (decisions: Decision[]) => decisions.map((d) => `${d.command.commandId} ${d.outcome} ${d.errorCode ?? ''} ${d.booking?.status ?? ''}`);
    expect(summary(batch.decisions)).toEqual(summary(alone));
    expect(saved(initial, batch).liveSeats).toEqual(oneByOne.liveSeats);
    // The seed must exercise the limit, the race for seats and the allowance coming back.
    const codes = batch.decisions.map((d) => d.errorCode);
    expect(codes).toContain('BUYER_LIMIT_REACHED');
    expect(codes).toContain('SEAT_UNAVAILABLE');
    expect(batch.decisions.filter((d) => d.command.type === 'hold' && d.outcome === 'applied').length).toBeGreaterThan(users.length);
    expect(batch.decisions.some((d) => d.command.type !== 'hold' && d.outcome === 'applied')).toBe(true);
  });
});

describe('hold → expire → hold', () => {
  const held = () => world({ bookings: [booking({ id: 'bkg_a', seats: [1, 2] })] });

  it('ignores an expire that arrives before the hold runs out, and puts it off rather than deciding it for good', () => {
    const result = decide(held(), [expire('bkg_a')], new Date(HOLD_ENDS - 1));

    expect(result.decisions[0]).toMatchObject({ outcome: 'ignored', booking: { status: 'reserved' }, deferred: true });
    expect(result.seatChanges).toEqual([]);
    expect(result.bookings).toEqual([]);
  });

  it.each([
    { when: 'exactly when the hold runs out', now: new Date(HOLD_ENDS) },
    { when: 'after the hold ran out', now: new Date(HOLD_ENDS + MINUTE) },
  ])('expires the booking and frees its seats $when', ({ now }) => {
    const state = held();
    const result = decide(state, [expire('bkg_a'), expire('bkg_a')], now);

    expect(outcomes(result)).toEqual(['applied', 'ignored']);
    expect(result.decisions[0].booking).toMatchObject({ status: 'expired', reason: expect.stringMatching(/expired/) });
    expect(shown(saved(state, result), 1, 2)).toEqual(['available', 'available']);
  });

  it('gives the released seats to a later hold in the same batch', () => {
    const state = held();
    const result = decide(state, [expire('bkg_a'), hold('bkg_b', [2, 3], { userId: BOB })], new Date(HOLD_ENDS));

    expect(outcomes(result)).toEqual(['applied', 'applied']);
    expect(shown(saved(state, result), 1, 2, 3)).toEqual(['available', 'reserved by bkg_b', 'reserved by bkg_b']);
  });

  it('refuses a hold that comes before the expire in the batch, since the seat was still held then', () => {
    const result = decide(held(), [hold('bkg_b', [2], { userId: BOB }), expire('bkg_a')], new Date(HOLD_ENDS));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'SEAT_UNAVAILABLE', unavailableSeatIds: [seatId(2)] });
    expect(result.decisions[1]).toMatchObject({ outcome: 'applied', booking: { status: 'expired' } });
  });
});

describe('pay', () => {
  const reserved = () => world({ bookings: [booking({ id: 'bkg_a', seats: [1, 2] })] });

  it.each([
    { story: 'to now + the payment extension', payAt: 6 * MINUTE, expiresAt: 11 * MINUTE },
    { story: 'but never beyond the longest a hold may live', payAt: 9 * MINUTE, expiresAt: 12 * MINUTE },
    { story: 'and never shortens a hold that would last longer anyway', payAt: 2 * MINUTE, expiresAt: 10 * MINUTE },
  ])('extends the hold $story and asks for one charge of the booking amount', ({ payAt, expiresAt }) => {
    const result = decide(reserved(), [pay('bkg_a')], at(payAt));

    expect(result.decisions[0]).toMatchObject({
      outcome: 'applied',
      booking: { status: 'reserved', expiresAt: at(expiresAt), holdExtendedAt: at(payAt), chargePaymentId: 'pay_alice', cardToken: CARD },
    });
    expect(result.decisions[0].followUps).toEqual([paymentRequestFor('charge', 'pay_alice')]);
    expect(result.seatChanges).toEqual([]);
  });

  it('extends only once: the same payment again is ignored, another payment is refused', () => {
    const first = reserved();
    const paid = saved(first, decide(first, [pay('bkg_a')], at(6 * MINUTE)));
    const result = decide(paid, [pay('bkg_a'), pay('bkg_a', 'pay_again')], at(10 * MINUTE));

    expect(result.decisions.map((d) => [d.outcome, d.errorCode])).toEqual([
      ['ignored', undefined],
      ['rejected', 'INVALID_STATE'],
    ]);
    expect(result.decisions.flatMap((d) => d.followUps)).toEqual([]);
    expect(result.bookings).toEqual([]);
    expect(paid.bookings.get('bkg_a')?.expiresAt).toEqual(at(11 * MINUTE));
  });

  it('refuses a payment by someone who does not own the booking', () => {
    const state = reserved();
    const result = decide(state, [pay('bkg_a', 'pay_bob', BOB)], at(MINUTE));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'FORBIDDEN', booking: state.bookings.get('bkg_a') });
    expect(result.decisions[0].followUps).toEqual([]);
    expect(result.bookings).toEqual([]);
  });

  it('answers HOLD_EXPIRED and releases the seats when the time ran out before the sweeper noticed', () => {
    const state = reserved();
    const result = decide(state, [pay('bkg_a')], new Date(HOLD_ENDS));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'HOLD_EXPIRED', booking: { status: 'expired', chargePaymentId: null } });
    expect(result.decisions[0].followUps).toEqual([]);
    expect(result.bookings.map((b) => b.status)).toEqual(['expired']);
    expect(shown(saved(state, result), 1, 2)).toEqual(['available', 'available']);
  });

  it.each<{ story: string; bookings: BookingState[]; code: ErrorCode }>([
    { story: 'an expired booking', bookings: [booking({ id: 'bkg_a', status: 'expired' })], code: 'HOLD_EXPIRED' },
    { story: 'a cancelled booking', bookings: [booking({ id: 'bkg_a', status: 'cancelled' })], code: 'INVALID_STATE' },
    { story: 'a rejected booking', bookings: [booking({ id: 'bkg_a', status: 'rejected', expiresAt: null })], code: 'INVALID_STATE' },
    { story: 'a booking that does not exist', bookings: [], code: 'NOT_FOUND' },
  ])('refuses to pay for $story with $code', ({ bookings, code }) => {
    const result = decide(world({ bookings }), [pay('bkg_a')], at(MINUTE));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: code, followUps: [] });
    expect(result.bookings).toEqual([]);
  });
});

describe('payment results', () => {
  const paying = (spec: BookingSpec = {}, ...others: BookingState[]) => world({ bookings: [charged({ id: 'bkg_a', seats: [1, 2], ...spec }), ...others] });

  it('marks a reserved booking paid when its charge succeeds, asks for confirmation, and confirmation issues the seats', () => {
    const state = paying();
    const charge = decide(state, [paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded')], at(2 * MINUTE));

    expect(charge.decisions[0]).toMatchObject({ outcome: 'applied', booking: { status: 'paid' } });
    expect(charge.decisions[0].followUps).toEqual([{ kind: 'confirm', bookingId: 'bkg_a', eventId: EVENT_ID }]);
    const paid = saved(state, charge);
    expect(shown(paid, 1, 2)).toEqual(['paid by bkg_a', 'paid by bkg_a']);

    const confirmation = decide(paid, [confirm('bkg_a'), confirm('bkg_a')], at(3 * MINUTE));
    expect(outcomes(confirmation)).toEqual(['applied', 'ignored']);
    expect(confirmation.decisions[0].booking?.status).toBe('confirmed');
    expect(shown(saved(paid, confirmation), 1, 2)).toEqual(['confirmed by bkg_a', 'confirmed by bkg_a']);
  });

  it('marks the booking payment_failed when the charge fails, keeps the reason and its code, and frees the seats', () => {
    const state = paying();
    const result = decide(state, [paymentResult('bkg_a', 'charge', 'pay_alice', 'failed', 'Card declined.', 'PAYMENT_DECLINED')], at(2 * MINUTE));

    expect(result.decisions[0]).toMatchObject({
      outcome: 'applied',
      reason: 'Card declined.',
      booking: { status: 'payment_failed', reason: 'Card declined.', failureCode: 'PAYMENT_DECLINED' },
    });
    expect(shown(saved(state, result), 1, 2)).toEqual(['available', 'available']);
  });

  it('tells a provider that never answered from a declined card by the code, and drops the code once the booking moves on', () => {
    const state = paying();
    const failed = decide(state, [paymentResult('bkg_a', 'charge', 'pay_alice', 'failed', 'No answer.', 'PAYMENT_PROVIDER_UNAVAILABLE')], at(2 * MINUTE));
    expect(failed.decisions[0].booking).toMatchObject({ status: 'payment_failed', failureCode: 'PAYMENT_PROVIDER_UNAVAILABLE' });

    // A charge that succeeds after all, once the booking failed, is refunded: refunded is not a failure.
    const late = decide(saved(state, failed), [paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded')], at(3 * MINUTE));
    const refunding = saved(saved(state, failed), late);
    const refundId = late.decisions[0].followUps.flatMap((f) => (f.kind === 'payment-request' ? [f.request.paymentId] : []))[0]!;
    const refunded = decide(refunding, [paymentResult('bkg_a', 'refund', refundId, 'succeeded')], at(4 * MINUTE));
    expect(refunded.decisions[0].booking).toMatchObject({ status: 'refunded', failureCode: null });
  });

  it.each([
    { story: 'another charge', command: () => paymentResult('bkg_a', 'charge', 'pay_someone_else', 'succeeded') },
    { story: 'a refund never asked for', command: () => paymentResult('bkg_a', 'refund', 'rfd_unknown', 'succeeded') },
  ])('ignores the result of $story', ({ command }) => {
    const result = decide(paying(), [command()], at(2 * MINUTE));

    expect(result.decisions[0]).toMatchObject({ outcome: 'ignored', booking: { status: 'reserved' }, followUps: [] });
    expect(result.bookings).toEqual([]);
    expect(result.seatChanges).toEqual([]);
  });

  it("keeps the seats of a payment in flight past the hold's end, until the result is due, and the success that follows pays them", () => {
    // The payment started a minute in: its result is waited for until minute 11.
    const state = paying();
    const overdue = decide(state, [expire('bkg_a')], at(10 * MINUTE + 30_000));

    expect(overdue.decisions[0]).toMatchObject({ outcome: 'applied', booking: { status: 'reserved', expiresAt: at(11 * MINUTE) } });
    expect(overdue.seatChanges).toEqual([]);
    const charge = decide(saved(state, overdue), [paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded')], at(10 * MINUTE + 40_000));
    expect(charge.decisions[0]).toMatchObject({ outcome: 'applied', booking: { status: 'paid' } });
    expect(shown(saved(state, charge), 1, 2)).toEqual(['paid by bkg_a', 'paid by bkg_a']);
  });

  it('expires a hold whose payment has had its whole wait without a result; a success after that is refunded', () => {
    const state = paying();
    const expired = decide(state, [expire('bkg_a')], at(11 * MINUTE));

    expect(expired.decisions[0]).toMatchObject({ outcome: 'applied', booking: { status: 'expired' } });
    expect(shown(saved(state, expired), 1, 2)).toEqual(['available', 'available']);
    const late = decide(saved(state, expired), [paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded')], at(12 * MINUTE));
    expect(late.decisions[0]).toMatchObject({ outcome: 'applied', booking: { status: 'expired', refundPaymentId: expect.stringMatching(/\S/) } });
    expect(late.decisions[0].followUps).toEqual([paymentRequestFor('refund', late.decisions[0].booking!.refundPaymentId!)]);
  });

  it('refunds a payment that succeeds after the hold expired, once, and leaves the seats to whoever holds them now', () => {
    const bobsBooking = booking({ id: 'bkg_bob', userId: BOB, seats: [1], createdAt: at(11 * MINUTE), expiresAt: at(21 * MINUTE) });
    const state = paying({ status: 'expired' }, bobsBooking);
    const late = decide(
      state,
      [paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded'), paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded')],
      at(13 * MINUTE),
    );

    expect(outcomes(late)).toEqual(['applied', 'ignored']);
    const refundId = late.decisions[0].booking?.refundPaymentId ?? '';
    expect(late.decisions[0].booking).toMatchObject({ status: 'expired', refundPaymentId: expect.stringMatching(/\S/) });
    expect(refundId).not.toBe('pay_alice');
    expect(late.decisions.flatMap((d) => d.followUps)).toEqual([paymentRequestFor('refund', refundId)]);
    expect(late.seatChanges).toEqual([]);

    const afterLate = saved(state, late);
    const refund = decide(
      afterLate,
      [
        paymentResult('bkg_a', 'refund', refundId, 'succeeded'),
        paymentResult('bkg_a', 'refund', refundId, 'succeeded'),
        paymentResult('bkg_a', 'refund', 'rfd_other', 'succeeded'),
        paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded'),
      ],
      at(14 * MINUTE),
    );
    expect(outcomes(refund)).toEqual(['applied', 'ignored', 'ignored', 'ignored']);
    expect(refund.bookings.map((b) => b.status)).toEqual(['refunded']);
    expect(refund.decisions.flatMap((d) => d.followUps)).toEqual([]);
    expect(shown(saved(afterLate, refund), 1, 2)).toEqual(['reserved by bkg_bob', 'available']);
  });

  it('keeps the booking as it was and says why when a refund fails', () => {
    const state = paying({ status: 'expired', refundPaymentId: 'rfd_a' });
    const result = decide(state, [paymentResult('bkg_a', 'refund', 'rfd_a', 'failed', 'Provider down')], at(13 * MINUTE));

    expect(result.decisions[0]).toMatchObject({
      outcome: 'rejected',
      errorCode: 'SERVICE_UNAVAILABLE',
      booking: { status: 'expired', refundPaymentId: 'rfd_a' },
    });
    expect(result.decisions[0].reason).toContain('Provider down');
  });
});

describe('cancel', () => {
  it('cancels a reserved booking and frees its seats at once, for the next hold in the same batch', () => {
    const state = world({ bookings: [booking({ id: 'bkg_a', seats: [1, 2] })] });
    const result = decide(state, [cancel('bkg_a'), hold('bkg_b', [2], { userId: BOB })], at(MINUTE));

    expect(outcomes(result)).toEqual(['applied', 'applied']);
    expect(result.decisions[0].booking?.status).toBe('cancelled');
    expect(shown(saved(state, result), 1, 2)).toEqual(['available', 'reserved by bkg_b']);
  });

  it('refunds a confirmed booking, keeping its seats until the refund succeeds', () => {
    const state = world({ bookings: [charged({ id: 'bkg_a', seats: [1, 2], status: 'confirmed' })] });
    const cancelled = decide(state, [cancel('bkg_a'), cancel('bkg_a')], at(MINUTE));

    expect(outcomes(cancelled)).toEqual(['applied', 'ignored']);
    const refundId = cancelled.decisions[0].booking?.refundPaymentId ?? '';
    expect(cancelled.decisions[0].booking).toMatchObject({ status: 'confirmed', refundPaymentId: expect.stringMatching(/\S/) });
    expect(cancelled.decisions.flatMap((d) => d.followUps)).toEqual([paymentRequestFor('refund', refundId)]);
    const refunding = saved(state, cancelled);
    expect(shown(refunding, 1, 2)).toEqual(['confirmed by bkg_a', 'confirmed by bkg_a']);

    const refunded = decide(refunding, [paymentResult('bkg_a', 'refund', refundId, 'succeeded')], at(2 * MINUTE));
    expect(refunded.decisions[0].booking?.status).toBe('refunded');
    expect(shown(saved(refunding, refunded), 1, 2)).toEqual(['available', 'available']);
  });

  it.each<BookingStatus>(['reserved', 'confirmed'])('refuses to cancel a %s booking for someone who does not own it', (status) => {
    const state = world({ bookings: [charged({ id: 'bkg_a', status })] });
    const result = decide(state, [cancel('bkg_a', BOB)], at(MINUTE));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'FORBIDDEN', booking: state.bookings.get('bkg_a'), followUps: [] });
    expect(result.bookings).toEqual([]);
  });

  it.each<BookingStatus>(['expired', 'rejected', 'cancelled', 'payment_failed', 'refunded'])('refuses to cancel a %s booking', (status) => {
    const result = decide(world({ bookings: [booking({ id: 'bkg_a', status })] }), [cancel('bkg_a')], at(MINUTE));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'INVALID_STATE', booking: { status }, followUps: [] });
    expect(result.bookings).toEqual([]);
  });
});

describe('state machine', () => {
  // WARNING: written out by hand on purpose: adding or removing a transition must fail here first.
  const ALLOWED = new Set([
    'pending → reserved',
    'pending → rejected',
    'reserved → paid',
    'reserved → payment_failed',
    'reserved → expired',
    'reserved → cancelled',
    'paid → confirmed',
    'paid → refunded',
    'confirmed → refunded',
    'expired → refunded',
    'cancelled → refunded',
    'payment_failed → refunded',
  ]);
  const pairs = BOOKING_STATUSES.flatMap((from) => BOOKING_STATUSES.map((to) => ({ from, to, allowed: ALLOWED.has(`${from} → ${to}`) })));

  it.each(pairs)('$from → $to allowed: $allowed', ({ from, to, allowed }) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('lists in TRANSITIONS exactly the allowed transitions', () => {
    const listed = Object.entries(TRANSITIONS).flatMap(([from, targets]) => (targets ?? []).map((to) => `${from} → ${to}`));
    expect(listed.toSorted()).toEqual([...ALLOWED].toSorted());
  });

  /** Every command Alice's booking could receive, with the payment ids it knows of and some it does not. */
  function commandsFor(current: BookingState): BookingCommand[] {
    const refundId = current.refundPaymentId ?? 'rfd_unknown';
    return [
      hold(current.id, [1]),
      cancel(current.id),
      cancel(current.id, BOB),
      expire(current.id),
      pay(current.id),
      pay(current.id, 'pay_other'),
      pay(current.id, 'pay_bob', BOB),
      confirm(current.id),
      ...(['succeeded', 'failed'] as const).flatMap((outcome) => [
        paymentResult(current.id, 'charge', 'pay_alice', outcome),
        paymentResult(current.id, 'charge', 'pay_other', outcome),
        paymentResult(current.id, 'refund', refundId, outcome),
        paymentResult(current.id, 'refund', 'rfd_other', outcome),
      ]),
    ];
  }

  /** Decides one command and lists every way it broke the state machine or the seat map. */
  function violationsOf(state: BatchState, current: BookingState, command: BookingCommand, now: Date): { next: BatchState; violations: string[] } {
    const story = `${current.status} + ${command.type}${command.type === 'payment-result' ? ` ${command.kind} ${command.outcome}` : ''} at +${(now.getTime() - T0.getTime()) / MINUTE}m`;
    let result: BatchResult;
    try {
      result = decide(state, [command], now);
    } catch (error) {
      return { next: state, violations: [`${story}: threw ${String(error)}`] };
    }
    const next = saved(state, result);
    const after = next.bookings.get(current.id) ?? current;
    const violations: string[] = [];
    const decided = result.decisions[0].booking?.status ?? current.status;
    if (decided !== after.status) violations.push(`${story}: answered ${decided} but saved ${after.status}`);
    if (after.status !== current.status && !canTransition(current.status, after.status))
      violations.push(`${story}: illegal ${current.status} → ${after.status}`);
    const seatShows = SEAT_SHOWN[after.status];
    const expected = after.seatIds.map(() => (seatShows ? `${seatShows} by ${after.id}` : 'available'));
    if (JSON.stringify(shown(next, ...after.seatIds)) !== JSON.stringify(expected)) {
      violations.push(`${story}: seats show ${shown(next, ...after.seatIds).join(', ')} for a ${after.status} booking`);
    }
    const chargeSucceeded =
      command.type === 'payment-result' && command.kind === 'charge' && command.outcome === 'succeeded' && command.paymentId === current.chargePaymentId;
    if (chargeSucceeded && !seatShows && !after.refundPaymentId) violations.push(`${story}: kept the money of a booking without seats`);
    return { next, violations };
  }

  const refundId = 'rfd_alice';
  /** One booking in every status, with every mix of charge and refund that status can really have. */
  const REACHABLE: BookingState[] = [
    booking({ status: 'pending', expiresAt: null }),
    booking({ status: 'rejected', expiresAt: null, amount: 0 }),
    booking(),
    charged(),
    ...(['paid', 'confirmed', 'payment_failed', 'expired', 'cancelled'] as const).flatMap((status) => [
      charged({ status }),
      charged({ status, refundPaymentId: refundId }),
    ]),
    booking({ status: 'expired' }),
    booking({ status: 'cancelled' }),
    charged({ status: 'refunded', refundPaymentId: refundId }),
  ];

  it('drives bookings in every status', () => {
    expect(new Set(REACHABLE.map((b) => b.status))).toEqual(new Set(BOOKING_STATUSES));
  });

  it.each(REACHABLE.map((b) => ({ b, label: `${b.status}${b.chargePaymentId ? ', charged' : ''}${b.refundPaymentId ? ', refund asked' : ''}` })))(
    'never makes an illegal move from a $label booking',
    ({ b }) => {
      const state = world({ bookings: [b] });
      const violations = [at(MINUTE), new Date(HOLD_ENDS + MINUTE)].flatMap((now) =>
        commandsFor(b).flatMap((command) => violationsOf(state, b, command, now).violations),
      );
      expect(violations).toEqual([]);
    },
  );

  it.each([3, 11, 99, 2026])('never makes an illegal move along a random life of a booking (seed %i)', (seed) => {
    const random = lcg(seed);
    const violations: string[] = [];
    const visited = new Set<BookingStatus>();
    for (let life = 0; life < 20; life++) {
      let now = T0;
      let state = saved(world(), decide(world(), [hold('bkg_alice', [1, 2])], now));
      for (let step = 0; step < 12; step++) {
        now = new Date(now.getTime() + random(4) * MINUTE);
        const current = state.bookings.get('bkg_alice')!;
        visited.add(current.status);
        const choices = commandsFor(current);
        const outcome = violationsOf(state, current, choices[random(choices.length)], now);
        violations.push(...outcome.violations);
        state = outcome.next;
      }
    }
    expect(violations).toEqual([]);
    expect(visited.size).toBeGreaterThan(3);
  });
});

describe('seat changes', () => {
  it('expects the state loaded from the database, even when a seat changes hands several times in the batch', () => {
    const state = world({ bookings: [booking({ id: 'bkg_a', seats: [1] })] });
    const result = decide(state, [cancel('bkg_a'), hold('bkg_b', [1], { userId: BOB }), cancel('bkg_b', BOB), hold('bkg_c', [1])], at(MINUTE));

    expect(outcomes(result)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(result.seatChanges).toEqual([{ before: state.seats.get(seatId(1)), after: seat(1, { status: 'reserved', bookingId: 'bkg_c' }) }]);
    expect(result.seatChanges[0].before).toMatchObject({ status: 'reserved', bookingId: 'bkg_a' });
  });

  it('reports one change from reserved to confirmed when payment and confirmation land in one batch', () => {
    const state = world({ bookings: [charged({ id: 'bkg_a', seats: [1] })] });
    const result = decide(state, [paymentResult('bkg_a', 'charge', 'pay_alice', 'succeeded'), confirm('bkg_a')], at(MINUTE));

    expect(result.seatChanges).toEqual([
      { before: seat(1, { status: 'reserved', bookingId: 'bkg_a' }), after: seat(1, { status: 'confirmed', bookingId: 'bkg_a' }) },
    ]);
  });

  it('does not report a seat that ends the batch as it began', () => {
    const state = world({ bookings: [booking({ id: 'bkg_a', seats: [1] })] });
    const result = decide(state, [hold('bkg_b', [2], { userId: BOB }), cancel('bkg_b', BOB), hold('bkg_c', [3]), cancel('bkg_c')], at(MINUTE));

    expect(outcomes(result)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(result.seatChanges).toEqual([]);
    expect(result.bookings.map((b) => `${b.id} ${b.status}`)).toEqual(['bkg_b cancelled', 'bkg_c cancelled']);
  });
});

describe('purity', () => {
  it('leaves its inputs untouched and decides the same batch the same way every time', () => {
    const state = world({
      bookings: [
        booking({ id: 'bkg_a', seats: [1, 2] }),
        charged({ id: 'bkg_p', seats: [3], status: 'expired' }),
        charged({ id: 'bkg_c', seats: [4], status: 'confirmed' }),
      ],
    });
    const commands = [
      expire('bkg_a'),
      hold('bkg_b', [2, 3], { userId: BOB }),
      paymentResult('bkg_p', 'charge', 'pay_alice', 'succeeded'),
      cancel('bkg_c'),
      pay('bkg_b', 'pay_bob', BOB),
    ];
    const stateBefore = structuredClone(state);
    const commandsBefore = structuredClone(commands);

    const first = decide(state, commands, new Date(HOLD_ENDS));
    const second = decide(state, commands, new Date(HOLD_ENDS));

    expect(first.seatChanges.length).toBeGreaterThan(0);
    expect(state).toEqual(stateBefore);
    expect(commands).toEqual(commandsBefore);
    expect(second).toEqual(first);
  });
});

describe('an admin blocking and unblocking seats', () => {
  const setBlocked = (seats: number[], blocked: boolean): BookingCommand => ({
    commandId: `cmd_block_${seats.join('_')}_${blocked}`,
    eventId: EVENT_ID,
    issuedAt: T0.toISOString(),
    type: 'set-blocked',
    userId: 'usr_admin',
    seatIds: seats.map((n) => seatId(n)),
    blocked,
  });

  it('takes free seats off sale, and a hold in the same batch then loses them', () => {
    const state = world();
    const result = decide(state, [setBlocked([2, 3], true), hold('bkg_bob', [3], { userId: BOB })]);
    expect(result.decisions.map((d) => d.outcome)).toEqual(['applied', 'rejected']);
    expect(result.decisions[1]!.errorCode).toBe('SEAT_UNAVAILABLE');
    expect(shown(saved(state, result), 2, 3)).toEqual(['blocked', 'blocked']);
  });

  it('never touches a seat a booking holds: the whole block is refused, naming it', () => {
    const state = world({ bookings: [booking({ seats: [1] })] });
    const result = decide(state, [setBlocked([1, 2], true)]);
    expect(result.decisions[0]).toMatchObject({
      outcome: 'rejected',
      errorCode: 'SEAT_UNAVAILABLE',
      reason: 'Held by a booking: A1.',
      unavailableSeatIds: [seatId(1)],
    });
    expect(result.seatChanges).toEqual([]);
  });

  it('puts blocked seats back on sale and ignores seats that were not blocked', () => {
    const state = world({ seats: [seat(4, { status: 'blocked' })] });
    const result = decide(state, [setBlocked([4, 5], false)]);
    expect(result.seatChanges.map(({ before, after }) => [before.id, before.status, after.status])).toEqual([[seatId(4), 'blocked', 'available']]);
    expect(decide(state, [setBlocked([5], false)]).decisions[0]!.outcome).toBe('ignored');
  });

  it('refuses seats of another event', () => {
    const result = decide(world(), [{ ...setBlocked([1], true), eventId: OTHER_EVENT_ID }]);
    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'NOT_FOUND' });
  });
});

// ---------------------------------------------------------------------------
// Seats together: the no-orphan rule, companion seats and best available.
// Seats 1..8 are one run of row A (the default world); an event's flags are set per test.
// ---------------------------------------------------------------------------

/** The default world with the event's no-orphan rule on, show time and seats as given. */
function seatedWorld(spec: WorldSpec & { noOrphanSeats?: boolean; startsAt?: Date } = {}): BatchState {
  const state = world(spec);
  const events = new Map(state.events);
  events.set(EVENT_ID, { ...events.get(EVENT_ID)!, noOrphanSeats: spec.noOrphanSeats ?? true, startsAt: spec.startsAt ?? at(30 * 24 * 60 * MINUTE) });
  return { ...state, events };
}

/** Best available for `count` seats; the runs read for it are every seat of the world unless given. */
function holdBest(
  bookingId: string,
  best: NonNullable<Extract<BookingCommand, { type: 'hold' }>['best']>,
  userId = ALICE,
): Extract<BookingCommand, { type: 'hold' }> {
  return { ...envelope(bookingId), type: 'hold', userId, seatIds: [], best, deadline: at(60 * MINUTE).toISOString() };
}

function withCandidates(state: BatchState, commands: BookingCommand[], complete = true): BatchState {
  const seatIds = [...state.seats.keys()];
  return { ...state, bestCandidates: new Map(commands.map((command) => [command.commandId, { seatIds, complete }])) };
}

const companion = (n: number) => seat(n, { attributes: ['companion'] });
const wheelchair = (n: number) => seat(n, { attributes: ['wheelchair'] });

describe('no orphan seats', () => {
  it('refuses a hold that would leave one seat alone at the end of the row, naming that seat, and changes nothing', () => {
    const result = decide(seatedWorld(), [hold('bkg_a', [2, 3])]);

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'ORPHAN_SEAT', unavailableSeatIds: [seatId(1)] });
    expect(result.decisions[0].reason).toMatch(/seat A1 on its own/);
    expect(result.seatChanges).toEqual([]);
  });

  it('refuses a hold that would leave one seat between it and a taken seat', () => {
    const state = seatedWorld({ bookings: [booking({ id: 'bkg_bob', userId: BOB, seats: [4] })] });

    expect(decide(state, [hold('bkg_a', [6, 7, 8])]).decisions[0]).toMatchObject({ errorCode: 'ORPHAN_SEAT', unavailableSeatIds: [seatId(5)] });
  });

  it('refuses a hold with a single gap of its own in the middle', () => {
    expect(decide(seatedWorld(), [hold('bkg_a', [1, 2, 4])]).decisions[0]).toMatchObject({ errorCode: 'ORPHAN_SEAT', unavailableSeatIds: [seatId(3)] });
  });

  it('grants holds that leave no single seat, and one that fills a single gap', () => {
    const state = seatedWorld({ bookings: [booking({ id: 'bkg_bob', userId: BOB, seats: [2] })] });
    const result = decide(state, [hold('bkg_a', [1]), hold('bkg_c', [3, 4], { userId: CAROL }), hold('bkg_d', [7, 8], { userId: CAROL })]);

    expect(outcomes(result)).toEqual(['applied', 'applied', 'applied']);
  });

  it('judges each hold against the seats the earlier ones of the batch took', () => {
    // After A3–A4 are taken, a hold of A6 would leave A5 alone between them.
    const result = decide(seatedWorld(), [hold('bkg_a', [3, 4, 1, 2]), hold('bkg_b', [6], { userId: BOB })]);

    expect(outcomes(result)).toEqual(['applied', 'rejected']);
    expect(result.decisions[1]).toMatchObject({ errorCode: 'ORPHAN_SEAT', unavailableSeatIds: [seatId(5)] });
  });

  it('does not blame a hold for a seat that was alone before it', () => {
    const state = seatedWorld({ bookings: [booking({ id: 'bkg_bob', userId: BOB, seats: [2] })] });

    expect(outcomes(decide(state, [hold('bkg_a', [3, 4])]))).toEqual(['applied']);
  });

  it('treats seats in different runs (across an aisle) as not together', () => {
    // Seats 5–8 are across an aisle from 1–4: holding 1–4 strands nothing.
    const runs = seatedWorld({ seats: [5, 6, 7, 8].map((n) => seat(n, { block: 1 })) });

    expect(outcomes(decide(runs, [hold('bkg_a', [1, 2, 3, 4])]))).toEqual(['applied']);
    expect(decide(runs, [hold('bkg_a', [2, 3, 4])]).decisions[0]).toMatchObject({ unavailableSeatIds: [seatId(1)] });
  });

  it('lets an event without the rule sell single seats', () => {
    expect(outcomes(decide(seatedWorld({ noOrphanSeats: false }), [hold('bkg_a', [2, 3])]))).toEqual(['applied']);
  });
});

describe('companion seats', () => {
  it('refuses a companion seat held without a wheelchair space, naming it', () => {
    const state = seatedWorld({ seats: [wheelchair(1), companion(2)] });
    const result = decide(state, [hold('bkg_a', [2, 3])]);

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'COMPANION_SEAT_ALONE', unavailableSeatIds: [seatId(2)] });
    expect(result.decisions[0].reason).toBe('A2 is a companion seat: hold it together with a wheelchair space.');
  });

  it('grants a companion seat together with a wheelchair space', () => {
    expect(outcomes(decide(seatedWorld({ seats: [wheelchair(1), companion(2)] }), [hold('bkg_a', [1, 2])]))).toEqual(['applied']);
  });

  it('sells companion seats to anyone from the configured time before the show', () => {
    const startsAt = at(POLICY.companionReleaseMs);
    const state = seatedWorld({ seats: [wheelchair(1), companion(2)], startsAt, noOrphanSeats: false });

    expect(outcomes(decide(state, [hold('bkg_a', [2])], at(-1)))).toEqual(['rejected']);
    expect(outcomes(decide(state, [hold('bkg_a', [2])], T0))).toEqual(['applied']);
  });
});

describe('best available', () => {
  it('holds the seats it picks, all of them, and answers them like any hold', () => {
    const command = holdBest('bkg_a', { count: 4 });
    const result = decide(withCandidates(seatedWorld(), [command]), [command]);

    expect(result.decisions[0]).toMatchObject({ outcome: 'applied', booking: { status: 'reserved', seatIds: [1, 2, 3, 4].map((n) => seatId(n)) } });
    expect(result.decisions[0].booking?.amount).toBe([1, 2, 3, 4].reduce((total, n) => total + priceOf(n), 0));
    expect(result.seatChanges.map((change) => change.after.bookingId)).toEqual(['bkg_a', 'bkg_a', 'bkg_a', 'bkg_a']);
  });

  it('gives two buyers asking in the same batch different seats, and both get theirs while enough remain', () => {
    const commands = [holdBest('bkg_a', { count: 4 }), holdBest('bkg_b', { count: 4 }, BOB), holdBest('bkg_c', { count: 2 }, CAROL)];
    const result = decide(withCandidates(seatedWorld(), commands), commands);

    expect(outcomes(result)).toEqual(['applied', 'applied', 'rejected']);
    const [a, b] = result.decisions.map((decision) => decision.booking?.seatIds ?? []);
    expect(new Set([...a!, ...b!]).size).toBe(8);
    expect(result.decisions[2]).toMatchObject({ errorCode: 'NOT_ENOUGH_SEATS_TOGETHER' });
    expect(result.decisions[2].reason).toBe('No 2 seats together are left. Try fewer seats or another part of the venue, or pick seats on the map.');
  });

  it('asks for more runs instead of refusing when the runs read were not all of them', () => {
    const command = holdBest('bkg_a', { count: 4 });
    const state = withCandidates(seatedWorld({ bookings: [booking({ id: 'bkg_bob', userId: BOB, seats: [4, 5] })] }), [command], false);
    const result = decide(state, [command]);

    expect(result.needsMoreCandidates).toEqual([command.commandId]);
    expect(result.decisions[0]).toMatchObject({ deferred: true });
    expect(result.seatChanges).toEqual([]);
  });

  it('gives restricted-view seats only once every run is read and none has clear seats together', () => {
    const restricted = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => seat(n, { attributes: ['restricted_view'] }));
    const command = holdBest('bkg_a', { count: 4 });

    const partly = decide(withCandidates(seatedWorld({ seats: restricted }), [command], false), [command]);
    expect(partly.needsMoreCandidates).toEqual([command.commandId]);
    expect(partly.seatChanges).toEqual([]);

    const everything = decide(withCandidates(seatedWorld({ seats: restricted }), [command]), [command]);
    expect(everything.decisions[0]).toMatchObject({ outcome: 'applied', booking: { seatIds: [1, 2, 3, 4].map((n) => seatId(n)) } });
  });

  it('keeps to the tier and section asked for', () => {
    const state = seatedWorld({ seats: [5, 6, 7, 8].map((n) => seat(n, { tier: 'VIP', block: 1 })) });
    const command = holdBest('bkg_a', { count: 2, tier: 'VIP' });

    expect(
      decide(withCandidates(state, [command]), [command]).decisions[0].booking?.seatIds.every((id) => [5, 6, 7, 8].map((n) => seatId(n)).includes(id)),
    ).toBe(true);
    const elsewhere = holdBest('bkg_b', { count: 2, section: 'Balcony' });
    expect(decide(withCandidates(state, [elsewhere]), [elsewhere]).decisions[0]).toMatchObject({ errorCode: 'NOT_ENOUGH_SEATS_TOGETHER' });
  });

  it('counts toward the per-booking and per-buyer limits like the seats it would pick', () => {
    const tooMany = holdBest('bkg_a', { count: POLICY.maxSeatsPerBooking + 1 });
    expect(decide(withCandidates(seatedWorld(), [tooMany]), [tooMany]).decisions[0]).toMatchObject({ errorCode: 'VALIDATION_FAILED' });

    const pastLimit = holdBest('bkg_b', { count: 3 });
    const state = withCandidates(seatedWorld({ heldElsewhere: { [ALICE]: POLICY.maxSeatsPerBuyer - 2 } }), [pastLimit]);
    expect(decide(state, [pastLimit]).decisions[0]).toMatchObject({ errorCode: 'BUYER_LIMIT_REACHED' });
  });

  it('gives an accessible request a wheelchair space and its companion seat', () => {
    const command = holdBest('bkg_a', { count: 2, accessible: true });
    const state = seatedWorld({ seats: [wheelchair(7), companion(8)] });

    expect(decide(withCandidates(state, [command]), [command]).decisions[0].booking?.seatIds).toEqual([seatId(7), seatId(8)]);
  });

  it('refuses a hold that names seats and asks for best available at once', () => {
    const both = { ...holdBest('bkg_a', { count: 1 }), seatIds: [seatId(1)] };

    expect(decide(seatedWorld(), [both]).decisions[0]).toMatchObject({ errorCode: 'VALIDATION_FAILED' });
  });
});

describe('more time for a hold', () => {
  const extend = (bookingId: string, userId = ALICE): BookingCommand => ({ ...envelope(bookingId), type: 'extend', userId });
  /** Alice's hold of seat 1, granted at T0 with its extensions. */
  const fresh = (overrides: Partial<BookingState> = {}) => booking({ extensionsLeft: POLICY.holdExtensions, ...overrides });

  it('gives a new hold the configured number of extensions', () => {
    expect(decide(world(), [hold('bkg_a', [1])]).decisions[0].booking?.extensionsLeft).toBe(POLICY.holdExtensions);
  });

  it('moves the expiry on by the extension, from when it was due, and counts it', () => {
    const result = decide(world({ bookings: [fresh()] }), [extend('bkg_alice')], at(8 * MINUTE));

    expect(result.decisions[0]).toMatchObject({ outcome: 'applied', booking: { extensionsLeft: POLICY.holdExtensions - 1 } });
    expect(result.decisions[0].booking?.expiresAt).toEqual(new Date(HOLD_ENDS + POLICY.holdExtensionMs));
    expect(result.seatChanges).toEqual([]);
  });

  it('refuses once the extensions are used up, saying so, and changes nothing', () => {
    const result = decide(world({ bookings: [fresh({ extensionsLeft: 0 })] }), [extend('bkg_alice')], at(MINUTE));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'EXTENSION_LIMIT_REACHED' });
    expect(result.decisions[0].booking?.expiresAt).toEqual(new Date(HOLD_ENDS));
  });

  it('never extends past the hold’s maximum lifetime, and refuses once it is there', () => {
    const cap = T0.getTime() + POLICY.maxHoldLifetimeMs;
    const nearCap = fresh({ expiresAt: new Date(cap - 30_000) });
    const first = decide(world({ bookings: [nearCap] }), [extend('bkg_alice')], at(MINUTE));
    expect(first.decisions[0].booking?.expiresAt).toEqual(new Date(cap));

    const atCap = decide(world({ bookings: [first.decisions[0].booking!] }), [extend('bkg_alice')], at(2 * MINUTE));
    expect(atCap.decisions[0]).toMatchObject({ errorCode: 'EXTENSION_LIMIT_REACHED' });
  });

  it('is for the owner only, and only for a hold awaiting payment', () => {
    expect(decide(world({ bookings: [fresh()] }), [extend('bkg_alice', BOB)]).decisions[0]).toMatchObject({ errorCode: 'FORBIDDEN' });
    expect(decide(world({ bookings: [fresh({ status: 'confirmed' })] }), [extend('bkg_alice')]).decisions[0]).toMatchObject({ errorCode: 'INVALID_STATE' });
    const paying = fresh({ chargePaymentId: 'pay_1', cardToken: CARD });
    expect(decide(world({ bookings: [paying] }), [extend('bkg_alice')]).decisions[0]).toMatchObject({ errorCode: 'INVALID_STATE' });
    expect(decide(world(), [extend('bkg_nobody')]).decisions[0]).toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('refuses a hold whose time already ran out', () => {
    const result = decide(world({ bookings: [fresh()] }), [extend('bkg_alice')], new Date(HOLD_ENDS + 1));

    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'HOLD_EXPIRED' });
  });

  it('leaves no extensions to a hold that moved on (paid, expired, cancelled)', () => {
    const paid = decide(world({ bookings: [fresh()] }), [pay('bkg_alice')], at(MINUTE));
    expect(paid.decisions[0].booking?.extensionsLeft).toBe(0);
    const cancelled = decide(world({ bookings: [fresh()] }), [cancel('bkg_alice')]);
    expect(cancelled.decisions[0].booking?.extensionsLeft).toBe(0);
  });
});
