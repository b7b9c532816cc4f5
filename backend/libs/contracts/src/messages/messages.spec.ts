import { describe, expect, it } from 'vitest';
import { Topic } from '../topics';
import { ContractViolation, parseContract } from '../validation';
import { bookingCommands, MESSAGES } from './index';

const seatUpdated = {
  eventId: 'evt_eras',
  baseVersion: 4,
  version: 5,
  changes: [{ seatId: 'evt_eras_A1', status: 'reserved', bookingId: 'bkg_1' }],
};

const hold = {
  type: 'hold',
  commandId: 'cmd_1',
  eventId: 'evt_eras',
  issuedAt: '2026-11-22T10:00:00.000Z',
  bookingId: 'bkg_1',
  userId: 'usr_alice',
  seatIds: ['evt_eras_A1', 'evt_eras_A2'],
  deadline: '2026-11-22T10:00:10.000Z',
};

function violationOf(run: () => unknown): ContractViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error('expected a ContractViolation');
}

describe('message contracts', () => {
  it('registers exactly one contract per topic, under its own topic', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.values(Topic).sort());
    for (const [topic, contract] of Object.entries(MESSAGES)) expect(contract.topic).toBe(topic);
  });

  it('accepts a valid seat delta and keys it by event', () => {
    const parsed = parseContract(MESSAGES[Topic.SeatUpdated].schema, seatUpdated, 'seat.updated');
    expect(parsed).toEqual(seatUpdated);
    expect(MESSAGES[Topic.SeatUpdated].keyOf(parsed)).toBe('evt_eras');
  });

  it('rejects a seat delta with an unknown status, naming the field', () => {
    const broken = { ...seatUpdated, changes: [{ seatId: 'evt_eras_A1', status: 'sold', bookingId: null }] };
    const violation = violationOf(() => parseContract(MESSAGES[Topic.SeatUpdated].schema, broken, 'seat.updated'));
    expect(violation.issues.map((issue) => issue.path)).toEqual(['changes.0.status']);
    expect(violation.message).toMatch(/^seat\.updated is invalid: changes\.0\.status: /);
  });

  it('rejects a seat delta whose version does not move forward', () => {
    const violation = violationOf(() => parseContract(MESSAGES[Topic.SeatUpdated].schema, { ...seatUpdated, version: 4 }, 'seat.updated'));
    expect(violation.message).toContain('version: version must be greater than baseVersion');
  });

  it('keys every booking command by its event so one partition orders all of an event', () => {
    const parsed = parseContract(MESSAGES[Topic.BookingCommands].schema, hold, 'command');
    expect(parsed.type).toBe('hold');
    expect(MESSAGES[Topic.BookingCommands].keyOf(parsed)).toBe('evt_eras');
  });

  it('rejects a hold that names no seats and asks for no best available, and an unknown command type', () => {
    expect(() => parseContract(MESSAGES[Topic.BookingCommands].schema, { ...hold, seatIds: [] }, 'command')).toThrow(/names seats or asks for best available/);
    expect(parseContract(MESSAGES[Topic.BookingCommands].schema, { ...hold, seatIds: [], best: { count: 2 } }, 'command')).toMatchObject({
      best: { count: 2 },
    });
    expect(() => parseContract(MESSAGES[Topic.BookingCommands].schema, { ...hold, type: 'steal' }, 'command')).toThrow(ContractViolation);
  });

  it('rejects ids with spaces or odd characters', () => {
    const violation = violationOf(() => parseContract(MESSAGES[Topic.SeatUpdated].schema, { ...seatUpdated, eventId: 'evt eras; drop' }, 'seat.updated'));
    expect(violation.issues[0]?.path).toBe('eventId');
    expect(violation.issues[0]?.message).toContain('letters, digits');
  });

  it('keys payment traffic by booking and notifications by user', () => {
    const charge = {
      kind: 'charge',
      paymentId: 'pay_1',
      bookingId: 'bkg_1',
      eventId: 'evt_eras',
      userId: 'usr_alice',
      amount: 22500,
      cardToken: 'tok_success',
      requestedAt: '2026-11-22T10:00:00.000Z',
    };
    expect(MESSAGES[Topic.PaymentRequests].keyOf(parseContract(MESSAGES[Topic.PaymentRequests].schema, charge, 'charge'))).toBe('bkg_1');
    expect(() => parseContract(MESSAGES[Topic.PaymentRequests].schema, { ...charge, amount: 12.5 }, 'charge')).toThrow(/amount/);
  });
});

