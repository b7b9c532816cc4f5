import { describe, expect, it } from 'vitest';
import type { Booking, BookingUpdated } from '@seatstorm/contracts';
import { withUpdate } from './booking-update';

const at = '2026-12-07T10:00:00.000Z';
const held: Booking = {
  id: 'bkg_1',
  eventId: 'evt_eras',
  userId: 'usr_alice',
  status: 'reserved',
  seatIds: ['evt_eras_C3', 'evt_eras_C4'],
  amount: 30_000,
  expiresAt: '2026-12-07T10:10:00.000Z',
  reason: null,
  failureCode: null,
  extensionsLeft: 2,
  createdAt: at,
  updatedAt: at,
};

const extended: BookingUpdated = {
  bookingId: 'bkg_1',
  eventId: 'evt_eras',
  status: 'reserved',
  seatIds: ['evt_eras_C3', 'evt_eras_C4'],
  expiresAt: '2026-12-07T10:12:00.000Z',
  reason: null,
  failureCode: null,
  extensionsLeft: 1,
};

describe('a booking after a booking.updated push', () => {
  it('takes the new expiry and extensions left, keeping what the push does not carry', () => {
    expect(withUpdate(held, extended)).toEqual({ ...held, expiresAt: '2026-12-07T10:12:00.000Z', extensionsLeft: 1 });
  });

  it('takes the new status and why', () => {
    const expired = { ...extended, status: 'expired', expiresAt: null, reason: 'The hold expired.', extensionsLeft: 0 } as const;
    expect(withUpdate(held, expired)).toMatchObject({ status: 'expired', expiresAt: null, reason: 'The hold expired.', amount: 30_000 });
  });

  it("ignores another booking's push", () => {
    expect(withUpdate(held, { ...extended, bookingId: 'bkg_2' })).toBe(held);
  });
});
