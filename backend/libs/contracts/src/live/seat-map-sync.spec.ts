import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Seat, SeatSnapshot } from '../catalog';
import type { SeatUpdated } from '../messages/seat-updated.message';
import type { SeatStatus } from '../statuses';
import { SeatMapSync, type SeatMapUpdate } from './seat-map-sync';

const EVENT = 'evt_test';
const GAP_TIMEOUT_MS = 300;

/** The database as the booking core changes it: seats and a version bumped by one per change. */
class FakeDatabase {
  version = 0;
  readonly seats = new Map<string, Seat>();

  constructor(count: number) {
    for (let n = 1; n <= count; n += 1) {
      const id = `${EVENT}_A${n}`;
      this.seats.set(id, {
        id,
        label: `A${n}`,
        section: 'Floor',
        row: 'A',
        number: n,
        tier: 'Regular',
        price: 5000,
        x: n,
        y: 0,
        status: 'available',
        bookingId: null,
      });
    }
  }

  /** One decision: returns its delta. */
  change(seatIds: string[], status: SeatStatus, bookingId: string | null = status === 'available' ? null : `bkg_${this.version + 1}`): SeatUpdated {
    for (const seatId of seatIds) this.seats.set(seatId, { ...this.seats.get(seatId)!, status, bookingId });
    this.version += 1;
    return { eventId: EVENT, baseVersion: this.version - 1, version: this.version, changes: seatIds.map((seatId) => ({ seatId, status, bookingId })) };
  }

  snapshot(): SeatSnapshot {
    return { eventId: EVENT, version: this.version, seats: [...this.seats.values()].map((seat) => ({ ...seat })), areas: [] };
  }
}

/** A snapshot loader whose answers the test releases one at a time, read from the database when released. */
function controlledLoader(db: FakeDatabase) {
  const waiting: Array<{ resolve: (snapshot: SeatSnapshot) => void; reject: (error: Error) => void }> = [];
  const load = vi.fn((eventId: string) => {
    expect(eventId).toBe(EVENT);
    return new Promise<SeatSnapshot>((resolve, reject) => waiting.push({ resolve, reject }));
  });
  return {
    load,
    get pending() {
      return waiting.length;
    },
    async answer(): Promise<void> {
      const next = waiting.shift();
      if (!next) throw new Error('no snapshot load is waiting');
      next.resolve(db.snapshot());
      await flush();
    },
    async fail(): Promise<void> {
      waiting.shift()?.reject(new Error('catalog unreachable'));
      await flush();
    },
  };
}

const flush = () => vi.advanceTimersByTimeAsync(0);
const statuses = (sync: SeatMapSync) => [...sync.seats.values()].map((seat) => [seat.id, seat.status, seat.bookingId]);
const truth = (db: FakeDatabase) => [...db.seats.values()].map((seat) => [seat.id, seat.status, seat.bookingId]);
const seat = (n: number) => `${EVENT}_A${n}`;

