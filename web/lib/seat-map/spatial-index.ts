import type { SeatLayout } from './layout';

/**
 * A uniform grid over seat positions, so finding the seat under the pointer
 * looks at a handful of seats instead of 50,000.
 */
export interface SpatialIndex {
  /** The seat whose centre is nearest to (x, y) within `radius` layout units, or -1. */
  seatAt(x: number, y: number, radius: number): number;
}

const OFFSET = 32_768;

function cellKey(cx: number, cy: number): number {
  return (cx + OFFSET) * 65_536 + (cy + OFFSET);
}

export function buildSpatialIndex(layout: SeatLayout): SpatialIndex {
  const cell = layout.pitch * 2;
  const cells = new Map<number, number[]>();
  layout.seats.forEach((seat, index) => {
    const key = cellKey(Math.floor(seat.x / cell), Math.floor(seat.y / cell));
    const bucket = cells.get(key);
    if (bucket) bucket.push(index);
    else cells.set(key, [index]);
  });

  return {
    seatAt(x, y, radius) {
      const reach = Math.max(1, Math.ceil(radius / cell));
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      let best = -1;
      let bestDistance = radius * radius;
      for (let dx = -reach; dx <= reach; dx += 1) {
        for (let dy = -reach; dy <= reach; dy += 1) {
          for (const index of cells.get(cellKey(cx + dx, cy + dy)) ?? []) {
            const seat = layout.seats[index]!;
            const distance = (seat.x - x) ** 2 + (seat.y - y) ** 2;
            if (distance <= bestDistance) {
              bestDistance = distance;
              best = index;
            }
          }
        }
      }
      return best;
    },
  };
}
