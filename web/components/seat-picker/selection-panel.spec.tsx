// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useReducer } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventDetail, SeatSnapshot } from '@seatstorm/contracts';
import type { LiveSeatMap } from '@/lib/live';
import { initialSeatMapState, seatMapReducer } from '@/lib/seat-map/seat-map-state';
import { venue } from '@/test/seat-snapshots';
import { SelectionPanel } from './selection-panel';

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

/** The panel on a live map of `snapshot` with `picks` selected, the hold path faked. */
function renderPanel(options: { snapshot?: SeatSnapshot; picks?: string[]; eventDetail?: EventDetail } = {}) {
  const hold = vi.fn<LiveSeatMap['hold']>();
  function Harness() {
    const [state, dispatch] = useReducer(seatMapReducer, null, () =>
      (options.picks ?? []).reduce(
        (map, label) => seatMapReducer(map, { type: 'toggle', seatId: `evt_test_${label}` }),
        seatMapReducer(initialSeatMapState('buyer', event.maxSeatsPerBooking), { type: 'snapshot', snapshot: options.snapshot ?? venue() }),
      ),
    );
    const bookings = { data: [], error: null, refresh: vi.fn() };
    return <SelectionPanel event={options.eventDetail ?? event} live={{ state, dispatch, hold }} bookings={bookings} />;
  }
  render(<Harness />);
  return { hold };
}

describe('the warning about a seat left on its own', () => {
  const warning = () => screen.queryByTestId('orphan-warning');

  it('names the seat a selection would strand and keeps the hold from being sent, until the selection leaves none', () => {
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
