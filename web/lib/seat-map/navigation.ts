import { matchesMask, type FilterMask } from './attributes';
import type { SeatLayout } from './layout';

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXIS: Record<Direction, { dx: number; dy: number }> = {
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
};

/** Sideways drift costs more than distance ahead, so arrows follow rows and columns. */
const SIDEWAYS_WEIGHT = 3;

/**
 * The seat an arrow key moves to from seat `from`: the nearest seat ahead in
 * that direction, preferring ones in line with it. Works for any drawing
 * (straight rows, arcs, wrapped rows) because it only looks at coordinates.
 * Returns `from` when nothing lies that way.
 */
export function neighbourInDirection(layout: SeatLayout, from: number, direction: Direction): number {
  const origin = layout.seats[from];
  if (!origin) return from;
  const { dx, dy } = AXIS[direction];
  const minAhead = layout.pitch * 0.3;
  let best = from;
  let bestCost = Infinity;
  layout.seats.forEach((seat, index) => {
    const ax = seat.x - origin.x;
    const ay = seat.y - origin.y;
    const ahead = ax * dx + ay * dy;
    if (ahead < minAhead) return;
    const sideways = Math.abs(ax * dy - ay * dx);
    if (sideways > ahead * 2) return;
    const cost = ahead + sideways * SIDEWAYS_WEIGHT;
    if (cost < bestCost) {
      bestCost = cost;
      best = index;
    }
  });
  return best;
}

/**
 * The first seat in reading order (top row, leftmost): where keyboard focus starts. With a filter on, the first
 * seat it lets through, so the keyboard lands on what the person asked to see.
 */
export function firstSeat(layout: SeatLayout, mask: FilterMask = null): number {
  let best = -1;
  layout.seats.forEach((seat, index) => {
    if (!matchesMask(mask, index)) return;
    const current = layout.seats[best];
    if (!current) {
      best = index;
      return;
    }
    if (seat.y < current.y - layout.pitch * 0.3 || (Math.abs(seat.y - current.y) <= layout.pitch * 0.3 && seat.x < current.x)) best = index;
  });
  return Math.max(0, best);
}

export function directionOfKey(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}
