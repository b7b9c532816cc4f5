import { describe, expect, it } from 'vitest';
import {
  countStates,
  initialSeatMapState,
  PENDING_MESSAGE,
  seatMapReducer,
  seatStateOf,
  takenMessage,
  type SeatMapAction,
  type SeatMapState,
} from './seat-map-state';
import { toMapSnapshot } from './map-snapshot';
import { delta, venue } from '@/test/seat-snapshots';

/** The action the live feed dispatches for one delta SeatMapSync applied. */
function changed(...args: Parameters<typeof delta>): SeatMapAction {
  const message = delta(...args);
  return { type: 'changes', version: message.version, changes: message.changes };
}

const id = (label: string) => `evt_test_${label}`;

function run(...actions: SeatMapAction[]): SeatMapState {
  return actions.reduce(seatMapReducer, initialSeatMapState());
}

function loaded(version = 5, overrides: Parameters<typeof venue>[1] = {}): SeatMapState {
  return run({ type: 'snapshot', snapshot: venue(version, overrides) });
}

function toggle(state: SeatMapState, ...labels: string[]): SeatMapState {
  return labels.reduce((s, label) => seatMapReducer(s, { type: 'toggle', seatId: id(label) }), state);
}

describe('snapshots', () => {
  it('starts loading, then is live at the snapshot version with every seat in its state', () => {
    expect(initialSeatMapState().sync).toBe('loading');
    const state = loaded(5, { A1: { status: 'reserved', bookingId: 'bkg_x' }, C1: { status: 'blocked' } });
    expect(state.sync).toBe('live');
    expect(state.version).toBe(5);
    expect(seatStateOf(state, id('A1'))).toBe('reserved');
    expect(seatStateOf(state, id('C1'))).toBe('blocked');
    expect(seatStateOf(state, id('A2'))).toBe('available');
    expect(seatStateOf(state, 'evt_test_Z9')).toBeNull();
  });

  it('ignores a snapshot older than the deltas it already applied', () => {
    let state = seatMapReducer(loaded(5), changed(5, 6, [['A1', 'reserved', 'bkg_1']]));
    state = seatMapReducer(state, { type: 'snapshot', snapshot: venue(4) });
    expect(state.version).toBe(6);
    expect(seatStateOf(state, id('A1'))).toBe('reserved');
  });

  it('a newer snapshot that shows a selected seat taken drops it from the selection with a message', () => {
    const picked = toggle(loaded(5), 'C12', 'C3');
    const state = seatMapReducer(picked, { type: 'snapshot', snapshot: venue(7, { C12: { status: 'reserved', bookingId: 'bkg_other' } }) });
    expect(state.selected).toEqual([picked.layout!.indexById.get(id('C3'))]);
    expect(state.notice?.message).toBe('Seat C12 was just taken by someone else — pick another one.');
    expect(seatStateOf(state, id('C12'))).toBe('reserved');
  });
});

describe('snapshots laid out off the page (loaded)', () => {
  it('one carrying the layout shown keeps the selection and applies what changed; a new layout starts afresh', () => {
    const picked = toggle(loaded(5), 'C3', 'C4');
    const shown = picked.layout!;
    const same = toMapSnapshot(venue(6, { C4: { status: 'reserved', bookingId: 'bkg_other' } }), shown);
    expect(same.layout).toBe(shown);
    const kept = seatMapReducer(picked, { type: 'loaded', snapshot: same });
    expect(kept.selected).toEqual([shown.indexById.get(id('C3'))]);
    expect(seatStateOf(kept, id('C4'))).toBe('reserved');
    expect(kept.notice?.message).toBe('Seat C4 was just taken by someone else — pick another one.');

    const afresh = seatMapReducer(picked, { type: 'loaded', snapshot: toMapSnapshot(venue(6), null) });
    expect(afresh.layout).not.toBe(shown);
    expect(afresh.selected).toEqual([]);
    expect(afresh.version).toBe(6);
  });
});

