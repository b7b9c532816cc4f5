import type { SeatState, SyncStatus } from './seat-map-state';
import type { MapLevel } from './sections';

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

/** A section as the canvas map shows it zoomed out. */
export interface SectionView {
  name: string;
  /** Seats left (of those the filter lets through) and seats in all. */
  available: number;
  total: number;
  /** Its label's place, in pixels from the map frame's top-left corner: where to tap it. */
  x: number;
  y: number;
}

/**
 * What the canvas map shows, beside `__seatstormMap`: its level (sections zoomed out, seats zoomed in), the
 * sections with their live counts, and the seats on screen. Published by the canvas map itself (the camera is its
 * own), read-only, on `window.__seatstormMapView`.
 */
export interface SeatMapViewHook {
  eventId: string;
  level(): MapLevel;
  /** The section in the middle of the view while seats show; null zoomed out. */
  section(): string | null;
  sections(): SectionView[];
  /** How many seats are on screen, by section. */
  visibleSeats(): Record<string, number>;
  /** Where a seat's centre is on screen, in pixels from the map frame's top-left corner; null if it is no seat here. */
  seatOnScreen(seatId: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __seatstormMap?: SeatMapTestHook;
    __seatstormMapView?: SeatMapViewHook;
  }
}
