import { useEffect, useRef } from 'react';
import { countStates, seatStateOf, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import type { SeatMapTestHook } from '@/lib/seat-map/test-hook';

/**
 * Publishes the seat map on `window.__seatstormMap` for the end-to-end tests, whichever renderer draws it: a
 * canvas has no element per seat to read a state from.
 */
export function useSeatMapTestHook(state: SeatMapState, renderer: SeatMapTestHook['renderer']) {
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    const layout = state.layout;
    if (!layout) return;
    window.__seatstormMap = {
      eventId: layout.eventId,
      renderer,
      version: state.version,
      sync: state.sync,
      seatCount: layout.seats.length,
      stateOf: (seatId) => seatStateOf(stateRef.current, seatId),
      counts: () => countStates(stateRef.current),
    };
  }, [state, renderer]);
  useEffect(() => () => void delete window.__seatstormMap, []);
}
