import { describe, expect, it } from 'vitest';
import { buildLayout } from './layout';
import { seatAt } from './spatial-index';
import { seat, snapshot } from '@/test/seat-snapshots';

// Row A at y = 0 and row C at y = 3.2; seats 1.2 apart from x = 1.2.
const layout = buildLayout(
  snapshot(
    0,
    ['A1', 'A2', 'A3', 'C1', 'C2', 'C3', 'C4'].map((label) => seat(label)),
  ),
);
const labelAt = (x: number, y: number, radius = 0.7) => layout.seats[seatAt(layout, x, y, radius)]?.label ?? null;

describe('the seat under the pointer', () => {
  it('is the seat nearest the point, within the radius', () => {
    expect(labelAt(1.2, 0)).toBe('A1');
    expect(labelAt(2.6, 0.3)).toBe('A2');
    expect(labelAt(4.9, 3.4)).toBe('C4');
    expect(labelAt(3.5, 3.0)).toBe('C3');
  });

  it('is none between rows, beyond the edges, or outside the radius', () => {
    expect(labelAt(2.4, 1.6)).toBeNull();
    expect(labelAt(-5, -5)).toBeNull();
    expect(labelAt(99, 3.2)).toBeNull();
    expect(labelAt(1.8, 0, 0.5)).toBeNull();
  });

  it('keeps the grid small for a few seats far apart', () => {
    const far = buildLayout(snapshot(0, [seat('A1', { x: 0, y: 0 }), seat('A2', { x: 1.2, y: 0 }), seat('C1', { x: 10_000, y: 10_000 })]));
    expect(far.grid.columns * far.grid.rows).toBeLessThanOrEqual(12);
    expect(far.seats[seatAt(far, 10_000.2, 9_999.9, 0.7)]?.label).toBe('C1');
    expect(far.seats[seatAt(far, 1.1, 0.1, 0.7)]?.label).toBe('A2');
  });
});
