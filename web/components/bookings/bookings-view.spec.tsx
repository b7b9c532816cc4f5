// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Booking, BookingPage, BookingStatus } from '@seatstorm/contracts';
import { listBookings, listEvents, type BookingListOptions } from '@/lib/api';
import { BookingsView } from './bookings-view';

vi.mock('@/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api')>()),
  listBookings: vi.fn(),
  listEvents: vi.fn(),
}));
// No gateway socket in a unit test: bookings arrive by polling only.
vi.mock('@/lib/socket', () => ({
  acquireSocket: () => ({ socket: { connected: false, on: () => undefined, off: () => undefined }, release: () => undefined }),
}));
vi.mock('../session/session-provider', () => ({
  useSession: () => ({ session: { token: 'tok_alice', user: { id: 'usr_alice', name: 'Alice', email: 'alice@example.com', role: 'user' } } }),
}));

const STATUSES: BookingStatus[] = ['reserved', 'confirmed', 'cancelled', 'expired', 'refunded'];

/** Alice's 45 bookings, newest first; booking n was made n minutes before noon, seat A(n+1). */
const ALL: Booking[] = Array.from({ length: 45 }, (_, n) => {
  const at = new Date(Date.UTC(2026, 10, 22, 12, -n)).toISOString();
  return {
    id: `bkg_${String(n).padStart(2, '0')}`,
    eventId: 'evt_eras',
    userId: 'usr_alice',
    status: STATUSES[n % STATUSES.length]!,
    seatIds: [`evt_eras_A${n + 1}`],
    amount: 15_000,
    expiresAt: null,
    reason: null,
    failureCode: null,
    extensionsLeft: 0,
    createdAt: at,
    updatedAt: at,
  };
});

/** GET /bookings as the gateway answers it, the cursor being the index to go on from. */
async function answer(_token: string, options: BookingListOptions = {}): Promise<BookingPage> {
  const matching = ALL.filter((booking) => !options.status || options.status.includes(booking.status));
  const from = options.cursor ? Number(options.cursor) : 0;
  const limit = options.limit ?? 20;
  const items = matching.slice(from, from + limit);
  return { items, nextCursor: from + limit < matching.length ? String(from + limit) : null };
}

const shownIds = () => screen.getAllByRole('article').map((card) => card.getAttribute('data-booking-id'));

beforeEach(() => {
  vi.mocked(listBookings).mockImplementation(answer);
  vi.mocked(listEvents).mockResolvedValue([]);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('My bookings', () => {
  it('shows the newest 20, and each "Show more" the next ones, until every booking is shown once', async () => {
    render(<BookingsView />);
    await waitFor(() => expect(shownIds()).toHaveLength(20));
    expect(shownIds()).toEqual(ALL.slice(0, 20).map((b) => b.id));

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(shownIds()).toHaveLength(40));
    // Focus goes to the first booking the button added; a screen reader hears how many came.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-booking-id')).toBe('bkg_20'));
    expect(screen.getByRole('status')).toHaveProperty('textContent', '20 more bookings shown.');

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(shownIds()).toEqual(ALL.map((b) => b.id)));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(vi.mocked(listBookings).mock.calls.map(([, options]) => options?.cursor)).toEqual([undefined, '20', '40']);
  });

  it('filters by status through a labelled choice, asking the gateway for those statuses only', async () => {
    render(<BookingsView />);
    await waitFor(() => expect(shownIds()).toHaveLength(20));

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'active' } });

    await waitFor(() =>
      expect(shownIds()).toEqual(
        ALL.filter((b) => ['reserved', 'confirmed'].includes(b.status))
          .slice(0, 18)
          .map((b) => b.id),
      ),
    );
    expect(vi.mocked(listBookings).mock.lastCall?.[1]).toMatchObject({ status: ['reserved', 'paid', 'confirmed'], cursor: undefined });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Held, paid or confirmed' })).getAllByRole('listitem')).toHaveLength(18);
  });

  it('says so when no booking matches the filter', async () => {
    vi.mocked(listBookings).mockImplementation(async (token, options) => (options?.status ? { items: [], nextCursor: null } : answer(token, options)));
    render(<BookingsView />);
    await waitFor(() => expect(shownIds()).toHaveLength(20));

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'refunded' } });
    });

    await waitFor(() => expect(screen.getByRole('heading', { name: 'No bookings like that' })).toBeTruthy());
  });
});
