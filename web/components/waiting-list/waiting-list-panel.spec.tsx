// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WaitingListEntry } from '@seatstorm/contracts';
import { WaitingListPanel, type WaitingListPanelProps } from './waiting-list-panel';

afterEach(cleanup);

const waiting: WaitingListEntry = {
  id: 'wle_1',
  eventId: 'evt_small',
  userId: 'usr_bob',
  quantity: 2,
  tier: null,
  status: 'waiting',
  joinedAt: '2026-12-07T18:00:00.000Z',
  position: 3,
  offer: null,
};

function panel(props: Partial<WaitingListPanelProps> = {}) {
  const onJoin = vi.fn();
  const onLeave = vi.fn();
  const { container } = render(
    <WaitingListPanel
      entry={null}
      soldOut
      soldOutTiers={['VIP', 'Regular']}
      maxQuantity={4}
      busy={false}
      error={null}
      onJoin={onJoin}
      onLeave={onLeave}
      {...props}
    />,
  );
  return { container, onJoin, onLeave };
}

describe('the waiting list panel', () => {
  it('offers to join a sold-out event, for any tier or one of them, with how many seats', () => {
    const { onJoin } = panel();
    expect(screen.getByRole('heading').textContent).toBe('Sold out');
    fireEvent.change(screen.getByLabelText('Seats'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(onJoin).toHaveBeenLastCalledWith({ quantity: 2 });
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: 'VIP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(onJoin).toHaveBeenLastCalledWith({ quantity: 2, tier: 'VIP' });
  });

  it('offers only the sold-out tiers while others still have seats, and nothing when none is sold out', () => {
    panel({ soldOut: false, soldOutTiers: ['VIP'] });
    expect(screen.getByRole('heading').textContent).toBe('VIP sold out');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['VIP']);
    cleanup();
    const { container } = panel({ soldOut: false, soldOutTiers: [] });
    expect(container.textContent).toBe('');
  });

  it('shows the place in line and lets the buyer leave', () => {
    const { onLeave } = panel({ entry: waiting });
    expect(screen.getByRole('heading').textContent).toBe('You are 3 in line');
    fireEvent.click(screen.getByRole('button', { name: 'Leave the waiting list' }));
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('shows an offer with its time in UTC and the way to its checkout', () => {
    panel({ entry: { ...waiting, status: 'offered', position: null, offer: { bookingId: 'bkg_wle_1', expiresAt: '2026-12-07T18:42:10.000Z' } } });
    expect(screen.getByRole('heading').textContent).toBe('Seats are held for you until 18:42 UTC');
    expect(screen.getByRole('link', { name: 'Go to checkout' }).getAttribute('href')).toBe('/checkout/bkg_wle_1');
  });

  it('says what went wrong in words', () => {
    panel({ error: 'Seats are still on sale here, so there is no waiting list yet: pick seats on the map.' });
    expect(screen.getByText(/no waiting list yet/)).toBeTruthy();
  });
});
