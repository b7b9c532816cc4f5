import type { SeatStatus, SeatUpdated } from '@seatstorm/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SeatDeltaCoalescer } from './seat-delta-coalescer';

const TICK_MS = 50;

/** The booking core's deltas for one event: versions strictly +1. */
function chain(eventId: string) {
  let version = 0;
  return (changes: Array<[seat: string, status: SeatStatus]>): SeatUpdated => {
    version += 1;
    return {
      eventId,
      baseVersion: version - 1,
      version,
      changes: changes.map(([seat, status]) => ({ seatId: `${eventId}_${seat}`, status, bookingId: status === 'available' ? null : `bkg_${version}` })),
    };
  };
}

describe('SeatDeltaCoalescer', () => {
  let sent: SeatUpdated[];
  let coalescer: SeatDeltaCoalescer;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    coalescer = new SeatDeltaCoalescer(TICK_MS, (delta) => sent.push(delta));
  });

  afterEach(() => {
    coalescer.close();
    vi.useRealTimers();
  });

  it('sends a lone delta at once', () => {
    const delta = chain('evt_a')([['A1', 'reserved']]);
    expect(coalescer.push(delta)).toBe('emitted');
    expect(sent).toEqual([delta]);
  });

  it('keeps the last count of places left per standing area when it merges a burst', async () => {
    const next = chain('evt_a');
    coalescer.push(next([['A1', 'reserved']]));
    coalescer.push({ ...next([['Floor-1', 'reserved']]), areas: [{ areaId: 'Floor', available: 9 }] });
    coalescer.push(next([['A2', 'reserved']]));
    coalescer.push({ ...next([['Floor-2', 'reserved']]), areas: [{ areaId: 'Floor', available: 8 }] });

    await vi.advanceTimersByTimeAsync(TICK_MS);

    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ baseVersion: 1, version: 4, areas: [{ areaId: 'Floor', available: 8 }] });
    expect(sent[1]!.changes).toHaveLength(3);
  });

  it('merges a burst within one tick into one message: first baseVersion, last version, last status per seat', async () => {
    const next = chain('evt_a');
    const first = next([['A1', 'reserved']]);
    expect(coalescer.push(first)).toBe('emitted');
    expect(
      coalescer.push(
        next([
          ['A2', 'reserved'],
          ['A3', 'reserved'],
        ]),
      ),
    ).toBe('delayed');
    expect(coalescer.push(next([['A2', 'available']]))).toBe('merged');
    expect(coalescer.push(next([['A4', 'reserved']]))).toBe('merged');
    expect(sent).toEqual([first]);

    await vi.advanceTimersByTimeAsync(TICK_MS - 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);

    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({
      eventId: 'evt_a',
      baseVersion: 1,
      version: 4,
      changes: [
        { seatId: 'evt_a_A2', status: 'available', bookingId: null },
        { seatId: 'evt_a_A3', status: 'reserved', bookingId: 'bkg_2' },
        { seatId: 'evt_a_A4', status: 'reserved', bookingId: 'bkg_4' },
      ],
    });
  });

  it('sends at most one message per event per tick under a steady stream, and the messages chain', async () => {
    const next = chain('evt_a');
    for (let i = 0; i < 200; i += 1) {
      coalescer.push(next([[`A${i % 7}`, i % 2 ? 'reserved' : 'available']]));
      await vi.advanceTimersByTimeAsync(5); // 200 deltas/s
    }
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(sent.length).toBeLessThanOrEqual(1000 / TICK_MS + 2);
    expect(sent.length).toBeGreaterThan(10);
    expect(sent[0]!.baseVersion).toBe(0);
    expect(sent.at(-1)!.version).toBe(200);
    for (let i = 1; i < sent.length; i += 1) expect(sent[i]!.baseVersion).toBe(sent[i - 1]!.version);
  });

  it('keeps events apart: each has its own tick', () => {
    const a = chain('evt_a');
    const b = chain('evt_b');
    expect(coalescer.push(a([['A1', 'reserved']]))).toBe('emitted');
    expect(coalescer.push(b([['A1', 'reserved']]))).toBe('emitted');
    expect(coalescer.push(a([['A2', 'reserved']]))).toBe('delayed');
    expect(sent.map((d) => d.eventId)).toEqual(['evt_a', 'evt_b']);
  });

  it('drops deltas it has already accepted (the outbox republishes after a crash)', async () => {
    const next = chain('evt_a');
    const d1 = next([['A1', 'reserved']]);
    const d2 = next([['A2', 'reserved']]);
    coalescer.push(d1);
    coalescer.push(d2);
    expect(coalescer.push(d1)).toBe('duplicate');
    expect(coalescer.push(d2)).toBe('duplicate');
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(coalescer.push(d2)).toBe('duplicate');
    expect(sent.map((d) => [d.baseVersion, d.version])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('never hides a gap: sends what it holds, then the delta as it is', async () => {
    const next = chain('evt_a');
    coalescer.push(next([['A1', 'reserved']]));
    coalescer.push(next([['A2', 'reserved']])); // held
    next([['A3', 'reserved']]); // lost upstream
    const after = next([['A4', 'reserved']]);

    expect(coalescer.push(after)).toBe('gap');

    expect(sent.map((d) => [d.baseVersion, d.version])).toEqual([
      [0, 1],
      [1, 2],
      [3, 4],
    ]);
    await vi.advanceTimersByTimeAsync(TICK_MS * 2);
    expect(sent).toHaveLength(3);
    expect(coalescer.push(next([['A5', 'reserved']]))).toBe('emitted');
    expect(sent.at(-1)).toMatchObject({ baseVersion: 4, version: 5 });
  });

  it('starts from whatever it first sees (a gateway that just started or took over the partition)', () => {
    const late: SeatUpdated = { eventId: 'evt_a', baseVersion: 41, version: 42, changes: [{ seatId: 'evt_a_A1', status: 'paid', bookingId: 'bkg_1' }] };
    expect(coalescer.push(late)).toBe('emitted');
    expect(coalescer.push({ ...late, baseVersion: 42, version: 43 })).toBe('delayed');
  });

  it('on close, stops its timers and sends nothing more', async () => {
    const next = chain('evt_a');
    coalescer.push(next([['A1', 'reserved']]));
    coalescer.push(next([['A2', 'reserved']]));
    coalescer.close();
    await vi.advanceTimersByTimeAsync(TICK_MS * 2);
    expect(sent).toHaveLength(1);
  });
});

describe('SeatDeltaCoalescer.drained', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves only once every delta pushed so far has been sent, so their offsets are never committed ahead of them', async () => {
    const sent: SeatUpdated[] = [];
    const coalescer = new SeatDeltaCoalescer(TICK_MS, (delta) => sent.push(delta));
    const next = chain('evt_a');
    coalescer.push(next([['A1', 'reserved']]));
    await expect(coalescer.drained()).resolves.toBeUndefined();

    coalescer.push(next([['A2', 'reserved']]));
    let drained = false;
    void coalescer.drained().then(() => (drained = true));
    await vi.advanceTimersByTimeAsync(TICK_MS / 2);
    expect(drained).toBe(false);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(drained).toBe(true);
    expect(sent.map((delta) => delta.version)).toEqual([1, 2]);
    coalescer.close();
  });

  it('lets a waiting relay go when it closes', async () => {
    const coalescer = new SeatDeltaCoalescer(TICK_MS, () => undefined);
    const next = chain('evt_a');
    coalescer.push(next([['A1', 'reserved']]));
    coalescer.push(next([['A2', 'reserved']]));
    const drained = coalescer.drained();
    coalescer.close();
    await expect(drained).resolves.toBeUndefined();
  });
});
