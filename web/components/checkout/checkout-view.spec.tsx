// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Booking, BookingUpdated, EventDetail } from '@seatstorm/contracts';
import { ApiError, extendBooking, getBooking, getEvent } from '@/lib/api';
import { CheckoutView } from './checkout-view';

vi.mock('@/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api')>()),
  getBooking: vi.fn(),
  getEvent: vi.fn(),
  extendBooking: vi.fn(),
}));
// The owner's socket, faked: the test pushes `booking.updated` as the gateway would to every tab.
const pushed = vi.hoisted(() => new Set<(update: BookingUpdated) => void>());
vi.mock('@/lib/socket', async () => {
  const { SocketEvent } = await import('@seatstorm/contracts');
  return {
    acquireSocket: () => ({
      socket: {
        connected: true,
        on: (event: string, listener: (update: BookingUpdated) => void) => void (event === SocketEvent.BookingUpdated && pushed.add(listener)),
        off: (_event: string, listener: (update: BookingUpdated) => void) => void pushed.delete(listener),
      },
      release: () => undefined,
    }),
  };
});
vi.mock('../session/session-provider', () => ({
  useSession: () => ({ session: { token: 'tok_alice', user: { id: 'usr_alice', name: 'Alice', email: 'alice@example.com', role: 'user' } } }),
}));

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const at = '2026-12-07T10:00:00.000Z';
function hold(secondsLeft: number, extensionsLeft: number): Booking {
  return {
    id: 'bkg_1',
    eventId: 'evt_eras',
    userId: 'usr_alice',
    status: 'reserved',
    seatIds: ['evt_eras_C3', 'evt_eras_C4'],
    amount: 30_000,
    expiresAt: inSeconds(secondsLeft),
    reason: null,
    failureCode: null,
    extensionsLeft,
    createdAt: at,
    updatedAt: at,
  };
}

/** What GET /bookings/:id answers now. */
let stored: Booking;
beforeEach(() => {
  vi.mocked(getBooking).mockImplementation(async () => stored);
  vi.mocked(getEvent).mockResolvedValue({
    id: 'evt_eras',
    name: 'Taylor Swift – The Eras Tour',
    venue: { id: 'ven_msg', name: 'Madison Square Garden', city: 'New York' },
    startsAt: '2027-06-12T23:30:00.000Z',
  } as EventDetail);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const clock = () => screen.getByRole('timer').firstElementChild?.textContent;
const moreTime = () => screen.queryByRole('button', { name: 'Need more time?' });

describe('more time to pay', () => {
  it('is offered under a minute before the hold ends, and the countdown follows the new expiry', async () => {
    stored = hold(30, 2);
    vi.mocked(extendBooking).mockImplementation(async () => (stored = hold(150, 1)));
    render(<CheckoutView bookingId="bkg_1" />);
    await waitFor(() => expect(clock()).toMatch(/^0:(2\d|30)$/));
    expect(screen.getByText('You can ask 2 more times.')).toBeTruthy();

    fireEvent.click(moreTime()!);

    await waitFor(() => expect(clock()).toMatch(/^2:(2\d|30)$/));
    expect(extendBooking).toHaveBeenCalledWith('tok_alice', 'bkg_1');
    // Over a minute again: nothing to offer until it runs short once more.
    expect(moreTime()).toBeNull();
  });

  it('is not offered with more than a minute left, nor once no extension is left', async () => {
    stored = hold(5 * 60, 2);
    render(<CheckoutView bookingId="bkg_1" />);
    await waitFor(() => expect(clock()).toMatch(/^(4:5\d|5:00)$/));
    expect(moreTime()).toBeNull();
    cleanup();

    stored = hold(30, 0);
    render(<CheckoutView bookingId="bkg_1" />);
    await waitFor(() => expect(clock()).toMatch(/^0:(2\d|30)$/));
    expect(moreTime()).toBeNull();
  });

  it('says why when the box office refuses more time', async () => {
    stored = hold(30, 1);
    vi.mocked(extendBooking).mockRejectedValue(new ApiError(409, 'EXTENSION_LIMIT_REACHED', 'no more'));
    render(<CheckoutView bookingId="bkg_1" />);
    await waitFor(() => expect(moreTime()).toBeTruthy());

    fireEvent.click(moreTime()!);

    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This hold cannot be extended any more. Pay now to keep the seats.'));
  });

  it('follows more time asked for in another tab, from the push, before the booking is read again', async () => {
    stored = hold(30, 2);
    render(<CheckoutView bookingId="bkg_1" />);
    await waitFor(() => expect(moreTime()).toBeTruthy());
    // From now on reading the booking takes forever: only the push can move the countdown.
    vi.mocked(getBooking).mockImplementation(() => new Promise(() => undefined));

    const { id, eventId, status, seatIds, expiresAt, reason, failureCode, extensionsLeft } = hold(150, 1);
    const update: BookingUpdated = { bookingId: id, eventId, status, seatIds, expiresAt, reason, failureCode, extensionsLeft };
    act(() => {
      for (const listener of pushed) listener(update);
    });

    await waitFor(() => expect(clock()).toMatch(/^2:(2\d|30)$/));
    expect(moreTime()).toBeNull();
  });
});
