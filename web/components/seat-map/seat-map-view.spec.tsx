// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initialSeatMapState, seatMapReducer } from '@/lib/seat-map/seat-map-state';
import { venue } from '@/test/seat-snapshots';
import { SeatLegend } from './seat-legend';
import { SeatList } from './seat-list';
import { SeatMapView } from './seat-map-view';

afterEach(cleanup);

const state = seatMapReducer(initialSeatMapState(), {
  type: 'snapshot',
  snapshot: venue(1, {
    C1: { attributes: ['wheelchair', 'aisle'] },
    C2: { attributes: ['companion'] },
    C11: { attributes: ['companion'] },
    C12: { attributes: ['wheelchair', 'aisle'], status: 'reserved', bookingId: 'bkg_other' },
  }),
});
const layout = state.layout!;
const show = () => screen.getByRole('combobox', { name: 'Show' });

describe('the seat filter', () => {
  it('offers the attributes this venue has, dims the other seats on the map and says how many are left', () => {
    render(<SeatMapView layout={layout} state={state} onToggle={() => undefined} />);
    expect(
      within(show())
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All seats', 'Wheelchair spaces', 'Companion seats', 'Aisle seats']);
    expect(document.querySelectorAll('[data-dimmed]')).toHaveLength(0);
    fireEvent.change(show(), { target: { value: 'wheelchair' } });
    expect(screen.getByText('2 wheelchair spaces, 1 available')).toBeTruthy();
    expect([...document.querySelectorAll<SVGGElement>('[data-seat-id]:not([data-dimmed])')].map((g) => g.dataset.seatId)).toEqual([
      'evt_test_C1',
      'evt_test_C12',
    ]);
  });

  it('stays on when the list replaces the map, which then lists only the seats it lets through that are free', () => {
    const map = render(<SeatMapView layout={layout} state={state} onToggle={() => undefined} />);
    fireEvent.change(show(), { target: { value: 'wheelchair' } });
    map.unmount();
    render(<SeatList layout={layout} state={state} onToggle={() => undefined} />);
    expect((show() as HTMLSelectElement).value).toBe('wheelchair');
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Row C, seat 1, Regular, $150, available, wheelchair space, aisle seat',
    ]);
    fireEvent.change(show(), { target: { value: 'companion' } });
    expect(screen.getAllByRole('button')).toHaveLength(2);
    expect(screen.getByText('2 companion seats, 2 available')).toBeTruthy();
    fireEvent.change(show(), { target: { value: 'all' } });
    expect(screen.getAllByRole('button')).toHaveLength(14);
  });
});

describe('the legend', () => {
  it('explains each symbol the venue’s seats carry', () => {
    render(<SeatLegend layout={layout} />);
    const features = screen.getByRole('list', { name: 'Seat features' });
    expect(
      within(features)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Wheelchair space', 'Companion seat — held with a wheelchair space']);
  });
});
