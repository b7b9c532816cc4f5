import type { BookingCommand } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { holdPolicy } from '../../../../test/builders/hold-policy.builder';
import { decideBatch, type BatchState, type BookingState, type SeatState } from './booking.rules';
import type { StandingCandidates } from './standing.rules';

// An event with two seats (A1, A2) and a standing area `Floor` of `capacity` places, on sale.

const EVENT_ID = 'evt_club';
const ALICE = 'usr_alice';
const BOB = 'usr_bob';
const MINUTE = 60_000;
const T0 = new Date('2026-12-07T20:00:00.000Z');
const POLICY = holdPolicy({ maxSeatsPerBooking: 6, maxSeatsPerBuyer: 8, companionReleaseMs: 0, holdExtensions: 0 });

const seatIdOf = (label: string): string => `${EVENT_ID}_${label}`;
const placeId = (n: number): string => seatIdOf(`Floor-${n}`);

function seat(label: string, overrides: Partial<SeatState> = {}): SeatState {
  return {
    id: seatIdOf(label),
    eventId: EVENT_ID,
    label,
    status: 'available',
    bookingId: null,
    price: 5_000,
    section: 'Balcony',
    row: 'A',
    number: Number(label.slice(1)),
    tier: 'Balcony',
    block: 0,
    stageDistance: 1,
    attributes: [],
    ...overrides,
  };
}

function place(n: number, overrides: Partial<SeatState> = {}): SeatState {
  return seat(`Floor-${n}`, { section: 'Floor', row: '', number: n, tier: 'Floor', price: 3_000, attributes: ['standing'], ...overrides });
}

let sequence = 0;
function hold(bookingId: string, request: { seats?: string[]; ga?: { areaId: string; quantity: number }; userId?: string }): BookingCommand {
  sequence += 1;
  return {
    commandId: `cmd_${sequence}`,
    eventId: EVENT_ID,
    issuedAt: T0.toISOString(),
    type: 'hold',
    bookingId,
    userId: request.userId ?? ALICE,
    seatIds: (request.seats ?? []).map(seatIdOf),
    ...(request.ga ? { ga: request.ga } : {}),
    deadline: new Date(T0.getTime() + MINUTE).toISOString(),
  };
}

const cancel = (bookingId: string): BookingCommand => {
  sequence += 1;
  return { commandId: `cmd_${sequence}`, eventId: EVENT_ID, issuedAt: T0.toISOString(), type: 'cancel', bookingId, userId: ALICE };
};

interface WorldSpec {
  capacity?: number;
  /** Places already held, by number, by booking `bkg_earlier`. */
  taken?: number[];
  /** Which places the candidates read gives (by number; default every free one), and whether that is all. */
  read?: number[];
  complete?: boolean;
  bookings?: BookingState[];
}

/**
 * The state a batch loads: the seats, and for each standing hold the free places read for it
 * (the repository's lowest-numbered free ones), which are then in `seats` too.
 */
function world(commands: readonly BookingCommand[], { capacity = 10, taken = [], read, complete = true, bookings = [] }: WorldSpec = {}): BatchState {
  const seats = new Map<string, SeatState>([seat('A1'), seat('A2')].map((s) => [s.id, s]));
  const free: number[] = [];
  for (let n = 1; n <= capacity; n += 1) {
    if (taken.includes(n)) continue;
    free.push(n);
  }
  const readNumbers = read ?? free;
  for (const n of readNumbers) seats.set(placeId(n), place(n));
  for (const held of bookings) for (const id of held.seatIds) seats.set(id, { ...place(Number(id.split('-').pop())), status: 'reserved', bookingId: held.id });
  const candidates: StandingCandidates = { seatIds: readNumbers.map(placeId), complete, exists: capacity > 0 };
  return {
    seats,
    bookings: new Map(bookings.map((b) => [b.id, b])),
    events: new Map([[EVENT_ID, { id: EVENT_ID, status: 'on_sale' }]]),
    users: new Set([ALICE, BOB]),
    liveSeats: new Map(),
    standingCandidates: new Map(commands.filter((c) => c.type === 'hold' && c.ga).map((c) => [c.commandId, candidates])),
  };
}

function decide(commands: BookingCommand[], spec: WorldSpec = {}) {
  return decideBatch(world(commands, spec), commands, T0, POLICY);
}

function heldBooking(id: string, places: number[]): BookingState {
  return {
    id,
    eventId: EVENT_ID,
    userId: ALICE,
    status: 'reserved',
    commandId: `cmd_hold_${id}`,
    seatIds: places.map(placeId),
    amount: places.length * 3_000,
    expiresAt: new Date(T0.getTime() + 10 * MINUTE),
    holdExtendedAt: null,
    reason: null,
    failureCode: null,
    extensionsLeft: 0,
    cardToken: null,
    chargePaymentId: null,
    refundPaymentId: null,
    createdAt: T0,
    updatedAt: T0,
  };
}