describe('SeatMapSync', () => {
  let db: FakeDatabase;
  let loader: ReturnType<typeof controlledLoader>;
  let sync: SeatMapSync;
  let updates: SeatMapUpdate[];
  let errors: unknown[];

  beforeEach(() => {
    vi.useFakeTimers();
    db = new FakeDatabase(10);
    loader = controlledLoader(db);
    errors = [];
    sync = new SeatMapSync({ eventId: EVENT, loadSnapshot: loader.load, gapTimeoutMs: GAP_TIMEOUT_MS, retryDelayMs: 100, onError: (e) => errors.push(e) });
    updates = [];
    sync.onUpdate((update) => updates.push(update));
  });

  afterEach(() => {
    sync.stop();
    vi.useRealTimers();
  });

  async function started(): Promise<void> {
    void sync.start();
    await loader.answer();
  }

  it('is idle until started, then loads the snapshot and goes live at its version', async () => {
    db.change([seat(1)], 'reserved');
    expect(sync.status).toBe('idle');
    expect(sync.version).toBe(-1);
    sync.receive(db.change([seat(2)], 'reserved'));
    void sync.start();
    expect(sync.status).toBe('loading');
    await loader.answer();
    expect(sync.status).toBe('live');
    expect(sync.version).toBe(2);
    expect(statuses(sync)).toEqual(truth(db));
    expect(updates).toEqual([{ kind: 'snapshot', version: 2, reason: 'start' }]);
  });

  it('applies a delta whose baseVersion is its version, replacing only the changed seats', async () => {
    await started();
    const before = new Map(sync.seats);
    const delta = db.change([seat(1), seat(2)], 'reserved', 'bkg_x');

    sync.receive(delta);

    expect(sync.version).toBe(1);
    expect(sync.seats.get(seat(1))).toMatchObject({ status: 'reserved', bookingId: 'bkg_x', label: 'A1', price: 5000 });
    expect(sync.seats.get(seat(1))).not.toBe(before.get(seat(1)));
    expect(sync.seats.get(seat(3))).toBe(before.get(seat(3)));
    expect(updates.at(-1)).toEqual({ kind: 'delta', version: 1, changes: delta.changes });
    expect(statuses(sync)).toEqual(truth(db));
  });

  it('ignores stale and duplicate deltas, and deltas of other events', async () => {
    const first = db.change([seat(1)], 'reserved');
    await started();
    const second = db.change([seat(1)], 'available');
    sync.receive(second);
    const seen = updates.length;

    sync.receive(first);
    sync.receive(second);
    sync.receive({ ...db.change([seat(4)], 'reserved'), eventId: 'evt_other' });

    expect(updates).toHaveLength(seen);
    expect(sync.version).toBe(2);
    expect(sync.seats.get(seat(1))?.status).toBe('available');
    expect(sync.seats.get(seat(4))?.status).toBe('available');
  });

  it('buffers deltas that arrive early and applies them in order once the gap closes', async () => {
    await started();
    const d1 = db.change([seat(1)], 'reserved');
    const d2 = db.change([seat(1)], 'paid');
    const d3 = db.change([seat(1)], 'confirmed');

    sync.receive(d3);
    sync.receive(d2);
    expect(sync.version).toBe(0);
    expect(sync.seats.get(seat(1))?.status).toBe('available');

    sync.receive(d1);
    expect(sync.version).toBe(3);
    expect(updates.slice(1).map((u) => u.version)).toEqual([1, 2, 3]);
    expect(sync.seats.get(seat(1))?.status).toBe('confirmed');
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS * 2);
    expect(loader.load).toHaveBeenCalledTimes(1);
  });

  it('reloads the snapshot when a gap stays open, then applies what came after it', async () => {
    await started();
    db.change([seat(1)], 'reserved'); // lost on the way
    sync.receive(db.change([seat(2)], 'reserved'));
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS - 1);
    expect(loader.pending).toBe(0);

    await vi.advanceTimersByTimeAsync(1);
    expect(loader.pending).toBe(1);
    expect(sync.status).toBe('loading');
    const whileLoading = db.change([seat(3)], 'reserved');
    await loader.answer(); // read after the third change: the snapshot already has it
    sync.receive(whileLoading);
    sync.receive(db.change([seat(4)], 'reserved'));

    expect(updates.filter((u) => u.kind === 'snapshot').at(-1)).toEqual({ kind: 'snapshot', version: 3, reason: 'gap' });
    expect(sync.version).toBe(4);
    expect(statuses(sync)).toEqual(truth(db));
  });

  it('applies on top of the snapshot the deltas that arrived while it loaded, dropping those it already has', async () => {
    void sync.start();
    const a = db.change([seat(1)], 'reserved');
    sync.receive(a);
    const b = db.change([seat(2)], 'reserved');
    await loader.answer(); // read at version 2
    const c = db.change([seat(3)], 'reserved');
    sync.receive(b);
    sync.receive(c);
    expect(sync.version).toBe(3);
    expect(statuses(sync)).toEqual(truth(db));

    // Now the other order: the deltas arrive before the (older) snapshot does.
    void sync.resync('reconnect');
    const d = db.change([seat(1)], 'available');
    sync.receive(d);
    sync.receive(db.change([seat(5)], 'reserved'));
    await loader.answer(); // read at version 5: both deltas are in it already
    expect(sync.version).toBe(5);
    expect(statuses(sync)).toEqual(truth(db));
  });

  it('applies a coalesced delta that spans its version: it carries the final status of every seat it changed', async () => {
    const d1 = db.change([seat(1), seat(2)], 'reserved', 'bkg_1');
    await started(); // at version 1
    const d2 = db.change([seat(1)], 'available', null);
    const d3 = db.change([seat(3)], 'reserved', 'bkg_3');
    const coalesced: SeatUpdated = {
      eventId: EVENT,
      baseVersion: d1.baseVersion,
      version: d3.version,
      changes: [{ seatId: seat(1), status: 'available', bookingId: null }, { seatId: seat(2), status: 'reserved', bookingId: 'bkg_1' }, ...d3.changes],
    };
    expect(d2.version).toBe(2);

    sync.receive(coalesced);

    expect(sync.version).toBe(3);
    expect(statuses(sync)).toEqual(truth(db));
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS * 2);
    expect(loader.load).toHaveBeenCalledTimes(1);
  });

  describe('after the socket (re)joins the room', () => {
    it('starts a map that was never loaded', async () => {
      void sync.subscribed(0);
      expect(loader.pending).toBe(1);
      await loader.answer();
      expect(updates).toEqual([{ kind: 'snapshot', version: 0, reason: 'start' }]);
    });

    it('keeps a live map that is at the server version: nothing was missed', async () => {
      await started();
      sync.receive(db.change([seat(1)], 'reserved'));
      await sync.subscribed(1);
      expect(loader.load).toHaveBeenCalledTimes(1);
      expect(sync.status).toBe('live');
    });

    it('reloads a map that missed changes while disconnected', async () => {
      await started();
      for (let i = 1; i <= 5; i += 1) db.change([seat(i)], 'reserved');
      void sync.subscribed(db.version);
      await loader.answer();
      expect(updates.at(-1)).toEqual({ kind: 'snapshot', version: 5, reason: 'reconnect' });
      expect(statuses(sync)).toEqual(truth(db));
    });

    it('reloads a map whose server version is unknown', async () => {
      await started();
      void sync.subscribed();
      expect(loader.pending).toBe(1);
    });
  });

  it('retries a failed load with a growing wait and reports each failure', async () => {
    void sync.start();
    await loader.fail();
    expect(errors).toHaveLength(1);
    expect(sync.status).toBe('loading');
    await vi.advanceTimersByTimeAsync(99);
    expect(loader.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await loader.fail();
    await vi.advanceTimersByTimeAsync(199);
    expect(loader.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await loader.answer();
    expect(errors).toHaveLength(2);
    expect(sync.status).toBe('live');
    expect(loader.load).toHaveBeenCalledTimes(3);
  });

  it('installs only the latest of overlapping loads', async () => {
    void sync.start();
    db.change([seat(1)], 'reserved');
    void sync.resync('reconnect');
    await loader.answer(); // the first load, superseded: ignored
    expect(sync.status).toBe('loading');
    expect(updates).toEqual([]);
    db.change([seat(2)], 'reserved');
    await loader.answer();
    expect(updates).toEqual([{ kind: 'snapshot', version: 2, reason: 'reconnect' }]);
  });

  it('stops: no more updates, and a load in flight is dropped', async () => {
    await started();
    void sync.resync('reconnect');
    sync.stop();
    await loader.answer();
    sync.receive(db.change([seat(1)], 'reserved'));
    expect(sync.status).toBe('stopped');
    expect(sync.version).toBe(0);
    expect(updates).toEqual([{ kind: 'snapshot', version: 0, reason: 'start' }]);
  });

  it('converges whatever the network does: random drops, duplicates, reordering and coalescing', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    await started();
    for (let round = 0; round < 40; round += 1) {
      const deltas = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        db.change([seat(1 + Math.floor(random() * 10))], pick(['available', 'reserved', 'paid', 'confirmed'] as const)),
      );
      const sent: SeatUpdated[] = [];
      for (const delta of deltas) {
        const last = sent.at(-1);
        if (last && random() < 0.3) {
          // The gateway merged it into the previous message of its tick.
          const bySeat = new Map([...last.changes, ...delta.changes].map((change) => [change.seatId, change]));
          sent[sent.length - 1] = { ...last, version: delta.version, changes: [...bySeat.values()] };
        } else sent.push(delta);
      }
      const delivered = sent.flatMap((delta) => (random() < 0.1 ? [] : random() < 0.1 ? [delta, delta] : [delta]));
      for (let i = delivered.length - 1; i > 0; i -= 1) {
        if (random() < 0.2) [delivered[i], delivered[i - 1]] = [delivered[i - 1]!, delivered[i]!];
      }
      for (const delta of delivered) sync.receive(delta);
      await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS);
      while (loader.pending > 0) await loader.answer();
      // A map whose last delta was lost only learns of it from the next one; the final check sends one.
    }
    sync.receive(db.change([seat(1)], 'available'));
    await vi.advanceTimersByTimeAsync(GAP_TIMEOUT_MS);
    while (loader.pending > 0) await loader.answer();
    expect(sync.version).toBe(db.version);
    expect(statuses(sync)).toEqual(truth(db));
    expect(loader.load.mock.calls.length).toBeGreaterThan(1);
  });
});
