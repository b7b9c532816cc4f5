import type { SeatLayout } from './layout';

/** A rectangle in layout units, by its centre. */
export interface PitchArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when the middle of the venue is empty: a stadium bowl around a pitch. */
export function hasPitch(layout: Pick<SeatLayout, 'seats' | 'bounds'>): boolean {
  const { minX, minY, maxX, maxY } = layout.bounds;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const radius = Math.min(maxX - minX, maxY - minY) * 0.25;
  return layout.seats.length > 0 && !layout.seats.some((seat) => (seat.x - cx) ** 2 + (seat.y - cy) ** 2 < radius ** 2);
}

/** Where the pitch is drawn: the middle of the bowl, clear of the lowest rows. */
export function pitchArea(layout: SeatLayout): PitchArea {
  const { minX, minY, maxX, maxY } = layout.bounds;
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, width: (maxX - minX) * 0.42, height: (maxY - minY) * 0.27 };
}