describe('holds of standing places (ga)', () => {
  it('picks the lowest-numbered free places, prices them, and paints them reserved', () => {
    const result = decide([hold('bkg_1', { ga: { areaId: 'Floor', quantity: 3 } })], { taken: [1, 3] });
    const [decision] = result.decisions;
    expect(decision).toMatchObject({ outcome: 'applied', booking: { status: 'reserved', amount: 9_000 } });
    expect(decision!.booking!.seatIds).toEqual([placeId(2), placeId(4), placeId(5)]);
    expect(result.seatChanges.map(({ after }) => [after.id, after.status, after.bookingId])).toEqual([
      [placeId(2), 'reserved', 'bkg_1'],
      [placeId(4), 'reserved', 'bkg_1'],
      [placeId(5), 'reserved', 'bkg_1'],
    ]);
  });

  it('is all or nothing: asking for more than are left holds none and says how many are left', () => {
    const result = decide([hold('bkg_1', { ga: { areaId: 'Floor', quantity: 3 } })], { capacity: 4, taken: [1, 2] });
    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'NOT_ENOUGH_PLACES' });
    expect(result.decisions[0]!.reason).toContain('only 2 are left');
    expect(result.seatChanges).toEqual([]);
  });

  it('never gives more places than the area has, however many holds a batch brings: first come, first served', () => {
    const holds = [
      hold('bkg_1', { ga: { areaId: 'Floor', quantity: 3 } }),
      hold('bkg_2', { ga: { areaId: 'Floor', quantity: 2 }, userId: BOB }),
      hold('bkg_3', { ga: { areaId: 'Floor', quantity: 2 } }),
      hold('bkg_4', { ga: { areaId: 'Floor', quantity: 1 }, userId: BOB }),
    ];
    const result = decide(holds, { capacity: 6 });
    expect(result.decisions.map((d) => d.outcome)).toEqual(['applied', 'applied', 'rejected', 'applied']);
    expect(result.decisions[2]!.errorCode).toBe('NOT_ENOUGH_PLACES');
    const granted = result.decisions.flatMap((d) => (d.outcome === 'applied' ? d.booking!.seatIds : []));
    expect(granted).toHaveLength(6);
    expect(new Set(granted).size).toBe(6);
  });

  it('holds seats and places together, all or nothing: too few places, and the seats are not held either', () => {
    const together = decide([hold('bkg_1', { seats: ['A1', 'A2'], ga: { areaId: 'Floor', quantity: 2 } })], { capacity: 3 });
    expect(together.decisions[0]).toMatchObject({ outcome: 'applied', booking: { amount: 2 * 5_000 + 2 * 3_000 } });
    expect(together.decisions[0]!.booking!.seatIds).toEqual([seatIdOf('A1'), seatIdOf('A2'), placeId(1), placeId(2)]);

    const tooFew = decide([hold('bkg_2', { seats: ['A1'], ga: { areaId: 'Floor', quantity: 2 } })], { capacity: 3, taken: [1, 2] });
    expect(tooFew.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'NOT_ENOUGH_PLACES' });
    expect(tooFew.seatChanges).toEqual([]);
  });

  it('a seat taken refuses the places asked beside it', () => {
    const first = hold('bkg_1', { seats: ['A1'] });
    const second = hold('bkg_2', { seats: ['A1'], ga: { areaId: 'Floor', quantity: 1 }, userId: BOB });
    const result = decide([first, second]);
    expect(result.decisions[1]).toMatchObject({ outcome: 'rejected', errorCode: 'SEAT_UNAVAILABLE' });
    expect(result.seatChanges.map(({ after }) => after.id)).toEqual([seatIdOf('A1')]);
  });

  it('counts places in the per-booking limit with the seats beside them', () => {
    const result = decide([hold('bkg_1', { seats: ['A1', 'A2'], ga: { areaId: 'Floor', quantity: 5 } })]);
    expect(result.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'VALIDATION_FAILED' });
  });

  it('refuses a standing place named as a seat, and an area the event does not have', () => {
    const named = decide([hold('bkg_1', { seats: ['Floor-1'] })]);
    expect(named.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'VALIDATION_FAILED', unavailableSeatIds: [placeId(1)] });
    const unknown = decide([hold('bkg_2', { ga: { areaId: 'Pit', quantity: 1 } })], { capacity: 0 });
    expect(unknown.decisions[0]).toMatchObject({ outcome: 'rejected', errorCode: 'NOT_FOUND' });
  });

  it('asks for more places to be read when those read fall short and more exist, deciding nothing yet', () => {
    const result = decide([hold('bkg_1', { ga: { areaId: 'Floor', quantity: 3 } })], { read: [1, 2], complete: false });
    expect(result.decisions[0]).toMatchObject({ outcome: 'ignored', deferred: true });
    expect(result.needsMorePlaces).toEqual([result.decisions[0]!.command.commandId]);
  });

  it('gives places freed earlier in the batch to a later hold', () => {
    const earlier = heldBooking('bkg_earlier', [1, 2]);
    const result = decide([cancel('bkg_earlier'), hold('bkg_1', { ga: { areaId: 'Floor', quantity: 2 }, userId: BOB })], {
      capacity: 2,
      taken: [1, 2],
      bookings: [earlier],
    });
    expect(result.decisions.map((d) => d.outcome)).toEqual(['applied', 'applied']);
    expect(result.decisions[1]!.booking!.seatIds).toEqual([placeId(1), placeId(2)]);
    expect(result.seatChanges.map(({ before, after }) => [after.id, before.bookingId, after.bookingId])).toEqual([
      [placeId(1), 'bkg_earlier', 'bkg_1'],
      [placeId(2), 'bkg_earlier', 'bkg_1'],
    ]);
  });
});
