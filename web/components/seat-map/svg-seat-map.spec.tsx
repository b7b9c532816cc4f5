// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialSeatMapState, seatMapReducer, type SeatMapAction } from '@/lib/seat-map/seat-map-state';
import { venue } from '@/test/seat-snapshots';
import { SvgSeatMap } from './svg-seat-map';

afterEach(cleanup);

function mapState(...actions: SeatMapAction[]) {
  const loaded = seatMapReducer(initialSeatMapState(), {
    type: 'snapshot',
    snapshot: venue(1, { C2: { status: 'reserved', bookingId: 'bkg_other' }, C3: { status: 'confirmed', bookingId: 'bkg_me' } }),
  });
  return actions.reduce(seatMapReducer, seatMapReducer(loaded, { type: 'my-bookings', bookingIds: ['bkg_me'] }));
}

const seat = (label: string) => document.querySelector<SVGGElement>(`[data-seat-id="evt_test_${label}"]`)!;

describe('SvgSeatMap', () => {
  it('draws every seat with its state and a spoken name', () => {
    const state = mapState({ type: 'toggle', seatId: 'evt_test_C12' });
    render(<SvgSeatMap layout={state.layout!} state={state} onToggle={() => undefined} />);
    expect(document.querySelectorAll('[data-seat-id]')).toHaveLength(15);
    expect(seat('C12').dataset.state).toBe('selected');
    expect(seat('C2').dataset.state).toBe('reserved');
    expect(seat('C3').dataset.state).toBe('mine');
    expect(screen.getByRole('button', { name: 'Row C, seat 12, Regular, $150, selected' })).toBe(seat('C12'));
    expect(screen.getByRole('button', { name: 'Row C, seat 2, Regular, $150, reserved by someone else' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Row A, seat 1, VIP, $225, available' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps one seat in the tab order and moves focus with the arrow keys; Enter and Space toggle', () => {
    const onToggle = vi.fn();
    const state = mapState();
    render(<SvgSeatMap layout={state.layout!} state={state} onToggle={onToggle} />);
    expect(document.querySelectorAll('[data-seat-id][tabindex="0"]')).toHaveLength(1);
    seat('C4').focus();
    // happy-dom moves focus but does not send the focusin React listens to.
    fireEvent.focusIn(seat('C4'));
    fireEvent.keyDown(seat('C4'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(seat('C5'));
    fireEvent.keyDown(seat('C5'), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(seat('A3'));
    fireEvent.keyDown(seat('A3'), { key: 'Enter' });
    fireEvent.keyDown(seat('A3'), { key: ' ' });
    expect(onToggle.mock.calls).toEqual([['evt_test_A3'], ['evt_test_A3']]);
  });

  it('selects a seat on click', () => {
    const onToggle = vi.fn();
    const state = mapState();
    render(<SvgSeatMap layout={state.layout!} state={state} onToggle={onToggle} />);
    fireEvent.click(seat('C7'));
    expect(onToggle).toHaveBeenCalledWith('evt_test_C7');
  });
});
