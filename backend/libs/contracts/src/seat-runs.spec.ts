import { describe, expect, it } from 'vitest';
import { groupsFitting, pickTogether, strandedBy, type SeatRun, type RunSeat } from './seat-runs';
import type { SeatAttribute } from './venue-layout';

/**
 * A run drawn as text, one character a seat from number 1: `.` free, `x` taken, `w` a free
 * wheelchair space, `c` a free companion seat, `r` a free seat with a restricted view.
 */
function run(drawing: string, { key = 'A', stageDistance = 0 }: { key?: string; stageDistance?: number } = {}): SeatRun {
  const seats = [...drawing].map((mark, i): RunSeat => {
    const attributes: SeatAttribute[] = mark === 'w' ? ['wheelchair'] : mark === 'c' ? ['companion'] : mark === 'r' ? ['restricted_view'] : [];
    return { id: `${key}${i + 1}`, number: i + 1, free: mark !== 'x', stageDistance, attributes };
  });
  return { key, seats, stageDistance };
}

const ids = (...labels: string[]) => new Set(labels);
const numbersOf = (seats: readonly RunSeat[]) => seats.map((seat) => seat.number);
const REQUEST = { accessible: false, companionsOnSale: false };

describe('strandedBy: the seats a hold would leave on their own', () => {
  it('finds a seat left between the hold and a taken seat', () => {
    expect(numbersOf(strandedBy(run('x...'), ids('A3', 'A4')))).toEqual([2]);
  });

  it('finds a seat left between the hold and the end of the run (an aisle or the row’s end)', () => {
    expect(numbersOf(strandedBy(run('....'), ids('A2', 'A3', 'A4')))).toEqual([1]);
    expect(numbersOf(strandedBy(run('....'), ids('A1', 'A2', 'A3')))).toEqual([4]);
  });

  it('finds seats stranded on both sides of one hold', () => {
    expect(numbersOf(strandedBy(run('.....'), ids('A2', 'A3', 'A4')))).toEqual([1, 5]);
  });

  it('finds a seat left between two of the hold’s own seats', () => {
    expect(numbersOf(strandedBy(run('.....'), ids('A1', 'A2', 'A4', 'A5')))).toEqual([3]);
  });

  it('leaves two free seats together alone, and a hold of the whole gap', () => {
    expect(strandedBy(run('x....'), ids('A4', 'A5'))).toEqual([]);
    expect(strandedBy(run('x.x..'), ids('A2'))).toEqual([]);
  });

  it('does not blame a hold for a seat that was alone before it', () => {
    expect(strandedBy(run('x.x...'), ids('A4', 'A5', 'A6'))).toEqual([]);
  });

  it('never counts a taken seat, or a seat of the hold, as stranded', () => {
    expect(strandedBy(run('xx.x'), ids('A3'))).toEqual([]);
  });
});

describe('groupsFitting: how many groups a stretch of free seats still seats', () => {
  it('fits whole groups, never leaving exactly one seat over', () => {
    expect([3, 4, 5, 6, 8, 9, 10].map((length) => groupsFitting(length, 4))).toEqual([0, 1, 0, 1, 2, 1, 2]);
    expect(groupsFitting(5, 1)).toBe(5);
    expect([3, 4, 5].map((length) => groupsFitting(length, 2))).toEqual([0, 2, 1]);
  });
});

describe('pickTogether: best available', () => {
  it('picks from the run nearest the stage', () => {
    const picked = pickTogether([run('......', { key: 'C', stageDistance: 5 }), run('......', { key: 'B', stageDistance: 2 })], { count: 2, ...REQUEST });

    expect(picked?.[0]).toMatch(/^B/);
  });

  it('in a row of ten, seats two groups of four: the first near the centre, keeping room for the second', () => {
    const row = run('..........');
    const first = pickTogether([row], { count: 4, ...REQUEST });

    expect(first).toEqual(['A3', 'A4', 'A5', 'A6']);
    const taken = run('..xxxx....');
    expect(pickTogether([taken], { count: 4, ...REQUEST })).toEqual(['A7', 'A8', 'A9', 'A10']);
  });

  it('takes the centre when the row has room for only one group either way', () => {
    expect(pickTogether([run('.........')], { count: 4, ...REQUEST })).toEqual(['A3', 'A4', 'A5', 'A6']);
  });

  it('does not take the centre when that would cost a group: eight seats seat two groups of four', () => {
    expect(pickTogether([run('........')], { count: 4, ...REQUEST })).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('never strands a seat: five free seats do not take four', () => {
    expect(pickTogether([run('.....')], { count: 4, ...REQUEST })).toBeUndefined();
    expect(pickTogether([run('x.....x')], { count: 4, ...REQUEST })).toBeUndefined();
  });

  it('goes further back when the nearer run has no room', () => {
    const picked = pickTogether([run('x..x..x', { key: 'A', stageDistance: 1 }), run('.....', { key: 'B', stageDistance: 2 })], { count: 3, ...REQUEST });

    expect(picked).toEqual(['B1', 'B2', 'B3']);
  });

  it('answers none when no run has the seats together', () => {
    expect(pickTogether([run('..x..'), run('x.x.x')], { count: 3, ...REQUEST })).toBeUndefined();
    expect(pickTogether([], { count: 1, ...REQUEST })).toBeUndefined();
  });

  it('keeps wheelchair spaces and companion seats for the groups that need them', () => {
    expect(pickTogether([run('wc....')], { count: 4, ...REQUEST })).toEqual(['A3', 'A4', 'A5', 'A6']);
    expect(pickTogether([run('wc...')], { count: 4, ...REQUEST })).toBeUndefined();
  });

  it('gives an accessible request a wheelchair space, with its companion seat beside it', () => {
    expect(pickTogether([run('....wc')], { count: 2, accessible: true, companionsOnSale: false })).toEqual(['A5', 'A6']);
    expect(pickTogether([run('......')], { count: 2, accessible: true, companionsOnSale: false })).toBeUndefined();
  });

  it('offers companion seats to everyone once they went on general sale', () => {
    expect(pickTogether([run('c...')], { count: 4, accessible: false, companionsOnSale: true })).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('prefers seats with a clear view, further back or off-centre, to a restricted view', () => {
    expect(pickTogether([run('rr......')], { count: 4, ...REQUEST })).toEqual(['A5', 'A6', 'A7', 'A8']);
    const picked = pickTogether([run('.rr.', { key: 'A', stageDistance: 1 }), run('....', { key: 'B', stageDistance: 9 })], { count: 2, ...REQUEST });
    expect(picked).toEqual(['B1', 'B2']);
  });

  it('gives restricted-view seats once no clear seats are left together', () => {
    expect(pickTogether([run('r...', { key: 'A', stageDistance: 1 }), run('x.x', { key: 'B' })], { count: 4, ...REQUEST })).toEqual(['A1', 'A2', 'A3', 'A4']);
  });
});
