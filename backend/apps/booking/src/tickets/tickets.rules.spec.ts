import { describe, expect, it } from 'vitest';
import type { BookingState } from '../bookings/booking.rules';
import { hasValidTickets, refusalOf, ticketChangesOf } from './tickets.rules';

const at = new Date('2026-12-07T20:00:00Z');
const booking = (id: string, overrides: Partial<BookingState> = {}): BookingState => ({
  id,
  eventId: 'evt_x',
  userId: 'usr_x',
  status: 'paid',
  commandId: `hold_${id}`,
  seatIds: ['evt_x_A1'],
  amount: 5000,
  expiresAt: null,
  holdExtendedAt: null,
  reason: null,
  failureCode: null,
  extensionsLeft: 0,
  cardToken: 'tok_visa',
  chargePaymentId: `pay_${id}`,
  refundPaymentId: null,
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

describe('tickets and their bookings', () => {
  it('are valid exactly while the booking is confirmed and no refund was asked for', () => {
    expect(hasValidTickets(booking('b', { status: 'confirmed' }))).toBe(true);
    expect(hasValidTickets(booking('b', { status: 'confirmed', refundPaymentId: 'rfd_b' }))).toBe(false);
    for (const status of ['pending', 'reserved', 'paid', 'refunded', 'rejected', 'payment_failed', 'expired', 'cancelled'] as const) {
      expect({ status, valid: hasValidTickets(booking('b', { status })) }).toEqual({ status, valid: false });
    }
  });

  it('are issued when a booking becomes confirmed, and revoked when its refund starts or it is refunded', () => {
    const before = new Map([
      ['confirming', booking('confirming')],
      ['cancelling', booking('cancelling', { status: 'confirmed' })],
      ['refunded', booking('refunded', { status: 'confirmed' })],
      ['already', booking('already', { status: 'confirmed' })],
    ]);
    const after = [
      booking('confirming', { status: 'confirmed' }),
      booking('cancelling', { status: 'confirmed', refundPaymentId: 'rfd_cancelling' }),
      booking('refunded', { status: 'refunded', refundPaymentId: 'rfd_refunded' }),
      booking('already', { status: 'confirmed', reason: 'unchanged for tickets' }),
      booking('new-hold', { status: 'reserved' }),
    ];
    expect(ticketChangesOf(before, after)).toEqual({ issue: ['confirming'], revoke: ['cancelling', 'refunded'] });
  });

  it('are never issued for a booking whose refund was asked for before it was confirmed', () => {
    const before = new Map([['b', booking('b', { refundPaymentId: 'rfd_b' })]]);
    expect(ticketChangesOf(before, [booking('b', { status: 'confirmed', refundPaymentId: 'rfd_b' })])).toEqual({ issue: [], revoke: [] });
  });
});

describe('a scan that let nobody in', () => {
  it('names the first scan, the revocation, or a ticket unknown here', () => {
    expect(refusalOf({ status: 'checked_in', checkedInAt: at, revokedAt: null })).toEqual({
      code: 'ALREADY_CHECKED_IN',
      message: 'This ticket was already scanned, at 2026-12-07T20:00:00.000Z.',
    });
    expect(refusalOf({ status: 'revoked', checkedInAt: null, revokedAt: at }).code).toBe('TICKET_REVOKED');
    expect(refusalOf({ status: 'revoked', checkedInAt: at, revokedAt: at }).code).toBe('TICKET_REVOKED');
    expect(refusalOf(undefined).code).toBe('TICKET_INVALID');
    expect(refusalOf({ status: 'valid', checkedInAt: null, revokedAt: null }).code).toBe('TICKET_INVALID');
  });
});