describe('deltas', () => {
  it('applies a delta whose baseVersion is our version', () => {
    const state = seatMapReducer(
      loaded(5),
      changed(5, 6, [
        ['C2', 'reserved', 'bkg_1'],
        ['C3', 'paid', 'bkg_2'],
      ]),
    );
    expect(state.version).toBe(6);
    expect(seatStateOf(state, id('C2'))).toBe('reserved');
    expect(seatStateOf(state, id('C3'))).toBe('paid');
    expect(state.sync).toBe('live');
  });

  it('ignores changes at or below the version it has (a duplicate, or already in the snapshot)', () => {
    const once = seatMapReducer(loaded(5), changed(5, 6, [['C2', 'reserved', 'bkg_1']]));
    expect(seatMapReducer(once, changed(5, 6, [['C2', 'available', null]]))).toBe(once);
    const stale = seatMapReducer(loaded(5), changed(3, 4, [['C2', 'reserved', 'bkg_1']]));
    expect(seatStateOf(stale, id('C2'))).toBe('available');
    expect(stale.version).toBe(5);
  });

  it('greys the map while a resync loads and is live again with the fresh snapshot', () => {
    const resyncing = seatMapReducer(loaded(5), { type: 'resyncing' });
    expect(resyncing.sync).toBe('behind');
    const fresh = seatMapReducer(resyncing, { type: 'snapshot', snapshot: venue(9, { C2: { status: 'reserved', bookingId: 'bkg_2' } }) });
    expect(fresh.sync).toBe('live');
    expect(fresh.version).toBe(9);
    expect(seatStateOf(fresh, id('C2'))).toBe('reserved');
  });

  it('seats of my bookings show as mine, and a seat freed again is available', () => {
    let state = seatMapReducer(loaded(5), { type: 'my-bookings', bookingIds: ['bkg_me'] });
    state = seatMapReducer(
      state,
      changed(5, 6, [
        ['A1', 'reserved', 'bkg_me'],
        ['A2', 'reserved', 'bkg_other'],
      ]),
    );
    expect(seatStateOf(state, id('A1'))).toBe('mine');
    expect(seatStateOf(state, id('A2'))).toBe('reserved');
    state = seatMapReducer(state, changed(6, 7, [['A1', 'confirmed', 'bkg_me']]));
    expect(seatStateOf(state, id('A1'))).toBe('mine');
    state = seatMapReducer(state, changed(7, 8, [['A1', 'available', null]]));
    expect(seatStateOf(state, id('A1'))).toBe('available');
  });
});

