import { describe, expect, it } from 'vitest';
import { buildLayout } from './layout';
import { firstSeat, neighbourInDirection } from './navigation';
import { seat, snapshot } from '@/test/seat-snapshots';

// Row A: A1..A3 at x = 1.2, 2.4, 3.6; row C (two rows down): C1..C5 at x = 1.2 … 6.0.
const layout = buildLayout(
  snapshot(
    0,
    ['C5', 'A2', 'C1', 'A1', 'C2', 'C3', 'A3', 'C4'].map((label) => seat(label)),
  ),
);
const at = (label: string) => layout.indexById.get(`evt_test_${label}`)!;
const move = (from: string, direction: Parameters<typeof neighbourInDirection>[2]) => layout.seats[neighbourInDirection(layout, at(from), direction)]!.label;

describe('arrow-key navigation', () => {
  it('moves along a row to the next seat', () => {
    expect(move('C2', 'right')).toBe('C3');
    expect(move('C2', 'left')).toBe('C1');
    expect(move('A1', 'right')).toBe('A2');
  });

  it('moves between rows to the seat most in line', () => {
    expect(move('A2', 'down')).toBe('C2');
    expect(move('C3', 'up')).toBe('A3');
    expect(move('C1', 'up')).toBe('A1');
  });

  it('stays put at an edge', () => {
    expect(move('C5', 'right')).toBe('C5');
    expect(move('A1', 'up')).toBe('A1');
    expect(move('C4', 'down')).toBe('C4');
  });

  it('starts at the top-left seat whatever the data order', () => {
    expect(layout.seats[firstSeat(layout)]!.label).toBe('A1');
  });
});
