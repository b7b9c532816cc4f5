import type { SeatLayout } from '@/lib/seat-map/layout';

/** Beyond this many seats, one DOM element per seat gets slow: the canvas renderer takes over. */
export const SVG_MAX_SEATS = 2_000;

export function rendererFor(layout: SeatLayout): 'svg' | 'canvas' {
  return layout.seats.length > SVG_MAX_SEATS ? 'canvas' : 'svg';
}
