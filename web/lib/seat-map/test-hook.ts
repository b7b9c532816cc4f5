import type { SeatState, SyncStatus } from './seat-map-state';

/**
 * A read-only view of the seat map for end-to-end tests, equal for the SVG
 * and the canvas renderer (a canvas has no DOM per seat to query). Part of
 * the app, not of the tests: the seat picker publishes it in every build
 * (useSeatMapTestHook), and the Playwright suite imports this type from here.
 */
export interface SeatMapTestHook {
  eventId: string;
  renderer: 'svg' | 'canvas';
  version: number;
  sync: SyncStatus;
  seatCount: number;
  stateOf(seatId: string): SeatState | null;
  counts(): Record<SeatState, number>;
}

declare global {
  interface Window {
    __seatstormMap?: SeatMapTestHook;
  }
}
