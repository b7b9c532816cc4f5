// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useReducer, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Booking, EventDetail, SeatSnapshot } from '@seatstorm/contracts';
import { ApiError } from '@/lib/api';
import { releaseHold, type LiveSeatMap } from '@/lib/live';
import { initialSeatMapState, seatMapReducer, seatStateOf, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import { venue } from '@/test/seat-snapshots';
import { SelectionPanel } from './selection-panel';

vi.mock('@/lib/live', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/live')>()), releaseHold: vi.fn() }));
vi.mock('../session/session-provider', () => ({
  useSession: () => ({ session: { token: 'tok_alice', user: { id: 'usr_alice', name: 'Alice', email: 'alice@example.com', role: 'user' } }, signOut: vi.fn() }),
}));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const event = {
  id: 'evt_test',
  name: 'Test night',
  maxSeatsPerBooking: 6,
  maxSeatsPerBuyer: 8,
  noOrphanSeats: true,
  tiers: [
    { tier: 'VIP', price: 22_500, seatsTotal: 3, seatsAvailable: 3 },
    { tier: 'Regular', price: 15_000, seatsTotal: 12, seatsAvailable: 12 },
  ],
} as EventDetail;

const at = '2026-12-07T10:00:00.000Z';
function heldBooking(id: string, labels: string[]): Booking {
  return {
    id,
    eventId: 'evt_test',
    userId: 'usr_alice',
    status: 'reserved',
    seatIds: labels.map((label) => `evt_test_${label}`),
    amount: labels.length * 15_000,
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    reason: null,
    failureCode: null,
    extensionsLeft: 2,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The panel on a live map of `snapshot` with `picks` selected, the hold path faked; `shown.state` is the map as it is
 * now; `listBookings` plays the person's bookings as the page keeps them (listed, updated by pushes, polled).
 */
function renderPanel(options: { snapshot?: SeatSnapshot; picks?: string[]; eventDetail?: EventDetail } = {}) {
  const hold = vi.fn<LiveSeatMap['hold']>();
  const shown: { state: SeatMapState | null } = { state: null };
  const listBookings: { set: (list: Booking[]) => void } = { set: () => undefined };
  function Harness() {
    const [list, setList] = useState<Booking[]>([]);
    listBookings.set = setList;
    const [state, dispatch] = useReducer(seatMapReducer, null, () =>
      (options.picks ?? []).reduce(
        (map, label) => seatMapReducer(map, { type: 'toggle', seatId: `evt_test_${label}` }),
        seatMapReducer(initialSeatMapState('buyer', event.maxSeatsPerBooking), { type: 'snapshot', snapshot: options.snapshot ?? venue() }),
      ),
    );
    shown.state = state;
    const bookings = { data: list, error: null, refresh: vi.fn(), changed: vi.fn() };
    return <SelectionPanel event={options.eventDetail ?? event} live={{ state, dispatch, hold }} bookings={bookings} />;
  }
  render(<Harness />);
  return { hold, shown, listBookings: (list: Booking[]) => act(() => listBookings.set(list)) };
}

describe('best available', () => {
  it('asks for seats together instead of naming them, then shows them held with where they are and the way to checkout', async () => {
    const { hold, shown } = renderPanel();
    hold.mockResolvedValue({ status: 201, data: heldBooking('bkg_best', ['C3', 'C4', 'C5', 'C6']) });
    const best = within(screen.getByRole('region', { name: 'Best available' }));

    expect(best.getAllByRole('option', { name: /^\d+$/ }).map((option) => option.textContent)).toEqual(['1', '2', '3', '4', '5', '6']);
    fireEvent.change(best.getByLabelText('Number of seats'), { target: { value: '4' } });
    fireEvent.change(best.getByLabelText('Tier'), { target: { value: 'Regular' } });
    fireEvent.click(best.getByRole('button', { name: 'Hold the best 4 together' }));

    await waitFor(() => expect(best.getByText(/^Row C, seats 3–6 — 4 seats together · /)).toBeTruthy());
    expect(hold).toHaveBeenCalledWith('tok_alice', { best: { count: 4, tier: 'Regular' } }, expect.stringMatching(/^hold-/));
    expect(best.getByRole('link', { name: 'Go to checkout' }).getAttribute('href')).toBe('/checkout/bkg_best');
    expect(best.getByRole('status').textContent).toBe('Held for you: Row C, seats 3–6 — 4 seats together.');
    expect(['C3', 'C4', 'C5', 'C6', 'C7'].map((label) => seatStateOf(shown.state!, `evt_test_${label}`))).toEqual([
      'mine',
      'mine',
      'mine',
      'mine',
      'available',
    ]);
    // Shown once: not again among the other holds.
    expect(screen.queryByRole('heading', { name: 'Held for you' })).toBeNull();
  });

  it('"Pick again" lets the seats go, then asks again', async () => {
    const { hold } = renderPanel();
    const release = vi.mocked(releaseHold).mockResolvedValue(undefined);
    hold
      .mockResolvedValueOnce({ status: 201, data: heldBooking('bkg_first', ['C3', 'C4']) })
      .mockResolvedValueOnce({ status: 201, data: heldBooking('bkg_again', ['C7', 'C8']) });
    const best = within(screen.getByRole('region', { name: 'Best available' }));
    fireEvent.click(best.getByRole('button', { name: 'Hold the best 2 together' }));
    await waitFor(() => expect(best.getByText(/^Row C, seats 3–4 — 2 seats together · /)).toBeTruthy());

    fireEvent.click(best.getByRole('button', { name: 'Pick again' }));

    await waitFor(() => expect(best.getByText(/^Row C, seats 7–8 — 2 seats together · /)).toBeTruthy());
    expect(release).toHaveBeenCalledWith('tok_alice', 'bkg_first');
    expect(release.mock.invocationCallOrder[0]).toBeLessThan(hold.mock.invocationCallOrder[1]!);
    expect(hold.mock.calls.map(([, choice]) => choice)).toEqual([{ best: { count: 2 } }, { best: { count: 2 } }]);
    // Two asks, each decided: each under a key of its own.
    expect(hold.mock.calls[0]![2]).not.toBe(hold.mock.calls[1]![2]);
  });

  it('lets go of a hold that ended elsewhere: released in another tab (pushed), or no longer listed', async () => {
    for (const ending of ['pushed as cancelled', 'dropped from the list'] as const) {
      const { hold, listBookings } = renderPanel();
      const booking = heldBooking('bkg_best', ['C3', 'C4']);
      hold.mockResolvedValue({ status: 201, data: booking });
      const best = within(screen.getByRole('region', { name: 'Best available' }));
      fireEvent.click(best.getByRole('button', { name: 'Hold the best 2 together' }));
      await waitFor(() => expect(best.getByRole('link', { name: 'Go to checkout' })).toBeTruthy());
      listBookings([booking]);
      expect(best.getByRole('link', { name: 'Go to checkout' })).toBeTruthy();

      listBookings(ending === 'pushed as cancelled' ? [{ ...booking, status: 'cancelled' }] : []);

      await waitFor(() => expect(best.queryByRole('link', { name: 'Go to checkout' })).toBeNull());
      expect(best.getByRole('button', { name: 'Hold the best 2 together' })).toBeTruthy();
      cleanup();
    }
  });

  it("shows the box office's words when there are no seats together", async () => {
    const { hold } = renderPanel();
    hold.mockRejectedValue(new ApiError(409, 'NOT_ENOUGH_SEATS_TOGETHER', 'No 2 seats together are left in VIP. Try fewer seats or another tier.'));
    const best = within(screen.getByRole('region', { name: 'Best available' }));
    fireEvent.change(best.getByLabelText('Tier'), { target: { value: 'VIP' } });
    fireEvent.click(best.getByRole('button', { name: 'Hold the best 2 together' }));

    await waitFor(() => expect(best.getByRole('alert').textContent).toBe('No 2 seats together are left in VIP. Try fewer seats or another tier.'));
    expect(hold).toHaveBeenCalledWith('tok_alice', { best: { count: 2, tier: 'VIP' } }, expect.any(String));
    expect(best.queryByRole('link', { name: 'Go to checkout' })).toBeNull();
  });

  it('offers a wheelchair space only where the venue has one, and asks for it when ticked', async () => {
    renderPanel();
    expect(screen.queryByLabelText('Includes a wheelchair space')).toBeNull();
    cleanup();

    const { hold } = renderPanel({ snapshot: venue(0, { C1: { attributes: ['wheelchair'] }, C2: { attributes: ['companion'] } }) });
    hold.mockResolvedValue({ status: 201, data: heldBooking('bkg_access', ['C1', 'C2']) });
    fireEvent.click(screen.getByLabelText('Includes a wheelchair space'));
    fireEvent.click(screen.getByRole('button', { name: 'Hold the best 2 together' }));
    await waitFor(() => expect(hold).toHaveBeenCalledWith('tok_alice', { best: { count: 2, accessible: true } }, expect.any(String)));
  });
});

describe('the warning about a seat left on its own', () => {
  const warning = () => screen.queryByTestId('orphan-warning');

  it('names the seat a selection would strand and keeps the hold from being sent, until the selection leaves none', async () => {
    const { hold } = renderPanel({ picks: ['A1', 'A2'] });
    expect(warning()?.textContent).toBe('This would leave seat A3 on its own — include it or pick seats beside it.');
    const holdButton = screen.getByTestId('hold-button');
    expect(holdButton).toHaveProperty('disabled', true);
    expect(holdButton.getAttribute('aria-describedby')).toBe(warning()!.id);
    fireEvent.click(holdButton);
    expect(hold).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Remove seat A2' }));

    expect(warning()).toBeNull();
    expect(holdButton).toHaveProperty('disabled', false);
    expect(holdButton.textContent).toBe('Hold 1 seat');
  });

  it('names every seat stranded', () => {
    renderPanel({ picks: ['A2'] });
    expect(warning()?.textContent).toBe('This would leave seats A1 and A3 each on their own — include them or pick seats beside them.');
  });

  it('is not shown for a selection that leaves no seat alone, nor where the event allows it', () => {
    renderPanel({ picks: ['C1', 'C2'] });
    expect(warning()).toBeNull();
    expect(screen.getByTestId('hold-button')).toHaveProperty('disabled', false);
    cleanup();

    renderPanel({ picks: ['A2'], eventDetail: { ...event, noOrphanSeats: false } });
    expect(warning()).toBeNull();
    expect(screen.getByTestId('hold-button')).toHaveProperty('disabled', false);
  });
});