describe('booking command builders', () => {
  const at = new Date('2026-11-22T10:00:00.000Z');
  const parse = (command: unknown) => parseContract(MESSAGES[Topic.BookingCommands].schema, command, 'command');

  it('make commands the topic accepts, issued when asked', () => {
    const commands = [
      bookingCommands.hold({ commandId: 'hold_1', eventId: 'evt_eras', bookingId: 'bkg_1', userId: 'usr_alice', seatIds: ['evt_eras_A1'] }, 10_000, at),
      bookingCommands.pay({ eventId: 'evt_eras', bookingId: 'bkg_1', userId: 'usr_alice', paymentId: 'pay_1', cardToken: 'tok_test_4242' }, at),
      bookingCommands.cancel({ eventId: 'evt_eras', bookingId: 'bkg_1', userId: 'usr_alice' }, at),
      bookingCommands.expire({ eventId: 'evt_eras', bookingId: 'bkg_1' }, new Date('2026-11-22T10:10:00.000Z'), at),
      bookingCommands.paymentResult(
        { eventId: 'evt_eras', bookingId: 'bkg_1', paymentId: 'pay_1', kind: 'charge', outcome: 'failed', failureCode: 'PAYMENT_DECLINED' },
        at,
      ),
      bookingCommands.confirm({ eventId: 'evt_eras', bookingId: 'bkg_1' }, at),
      bookingCommands.setBlocked({ eventId: 'evt_eras', userId: 'usr_admin', seatIds: ['evt_eras_A2'], blocked: true }, at),
    ];
    expect(commands.map((command) => parse(command).type)).toEqual(['hold', 'pay', 'cancel', 'expire', 'payment-result', 'confirm', 'set-blocked']);
    for (const command of commands) expect(command.issuedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(commands[0]).toMatchObject({ commandId: 'hold_1', deadline: '2026-11-22T10:00:10.000Z' });
  });

  it('give a command asked for again the same id, so it is answered as a replay and not decided twice', () => {
    const later = new Date(at.getTime() + 5_000);
    const deadline = new Date('2026-11-22T10:10:00.000Z');
    const expire = (expiresAt: Date, when: Date) => bookingCommands.expire({ eventId: 'evt_eras', bookingId: 'bkg_1' }, expiresAt, when).commandId;
    expect(expire(deadline, later)).toBe(expire(deadline, at));
    // A hold extended since (a payment started) is a new expiry.
    expect(expire(new Date(deadline.getTime() + 60_000), later)).not.toBe(expire(deadline, at));

    const result = (when: Date) =>
      bookingCommands.paymentResult({ eventId: 'evt_eras', bookingId: 'bkg_1', paymentId: 'pay_1', kind: 'charge', outcome: 'succeeded' }, when).commandId;
    expect(result(later)).toBe(result(at));
    expect(bookingCommands.confirm({ eventId: 'evt_eras', bookingId: 'bkg_1' }, later).commandId).toBe(
      bookingCommands.confirm({ eventId: 'evt_eras', bookingId: 'bkg_1' }, at).commandId,
    );
    const pay = (paymentId: string) =>
      bookingCommands.pay({ eventId: 'evt_eras', bookingId: 'bkg_1', userId: 'usr_alice', paymentId, cardToken: 'tok_test_4242' }).commandId;
    expect(pay('pay_1')).toBe(pay('pay_1'));
    expect(pay('pay_2')).not.toBe(pay('pay_1'));
  });

  it('give every cancel and block an id of its own: each is a new request', () => {
    const cancel = () => bookingCommands.cancel({ eventId: 'evt_eras', bookingId: 'bkg_1', userId: 'usr_alice' }).commandId;
    expect(cancel()).not.toBe(cancel());
    const block = () => bookingCommands.setBlocked({ eventId: 'evt_eras', userId: 'usr_admin', seatIds: ['evt_eras_A2'], blocked: true }).commandId;
    expect(block()).not.toBe(block());
  });
});
