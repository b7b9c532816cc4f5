import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Booking, BookingUpdated } from '@seatstorm/contracts';
import { getBooking } from './api';
import { awaitDecision, DECISION_POLL_MS } from './await-decision';

vi.mock('./api', async (importOriginal) => ({ ...(await importOriginal<typeof import('./api')>()), getBooking: vi.fn() }));

/** The owner's socket: the test pushes `booking.updated` through it. */
const listeners = new Set<(update: BookingUpdated) => void>();
const release = vi.fn();
vi.mock('./socket', () => ({
  acquireSocket: () => ({
    socket: {
      on: (_event: string, listener: (update: BookingUpdated) => void) => listeners.add(listener),
      off: (_event: string, listener: (update: BookingUpdated) => void) => listeners.delete(listener),
    },
    release,
  }),
}));

const at = '2026-12-07T10:00:00.000Z';
const pending: Booking = {
  id: 'bkg_1',
  eventId: 'evt_eras',
  userId: 'usr_alice',
  status: 'pending',
  seatIds: ['evt_eras_A1'],
  amount: 0,
  expiresAt: null,
  reason: null,
  failureCode: null,
  extensionsLeft: 0,
  createdAt: at,
  updatedAt: at,
};
const reserved: Booking = { ...pending, status: 'reserved', amount: 22_500, expiresAt: '2026-12-07T10:10:00.000Z' };
const push = (update: Partial<BookingUpdated>) =>
  listeners.forEach((listener) =>
    listener({
      bookingId: 'bkg_1',
      eventId: 'evt_eras',
      status: 'reserved',
      seatIds: ['evt_eras_A1'],
      expiresAt: null,
      reason: null,
      failureCode: null,
      extensionsLeft: 0,
      ...update,
    }),
  );

describe('waiting for a hold answered 202', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.mocked(getBooking).mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
    listeners.clear();
  });

  it('reads the booking as soon as its decision is pushed, not at the next poll', async () => {
    vi.mocked(getBooking).mockResolvedValue(reserved);
    const decided = awaitDecision('tok', pending);
    await vi.advanceTimersByTimeAsync(100);
    push({ bookingId: 'bkg_other' });
    push({ status: 'pending' });
    expect(getBooking).not.toHaveBeenCalled();

    push({});
    await vi.advanceTimersByTimeAsync(0);
    expect(await decided).toEqual(reserved);
    expect(getBooking).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
    expect(release).toHaveBeenCalled();
  });

  it('asks by itself when no push comes, every few seconds, and gives up after a minute with the booking still pending', async () => {
    vi.mocked(getBooking).mockResolvedValue(pending);
    const decided = awaitDecision('tok', pending);
    await vi.advanceTimersByTimeAsync(DECISION_POLL_MS - 1);
    expect(getBooking).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(getBooking).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await decided).toEqual(pending);
    expect(vi.mocked(getBooking).mock.calls.length).toBeLessThanOrEqual(60_000 / DECISION_POLL_MS + 1);
  });

  it('keeps a push that lands while the booking is being read', async () => {
    let answer: (booking: Booking) => void = () => {};
    vi.mocked(getBooking)
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
      .mockResolvedValue(reserved);
    const decided = awaitDecision('tok', pending);
    await vi.advanceTimersByTimeAsync(DECISION_POLL_MS);
    push({});
    answer(pending);
    await vi.advanceTimersByTimeAsync(0);
    expect(await decided).toEqual(reserved);
    expect(getBooking).toHaveBeenCalledTimes(2);
  });
});