describe('selection rules', () => {
  it('toggles an available seat in and out of the selection', () => {
    const state = toggle(loaded(), 'C5');
    expect(seatStateOf(state, id('C5'))).toBe('selected');
    expect(seatStateOf(toggle(state, 'C5'), id('C5'))).toBe('available');
  });

  it('cannot select a seat someone else holds, a sold seat, a blocked seat or one of my own', () => {
    let state = loaded(5, {
      C1: { status: 'reserved', bookingId: 'bkg_other' },
      C2: { status: 'confirmed', bookingId: 'bkg_other' },
      C3: { status: 'blocked' },
      C4: { status: 'reserved', bookingId: 'bkg_me' },
    });
    state = seatMapReducer(state, { type: 'my-bookings', bookingIds: ['bkg_me'] });
    for (const [label, message] of [
      ['C1', 'Seat C1 is already taken.'],
      ['C2', 'Seat C2 is already taken.'],
      ['C3', 'Seat C3 is not on sale.'],
      ['C4', 'Seat C4 is already yours.'],
    ] as const) {
      const after = toggle(state, label);
      expect(after.selected).toEqual([]);
      expect(after.notice).toMatchObject({ kind: 'unavailable', message });
    }
  });

  it('allows at most 8 seats', () => {
    const eight = toggle(loaded(), 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8');
    expect(eight.selected).toHaveLength(8);
    const nine = toggle(eight, 'C9');
    expect(nine.selected).toHaveLength(8);
    expect(seatStateOf(nine, id('C9'))).toBe('available');
    expect(nine.notice).toMatchObject({ kind: 'limit', message: 'You can pick up to 8 seats at a time.' });
    // Making room clears the limit message on the next pick.
    expect(toggle(nine, 'C1', 'C9').notice).toBeNull();
  });

  it('stops at what the buyer may still hold at this event, whatever the per-booking maximum', () => {
    const limited = seatMapReducer(loaded(), { type: 'allowance', remaining: 2, limit: 6 });
    const two = toggle(limited, 'C1', 'C2', 'C3');
    expect(two.selected).toHaveLength(2);
    expect(two.notice).toMatchObject({ kind: 'limit', message: 'Each buyer can have 6 seats at this event: you can pick only 2 more seats.' });
    const none = toggle(seatMapReducer(loaded(), { type: 'allowance', remaining: 0, limit: 6 }), 'C1');
    expect(none.selected).toHaveLength(0);
    expect(none.notice?.message).toBe('Each buyer can have 6 seats at this event: you can pick no more seats.');
  });

  it('a selected seat taken by someone else leaves the selection, with a message naming it', () => {
    const picked = toggle(loaded(5), 'C12', 'C11');
    const state = seatMapReducer(picked, changed(5, 6, [['C12', 'reserved', 'bkg_other']]));
    expect(seatStateOf(state, id('C12'))).toBe('reserved');
    expect(seatStateOf(state, id('C11'))).toBe('selected');
    expect(state.notice).toMatchObject({ kind: 'taken', message: 'Seat C12 was just taken by someone else — pick another one.' });
    // The person picks again.
    expect(seatStateOf(toggle(state, 'C10'), id('C10'))).toBe('selected');
  });

  it('names every seat lost at once', () => {
    expect(takenMessage(['C1', 'C2', 'C3'])).toBe('Seats C1, C2 and C3 were just taken by someone else — pick others.');
  });

  it('seats turning reserved while my hold is in flight are not reported as taken', () => {
    let state = seatMapReducer(toggle(loaded(5), 'C1', 'C2'), { type: 'hold-started' });
    state = seatMapReducer(
      state,
      changed(5, 6, [
        ['C1', 'reserved', 'bkg_mine'],
        ['C2', 'reserved', 'bkg_mine'],
      ]),
    );
    expect(state.notice).toBeNull();
    state = seatMapReducer(state, { type: 'hold-succeeded', bookingId: 'bkg_mine', seatIds: [id('C1'), id('C2')] });
    expect(state.selected).toEqual([]);
    expect(seatStateOf(state, id('C1'))).toBe('mine');
    expect(countStates(state)).toMatchObject({ mine: 2, selected: 0 });
  });

  it('a successful hold shows its seats as mine before the delta arrives', () => {
    let state = seatMapReducer(toggle(loaded(5), 'A1'), { type: 'hold-started' });
    state = seatMapReducer(state, { type: 'hold-succeeded', bookingId: 'bkg_mine', seatIds: [id('A1')] });
    expect(seatStateOf(state, id('A1'))).toBe('mine');
  });

  it('a hold waiting in line says so, and the notice goes once the hold is decided', () => {
    let state = seatMapReducer(toggle(loaded(5), 'A1'), { type: 'hold-started' });
    state = seatMapReducer(state, { type: 'hold-pending' });
    expect(state.notice).toMatchObject({ kind: 'pending', message: PENDING_MESSAGE });
    expect(seatStateOf(state, id('A1'))).toBe('selected');
    state = seatMapReducer(state, { type: 'hold-succeeded', bookingId: 'bkg_mine', seatIds: [id('A1')] });
    expect(state.notice).toBeNull();
    expect(seatStateOf(state, id('A1'))).toBe('mine');
  });

  it('a hold refused with SEAT_UNAVAILABLE drops the lost seats and keeps the rest selected', () => {
    let state = seatMapReducer(toggle(loaded(5), 'C1', 'C2'), { type: 'hold-started' });
    expect(toggle(state, 'C3').selected).toHaveLength(2);
    state = seatMapReducer(state, { type: 'hold-failed', lostSeatIds: [id('C2')] });
    expect(state.holding).toEqual([]);
    expect(seatStateOf(state, id('C1'))).toBe('selected');
    expect(seatStateOf(state, id('C2'))).not.toBe('selected');
    expect(state.notice?.message).toBe('Seat C2 was just taken by someone else — pick another one.');
  });
});

describe('admin selection', () => {
  it('picks available and blocked seats, many at a time, but never sold ones', () => {
    let state = seatMapReducer(initialSeatMapState('admin'), {
      type: 'snapshot',
      snapshot: venue(5, { C1: { status: 'blocked' }, C2: { status: 'confirmed', bookingId: 'bkg_x' } }),
    });
    state = toggle(state, 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'A1', 'A2', 'A3');
    expect(state.selected).toHaveLength(14);
    expect(seatStateOf(state, id('C1'))).toBe('selected');
    expect(seatStateOf(state, id('C2'))).toBe('confirmed');
    expect(countStates(state).selected).toBe(14);
  });
});

describe('connection', () => {
  it('is reconnecting while the feed is down, and live again once reconnected or resynced', () => {
    const down = seatMapReducer(loaded(5), { type: 'disconnected' });
    expect(down.sync).toBe('reconnecting');
    expect(seatMapReducer(down, { type: 'connected' }).sync).toBe('live');
    expect(seatMapReducer(down, { type: 'snapshot', snapshot: venue(5) }).sync).toBe('live');
  });

  it('a first connect does not claim a map that has not loaded yet is live', () => {
    expect(run({ type: 'connected' }).sync).toBe('loading');
  });

  it('stays loading when the very first snapshot fails', () => {
    expect(run({ type: 'disconnected' }).sync).toBe('loading');
  });
});
