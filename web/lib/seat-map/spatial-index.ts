import type { Bounds, SeatLayout } from './layout';

/**
 * The seats on a uniform grid, so finding the seat under the pointer looks at a handful of seats instead of 50,000.
 * Flat arrays, not a map of lists: a worker builds it and hands it to the page as it is.
 */
export interface SeatGrid {
  /** The side of a cell, in layout units. */
  cell: number;
  /** The layout point where cell (0, 0) starts. */
  originX: number;
  originY: number;
  columns: number;
  rows: number;
  /** Cell `c` (row by row) holds `seats[start[c]]` up to `seats[start[c + 1]]`, excluded. */
  start: Uint32Array;
  seats: Uint32Array;
}

/** Cells per seat at most: a venue of a few seats far apart gets larger cells, not a grid mostly empty. */
const MAX_CELLS_PER_SEAT = 4;

function gridSize(bounds: Bounds, cell: number) {
  return {
    columns: Math.floor((bounds.maxX - bounds.minX) / cell) + 1,
    rows: Math.floor((bounds.maxY - bounds.minY) / cell) + 1,
  };
}

export function buildSeatGrid(layout: Pick<SeatLayout, 'seats' | 'pitch' | 'bounds'>): SeatGrid {
  const { seats, bounds } = layout;
  let cell = layout.pitch * 2;
  let { columns, rows } = gridSize(bounds, cell);
  const most = Math.max(1, seats.length) * MAX_CELLS_PER_SEAT;
  while (columns * rows > most) {
    cell *= Math.max(1.1, Math.sqrt((columns * rows) / most));
    ({ columns, rows } = gridSize(bounds, cell));
  }
  const cellOf = new Uint32Array(seats.length);
  const start = new Uint32Array(columns * rows + 1);
  seats.forEach((seat, index) => {
    const c = Math.floor((seat.y - bounds.minY) / cell) * columns + Math.floor((seat.x - bounds.minX) / cell);
    cellOf[index] = c;
    start[c + 1] = start[c + 1]! + 1;
  });
  for (let c = 1; c < start.length; c += 1) start[c] = start[c]! + start[c - 1]!;
  const next = start.slice(0, -1);
  const members = new Uint32Array(seats.length);
  cellOf.forEach((c, index) => {
    members[next[c]!] = index;
    next[c] = next[c]! + 1;
  });
  return { cell, originX: bounds.minX, originY: bounds.minY, columns, rows, start, seats: members };
}

/** The seat whose centre is nearest to (x, y) within `radius` layout units, or -1. */
export function seatAt(layout: Pick<SeatLayout, 'seats' | 'grid'>, x: number, y: number, radius: number): number {
  const { cell, originX, originY, columns, rows, start, seats } = layout.grid;
  const reach = Math.max(1, Math.ceil(radius / cell));
  const cx = Math.floor((x - originX) / cell);
  const cy = Math.floor((y - originY) / cell);
  let best = -1;
  let bestDistance = radius * radius;
  for (let row = Math.max(0, cy - reach); row <= Math.min(rows - 1, cy + reach); row += 1) {
    for (let column = Math.max(0, cx - reach); column <= Math.min(columns - 1, cx + reach); column += 1) {
      const c = row * columns + column;
      for (let i = start[c]!; i < start[c + 1]!; i += 1) {
        const index = seats[i]!;
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
}
