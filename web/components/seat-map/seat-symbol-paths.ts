import type { SeatSymbol } from '@/lib/seat-map/attributes';

/**
 * The seat symbols, drawn once for both renderers: SVG path data in a unit box centred on the seat (−0.5 to 0.5),
 * scaled to the seat's size. `stroke` is drawn as lines STROKE_WIDTH wide, `fill` filled; both in the seat's
 * contrasting colour.
 */
export const SYMBOL_PATHS: Record<SeatSymbol, { stroke: string; fill: string }> = {
  // The ISO 7001 wheelchair, simplified: head, back and seat, leg, and the wheel open towards the leg.
  wheelchair: {
    stroke: 'M-0.08 -0.18 L-0.06 0.06 L0.17 0.06 L0.25 0.31 L0.34 0.31 M-0.07 -0.07 L0.1 -0.07 M-0.16 -0.05 A0.24 0.24 0 1 0 0.17 0.28',
    fill: 'M0.025 -0.33 A0.085 0.085 0 1 0 -0.145 -0.33 A0.085 0.085 0 1 0 0.025 -0.33 Z',
  },
  // A person: the wheelchair user's companion.
  companion: {
    stroke: '',
    fill: 'M0.13 -0.17 A0.13 0.13 0 1 0 -0.13 -0.17 A0.13 0.13 0 1 0 0.13 -0.17 Z M-0.3 0.36 C-0.3 0.05 -0.15 0.02 0 0.02 C0.15 0.02 0.3 0.05 0.3 0.36 Z',
  },
  // An eye, struck through.
  restricted_view: {
    stroke: 'M-0.38 0 Q0 -0.34 0.38 0 Q0 0.34 -0.38 0 Z M-0.3 0.3 L0.3 -0.3',
    fill: 'M0.1 0 A0.1 0.1 0 1 0 -0.1 0 A0.1 0.1 0 1 0 0.1 0 Z',
  },
};

/** In the unit box: about 2.5 px on a 28 px seat. */
export const STROKE_WIDTH = 0.09;
