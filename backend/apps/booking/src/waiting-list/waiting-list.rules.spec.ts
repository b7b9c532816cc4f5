import type { BookingCommand } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { holdPolicy } from '../../../../test/builders/hold-policy.builder';
import { buyerKey, decideBatch, type BatchState, type BookingState, type SeatState } from '../bookings/booking.rules';
import { allotReleasedSeats, joinRefusalOf, offerBookingIdOf, settledStatusOf, type ReleasedSeat, type WaitingEntryState } from './waiting-list.rules';

const EVENT_ID = 'evt_small';
const MINUTE = 60_000;
const T0 = new Date('2026-12-07T18:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const POLICY = holdPolicy({ waitingListClaimMs: 2 * MINUTE });

const seatId = (n: number): string => `${EVENT_ID}_A${n}`;

function seat(n: number, overrides: Partial<SeatState> = {}): SeatState {
  return {
    id: seatId(n),
    eventId: EVENT_ID,
    label: `A${n}`,
    status: 'available',
    bookingId: null,
    price: 1_000,
    section: 'Floor',
    row: 'A',
    number: n,
    tier: n <= 2 ? 'VIP' : 'Regular',
    block: 0,
    stageDistance: 0,
    attributes: [],
    ...overrides,
  };
}

/** A booking holding seats `seats` of the event, reserved by default, made at T0. */
function booking(id: string, userId: string, seats: number[], overrides: Partial<BookingState> = {}): BookingState {
  return {
    id,
    eventId: EVENT_ID,
    userId,
    status: 'reserved',
    commandId: `cmd_hold_${id}`,
    seatIds: seats.map(seatId),
    amount: 1_000 * seats.length,
    expiresAt: at(10 * MINUTE),
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

function entry(id: string, userId: string, quantity: number, overrides: Partial<WaitingEntryState> = {}): WaitingEntryState {
  return {
    id,
    eventId: EVENT_ID,
    userId,
    quantity,
    tier: null,
    status: 'waiting',
    joinedAt: T0,
    offeredBookingId: null,
    offeredAt: null,
    ...overrides,
  };
}

/** Four seats, all held by the bookings given, and the waiting entries given. */
function soldOut(bookings: BookingState[], waitingEntries: WaitingEntryState[], liveSeats: Record<string, number> = {}): BatchState {
  const seats = new Map([1, 2, 3, 4].map((n) => [seatId(n), seat(n)]));
  for (const held of bookings) {
    for (const id of held.seatIds) seats.set(id, { ...seats.get(id)!, status: held.status === 'confirmed' ? 'confirmed' : 'reserved', bookingId: held.id });
  }
  return {
    seats,
    bookings: new Map(bookings.map((b) => [b.id, b])),
    events: new Map([[EVENT_ID, { id: EVENT_ID, status: 'on_sale' as const }]]),
    users: new Set(['usr_a', 'usr_b', 'usr_c', 'usr_d']),
    liveSeats: new Map(Object.entries(liveSeats).map(([userId, n]) => [buyerKey(userId, EVENT_ID), n])),
    waitingEntries,
  };
}

let sequence = 0;
const envelope = (bookingId: string) => ({ commandId: `cmd_${(sequence += 1)}`, eventId: EVENT_ID, issuedAt: T0.toISOString(), bookingId });
const cancel = (bookingId: string, userId: string): BookingCommand => ({ ...envelope(bookingId), type: 'cancel', userId });
const expire = (bookingId: string): BookingCommand => ({ ...envelope(bookingId), type: 'expire' });
const hold = (bookingId: string, userId: string, seats: number[]): BookingCommand => ({
  ...envelope(bookingId),
  type: 'hold',
  userId,
  seatIds: seats.map(seatId),
  deadline: at(60 * MINUTE).toISOString(),
});
const paymentResult = (bookingId: string, outcome: 'succeeded' | 'failed'): BookingCommand => ({
  ...envelope(bookingId),
  type: 'payment-result',
  kind: 'charge',
  paymentId: `pay_${bookingId}`,
  outcome,
});

const seatsOf = (state: ReturnType<typeof decideBatch>) => new Map(state.seatChanges.map(({ after }) => [after.id, after]));

describe('the waiting list, offering released seats (pure)', () => {
  const released = (ns: number[], overrides: Partial<ReleasedSeat> = {}): ReleasedSeat[] =>
    ns.map((n) => ({ id: seatId(n), tier: 'Regular', section: 'Floor', row: 'A', block: 0, number: n, ...overrides }));

  it('serves the line in order of joining, then by id, each with as many seats as it asked for', () => {
    const line = [
      entry('wle_b', 'usr_b', 1, { joinedAt: at(2) }),
      entry('wle_a2', 'usr_c', 1, { joinedAt: at(1) }),
      entry('wle_a1', 'usr_a', 1, { joinedAt: at(1) }),
    ];
    expect(allotReleasedSeats(line, released([3, 4])).map((a) => [a.entry.id, a.seatIds])).toEqual([
      ['wle_a1', [seatId(3)]],
      ['wle_a2', [seatId(4)]],
    ]);
  });

  it('skips an entry whose quantity does not fit, keeping its place, and serves the next that fits', () => {
    const line = [entry('wle_1', 'usr_a', 3, { joinedAt: at(1) }), entry('wle_2', 'usr_b', 2, { joinedAt: at(2) })];
    expect(allotReleasedSeats(line, released([3, 4])).map((a) => a.entry.id)).toEqual(['wle_2']);
  });

  it('gives an entry that named a tier only seats of that tier', () => {
    const line = [entry('wle_vip', 'usr_a', 1, { tier: 'VIP', joinedAt: at(1) }), entry('wle_any', 'usr_b', 1, { joinedAt: at(2) })];
    expect(allotReleasedSeats(line, released([3])).map((a) => a.entry.id)).toEqual(['wle_any']);
    expect(allotReleasedSeats(line, [...released([3]), ...released([1], { tier: 'VIP' })]).map((a) => [a.entry.id, a.seatIds])).toEqual([
      ['wle_vip', [seatId(1)]],
      ['wle_any', [seatId(3)]],
    ]);
  });

  it('prefers seats side by side', () => {
    expect(allotReleasedSeats([entry('wle_1', 'usr_a', 2)], released([1, 3, 4]))[0]?.seatIds).toEqual([seatId(3), seatId(4)]);
  });

  it('skips entries already offered and buyers who may not take more seats', () => {
    const line = [entry('wle_1', 'usr_a', 1, { status: 'offered' }), entry('wle_2', 'usr_b', 1), entry('wle_3', 'usr_c', 1, { joinedAt: at(5) })];
    expect(allotReleasedSeats(line, released([3, 4]), (e) => e.userId !== 'usr_b').map((a) => a.entry.id)).toEqual(['wle_3']);
  });

  it('settles an offered entry with its booking: claimed when paid, lapsed when it ended unpaid', () => {
    const offered = entry('wle_1', 'usr_a', 1, { status: 'offered', offeredBookingId: 'bkg_wle_1' });
    expect(settledStatusOf(offered, 'paid')).toBe('claimed');
    expect(settledStatusOf(offered, 'confirmed')).toBe('claimed');
    for (const status of ['expired', 'cancelled', 'payment_failed'] as const) expect(settledStatusOf(offered, status)).toBe('lapsed');
    expect(settledStatusOf(offered, 'reserved')).toBeNull();
    expect(settledStatusOf({ ...offered, status: 'claimed' }, 'refunded')).toBeNull();
  });
});

describe('the waiting list in the booking core (decideBatch)', () => {
  const held = booking('bkg_held', 'usr_a', [3, 4]);
  const others = booking('bkg_others', 'usr_d', [1, 2], { status: 'confirmed' });

  it('offers seats a cancel releases to the first in line, as a hold for them that lasts the claim time, and to nobody else', () => {
    const first = entry('wle_1', 'usr_b', 2, { joinedAt: at(1) });
    const second = entry('wle_2', 'usr_c', 2, { joinedAt: at(2) });
    const result = decideBatch(soldOut([held, others], [second, first]), [cancel('bkg_held', 'usr_a')], at(MINUTE), POLICY);

    const offerId = offerBookingIdOf('wle_1');
    expect(result.offers).toEqual([offerId]);
    const offer = result.bookings.find((b) => b.id === offerId);
    expect(offer).toMatchObject({
      userId: 'usr_b',
      status: 'reserved',
      seatIds: [seatId(3), seatId(4)],
      amount: 2_000,
      expiresAt: at(3 * MINUTE),
      extensionsLeft: 0,
    });
    const seats = seatsOf(result);
    expect([seats.get(seatId(3)), seats.get(seatId(4))].map((s) => [s?.status, s?.bookingId])).toEqual([
      ['reserved', offerId],
      ['reserved', offerId],
    ]);
    expect(result.waitingEntries).toEqual([{ ...first, status: 'offered', offeredBookingId: offerId, offeredAt: at(MINUTE) }]);
  });

  it('offers before the next command: a hold on the released seats later in the same batch is refused', () => {
    const result = decideBatch(
      soldOut([held, others], [entry('wle_1', 'usr_b', 2)]),
      [cancel('bkg_held', 'usr_a'), hold('bkg_c', 'usr_c', [3])],
      at(MINUTE),
      POLICY,
    );
    expect(result.decisions[1]).toMatchObject({ outcome: 'rejected', errorCode: 'SEAT_UNAVAILABLE' });
    expect(seatsOf(result).get(seatId(3))?.bookingId).toBe(offerBookingIdOf('wle_1'));
  });

  it('leaves the seats nobody in line can take on general sale', () => {
    const result = decideBatch(
      soldOut([held, others], [entry('wle_1', 'usr_b', 1), entry('wle_2', 'usr_c', 3, { joinedAt: at(1) })]),
      [expire('bkg_held')],
      at(11 * MINUTE),
      POLICY,
    );
    expect(result.offers).toEqual([offerBookingIdOf('wle_1')]);
    const seats = seatsOf(result);
    expect([seats.get(seatId(3))?.status, seats.get(seatId(4))?.status]).toEqual(['reserved', 'available']);
    expect(seats.get(seatId(4))?.bookingId).toBeNull();
  });

  it('sends the seats of an offer that lapses to general sale, not down the line, and marks the entry lapsed', () => {
    const offered = entry('wle_1', 'usr_b', 2, { status: 'offered', offeredBookingId: offerBookingIdOf('wle_1'), offeredAt: T0 });
    const offer = booking(offerBookingIdOf('wle_1'), 'usr_b', [3, 4], { expiresAt: at(2 * MINUTE) });
    const next = entry('wle_2', 'usr_c', 1, { joinedAt: at(1) });
    const result = decideBatch(soldOut([offer, others], [offered, next]), [expire(offer.id)], at(3 * MINUTE), POLICY);
    expect(result.offers).toEqual([]);
    expect([...seatsOf(result).values()].map((s) => [s.id, s.status, s.bookingId])).toEqual([
      [seatId(3), 'available', null],
      [seatId(4), 'available', null],
    ]);
    expect(result.waitingEntries).toEqual([{ ...offered, status: 'lapsed' }]);
  });

  it('marks the entry claimed when the offer is paid', () => {
    const offered = entry('wle_1', 'usr_b', 2, { status: 'offered', offeredBookingId: offerBookingIdOf('wle_1'), offeredAt: T0 });
    const offer = booking(offerBookingIdOf('wle_1'), 'usr_b', [3, 4], { chargePaymentId: `pay_${offerBookingIdOf('wle_1')}` });
    const result = decideBatch(soldOut([offer, others], [offered]), [paymentResult(offer.id, 'succeeded')], at(MINUTE), POLICY);
    expect(result.waitingEntries.map((e) => e.status)).toEqual(['claimed']);
  });

  it('never offers one entry twice, nor one seat to two entries, however many releases a batch holds', () => {
    const a = booking('bkg_a', 'usr_a', [3]);
    const b = booking('bkg_b', 'usr_d', [4]);
    const line = [entry('wle_1', 'usr_b', 1, { joinedAt: at(1) }), entry('wle_2', 'usr_c', 1, { joinedAt: at(2) })];
    const result = decideBatch(soldOut([a, b, others], line), [cancel('bkg_a', 'usr_a'), cancel('bkg_b', 'usr_d')], at(MINUTE), POLICY);
    expect(result.offers).toEqual([offerBookingIdOf('wle_1'), offerBookingIdOf('wle_2')]);
    const offered = result.bookings.filter((x) => result.offers.includes(x.id));
    expect(offered.map((x) => [x.userId, x.seatIds])).toEqual([
      ['usr_b', [seatId(3)]],
      ['usr_c', [seatId(4)]],
    ]);
    expect(result.waitingEntries.map((e) => [e.id, e.status])).toEqual([
      ['wle_1', 'offered'],
      ['wle_2', 'offered'],
    ]);
  });

  it('offers seats an admin unblocks', () => {
    const state = soldOut([others], [entry('wle_1', 'usr_b', 1)]);
    const seats = new Map(state.seats);
    seats.set(seatId(3), { ...seats.get(seatId(3))!, status: 'blocked' });
    seats.set(seatId(4), { ...seats.get(seatId(4))!, status: 'blocked' });
    const unblock: BookingCommand = {
      commandId: 'cmd_unblock',
      eventId: EVENT_ID,
      issuedAt: T0.toISOString(),
      type: 'set-blocked',
      userId: 'usr_admin',
      seatIds: [seatId(3)],
      blocked: false,
    };
    const result = decideBatch({ ...state, seats }, [unblock], at(MINUTE), POLICY);
    expect(result.offers).toEqual([offerBookingIdOf('wle_1')]);
  });

  it('passes over a buyer whom the seats would take past the per-buyer limit', () => {
    const result = decideBatch(
      soldOut([held, others], [entry('wle_1', 'usr_b', 2), entry('wle_2', 'usr_c', 2, { joinedAt: at(1) })], { usr_b: 5 }),
      [cancel('bkg_held', 'usr_a')],
      at(MINUTE),
      POLICY,
    );
    expect(result.offers).toEqual([offerBookingIdOf('wle_2')]);
  });
});

describe('joining a waiting list', () => {
  const ask = { onSale: true, quantity: 2, tier: null, maxSeatsPerBooking: 4, seats: { available: 0, total: 10 }, alreadyInLine: false };

  it('lets a buyer join a sold-out event', () => {
    expect(joinRefusalOf(ask)).toBeNull();
    expect(joinRefusalOf({ ...ask, tier: 'VIP', seats: { available: 0, total: 2 } })).toBeNull();
  });

  it('refuses while seats of the event, or of the tier asked for, are on general sale', () => {
    expect(joinRefusalOf({ ...ask, seats: { available: 1, total: 10 } })?.code).toBe('NOT_SOLD_OUT');
    expect(joinRefusalOf({ ...ask, tier: 'VIP', seats: { available: 1, total: 2 } })).toEqual({
      code: 'NOT_SOLD_OUT',
      message: 'The VIP tier still has seats on sale: pick them on the map.',
    });
  });

  it('refuses a second place, more seats than a booking may hold, a tier the event lacks, an event not on sale', () => {
    expect(joinRefusalOf({ ...ask, alreadyInLine: true })?.code).toBe('CONFLICT');
    expect(joinRefusalOf({ ...ask, quantity: 5 })?.code).toBe('VALIDATION_FAILED');
    expect(joinRefusalOf({ ...ask, tier: 'Balcony', seats: { available: 0, total: 0 } })?.code).toBe('NOT_FOUND');
    expect(joinRefusalOf({ ...ask, onSale: false })?.code).toBe('INVALID_STATE');
  });
});
