// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterMask } from '@/lib/seat-map/attributes';
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

describe('SvgSeatMap with seats for wheelchair users', () => {
  const accessible = seatMapReducer(initialSeatMapState(), {
    type: 'snapshot',
    snapshot: venue(1, {
      A1: { attributes: ['restricted_view', 'aisle'] },
      C1: { attributes: ['wheelchair', 'aisle'] },
      C2: { attributes: ['companion'] },
      C12: { attributes: ['wheelchair', 'aisle'], status: 'reserved', bookingId: 'bkg_other' },
    }),
  });
  const symbolOn = (label: string) => seat(label).querySelector('[data-symbol]')?.getAttribute('data-symbol') ?? null;

  it('marks each available one with its symbol and says what it is', () => {
    render(<SvgSeatMap layout={accessible.layout!} state={accessible} onToggle={() => undefined} />);
    expect(symbolOn('C1')).toBe('wheelchair');
    expect(symbolOn('C2')).toBe('companion');
    expect(symbolOn('A1')).toBe('restricted_view');
    expect(symbolOn('C3')).toBeNull();
    // Taken: the state's mark says so, the name still says what the seat is.
    expect(symbolOn('C12')).toBeNull();
    expect(seat('C12').getAttribute('aria-label')).toBe('Row C, seat 12, Regular, $150, reserved by someone else, wheelchair space, aisle seat');
    expect(screen.getByRole('button', { name: 'Row C, seat 2, Regular, $150, available, companion seat — held with a wheelchair space' })).toBe(seat('C2'));
  });

  it('dims the seats a filter leaves out, in place, and starts keyboard focus on the first it lets through', () => {
    const layout = accessible.layout!;
    render(<SvgSeatMap layout={layout} state={accessible} onToggle={() => undefined} mask={filterMask(layout, 'wheelchair')} />);
    expect(document.querySelectorAll('[data-seat-id]')).toHaveLength(15);
    const emphasised = [...document.querySelectorAll<SVGGElement>('[data-seat-id]:not([data-dimmed])')].map((g) => g.dataset.seatId);
    expect(emphasised).toEqual(['evt_test_C1', 'evt_test_C12']);
    expect(document.querySelector('[data-seat-id][tabindex="0"]')).toBe(seat('C1'));
  });
});
