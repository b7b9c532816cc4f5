import type { StandingArea } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { labelsOf } from '../seat-labels';
import { chosenCount, initialSeatMapState, seatMapReducer, type SeatMapAction, type SeatMapState } from './seat-map-state';
import { venue } from '@/test/seat-snapshots';

const FLOOR: StandingArea = { id: 'Floor', tier: 'Floor', price: 3_500, capacity: 200, available: 5, x: 0, y: 10, width: 16, height: 7 };

function run(...actions: SeatMapAction[]): SeatMapState {
  return actions.reduce(seatMapReducer, initialSeatMapState('buyer', 4));
}

const loaded: SeatMapAction = { type: 'snapshot', snapshot: { ...venue(5), areas: [FLOOR] } };

describe('standing areas on the map', () => {
  it('takes the areas from the snapshot and sets their count from each delta that carries one', () => {
    const state = run(loaded, {
      type: 'changes',
      version: 6,
      changes: [{ seatId: 'evt_test_Floor-1', status: 'reserved', bookingId: 'bkg_x' }],
      areas: [{ areaId: 'Floor', available: 4 }],
    });
    expect(state.areas).toEqual([{ ...FLOOR, available: 4 }]);
    expect(state.version).toBe(6);
  });

  it('fits the layout around the area as well as the seats', () => {
    const state = run(loaded);
    expect(state.layout!.bounds.maxY).toBeGreaterThanOrEqual(FLOOR.y + FLOOR.height / 2);
  });

  it('lets a buyer choose places within the places left and the booking limit, counted with the seats picked', () => {
    const withSeat = seatMapReducer(run(loaded), { type: 'toggle', seatId: 'evt_test_A1' });
    const three = seatMapReducer(withSeat, { type: 'set-standing', areaId: 'Floor', quantity: 3 });
    expect(three.standing).toEqual({ areaId: 'Floor', quantity: 3 });
    expect(chosenCount(three)).toBe(4);
    // A fourth seat would go past the booking's limit of 4.
    expect(seatMapReducer(three, { type: 'toggle', seatId: 'evt_test_A2' }).selected).toHaveLength(1);

    const tooMany = seatMapReducer(run(loaded), { type: 'set-standing', areaId: 'Floor', quantity: 9 });
    expect(tooMany.standing).toEqual({ areaId: 'Floor', quantity: 4 });
    expect(tooMany.notice?.kind).toBe('limit');
    expect(seatMapReducer(three, { type: 'set-standing', areaId: 'Floor', quantity: 0 }).standing).toBeNull();
  });

  it('clears the places chosen once the hold went through', () => {
    const chosen = seatMapReducer(run(loaded), { type: 'set-standing', areaId: 'Floor', quantity: 2 });
    const held = seatMapReducer(chosen, { type: 'hold-succeeded', bookingId: 'bkg_1', seatIds: ['evt_test_Floor-1', 'evt_test_Floor-2'] });
    expect(held.standing).toBeNull();
  });
});

describe('a booking with standing places, in words', () => {
  it('names its seats one by one and its places once per area', () => {
    expect(labelsOf({ eventId: 'evt_w', seatIds: ['evt_w_A5', 'evt_w_Floor-1', 'evt_w_Floor-2'] })).toEqual(['A5', 'Floor, standing × 2']);
    expect(labelsOf({ eventId: 'evt_w', seatIds: ['evt_w_Floor-9'] })).toEqual(['Floor, standing']);
  });
});
