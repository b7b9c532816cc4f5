import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SocketEvent, type SeatSnapshot, type SeatUpdated } from '@seatstorm/contracts';
import { connectSeatMapFeed, LAYOUT_SLICE, type LiveSocket } from './live-binding';
import { initialSeatMapState, seatMapReducer, seatStateOf, type SeatMapAction, type SeatMapState } from './seat-map/seat-map-state';
import { delta, seat, snapshot, venue } from '@/test/seat-snapshots';

type Listener = (...args: never[]) => void;

/** A socket double: the test plays the gateway (connects, answers subscribe, pushes deltas). */
class FakeSocket implements LiveSocket {
  connected = false;
  private listeners = new Map<string, Set<Listener>>();
  subscribeAcks: Array<(reply: { version: number }) => void> = [];
  emitted: string[] = [];

  on(event: string, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, _payload: unknown, ack?: (reply: { version: number }) => void): this {
    this.emitted.push(event);
    if (event === 'subscribe' && ack) this.subscribeAcks.push(ack);
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }

  connect(): void {
    this.connected = true;
    this.fire('connect');
  }

  drop(): void {
    this.connected = false;
    this.fire('disconnect');
  }

  /** The gateway answers the latest subscribe with its seat version. */
  answerSubscribe(version: number): void {
    this.subscribeAcks.shift()?.({ version });
  }

  push(message: SeatUpdated): void {
    this.fire(SocketEvent.SeatUpdated, message);
  }
}

describe('the live seat map feed (socket → SeatMapSync → reducer)', () => {
  let socket: FakeSocket;
  let state: SeatMapState;
  let snapshots: SeatSnapshot[];
  let loads: number;
  let stop: () => void = () => undefined;

  const dispatch = (action: SeatMapAction) => {
    state = seatMapReducer(state, action);
  };
  const settle = () => vi.advanceTimersByTimeAsync(0);
  const stateOf = (label: string) => seatStateOf(state, `evt_test_${label}`);

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    state = initialSeatMapState();
    snapshots = [];
    loads = 0;
  });

  /** Opens the map; the gateway's snapshots are handed out in order, one per load. */
  function open(...available: SeatSnapshot[]) {
    snapshots.push(...available);
    stop = connectSeatMapFeed({
      socket,
      eventId: 'evt_test',
      dispatch,
      gapTimeoutMs: 1_000,
      loadSnapshot: async () => {
        loads += 1;
        const next = snapshots.shift();
        if (!next) throw new Error('gateway unavailable');
        return next;
      },
    });
  }

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  async function goLive(version: number, overrides: Parameters<typeof venue>[1] = {}) {
    open(venue(version, overrides));
    socket.connect();
    socket.answerSubscribe(version);
    await settle();
  }

  it('joins the event room on connect and loads the snapshot once', async () => {
    await goLive(5);
    expect(socket.emitted).toEqual(['subscribe']);
    expect(loads).toBe(1);
    expect(state.sync).toBe('live');
    expect(state.version).toBe(5);
  });

  it('applies pushed deltas in order', async () => {
    await goLive(5);
    socket.push(delta(5, 6, [['C1', 'reserved', 'bkg_1']]));
    socket.push(
      delta(6, 7, [
        ['C1', 'confirmed', 'bkg_1'],
        ['C2', 'reserved', 'bkg_2'],
      ]),
    );
    expect(state.version).toBe(7);
    expect([stateOf('C1'), stateOf('C2')]).toEqual(['confirmed', 'reserved']);
  });

  it('a delta that arrives early waits for the missing one', async () => {
    await goLive(5);
    socket.push(delta(6, 7, [['C2', 'reserved', 'bkg_2']]));
    expect(stateOf('C2')).toBe('available');
    socket.push(delta(5, 6, [['C1', 'reserved', 'bkg_1']]));
    expect(state.version).toBe(7);
    expect([stateOf('C1'), stateOf('C2')]).toEqual(['reserved', 'reserved']);
    expect(loads).toBe(1);
  });

  it('a gap that does not close within a second reloads the snapshot', async () => {
    await goLive(5);
    socket.push(delta(6, 7, [['C2', 'reserved', 'bkg_2']]));
    snapshots.push(venue(7, { C1: { status: 'reserved', bookingId: 'bkg_1' }, C2: { status: 'reserved', bookingId: 'bkg_2' } }));
    await vi.advanceTimersByTimeAsync(999);
    expect(loads).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loads).toBe(2);
    expect(state.sync).toBe('live');
    expect(state.version).toBe(7);
    expect([stateOf('C1'), stateOf('C2')]).toEqual(['reserved', 'reserved']);
  });

  it('shows "reconnecting" while the socket is down; a reconnect that missed nothing needs no reload', async () => {
    await goLive(5);
    socket.drop();
    expect(state.sync).toBe('reconnecting');
    socket.connect();
    expect(state.sync).toBe('live');
    socket.answerSubscribe(5);
    await settle();
    expect(loads).toBe(1);
  });

  it('a reconnect that missed changes reloads the snapshot', async () => {
    await goLive(5);
    socket.drop();
    snapshots.push(venue(9, { A1: { status: 'paid', bookingId: 'bkg_9' } }));
    socket.connect();
    socket.answerSubscribe(9);
    await settle();
    expect(loads).toBe(2);
    expect(state.version).toBe(9);
    expect(stateOf('A1')).toBe('paid');
  });

  it('loads the snapshot while the socket connects, and again when the room was joined at a newer version', async () => {
    open(venue(5), venue(6, { C1: { status: 'reserved', bookingId: 'bkg_1' } }));
    expect(loads).toBe(1);
    socket.connect();
    socket.answerSubscribe(6);
    await settle();
    expect(loads).toBe(2);
    expect(state.version).toBe(6);
    expect(stateOf('C1')).toBe('reserved');
  });

  it('loads the map even when the socket never connects, and keeps retrying a failing snapshot', async () => {
    open();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(loads).toBe(2);
    expect(state.sync).toBe('loading');
    snapshots.push(venue(3));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loads).toBe(3);
    expect(state.sync).toBe('live');
    expect(state.version).toBe(3);
  });

  it('puts a large layout together a slice at a time, every seat in its place and state; deltas meanwhile wait their turn', async () => {
    const count = LAYOUT_SLICE * 2 + 17;
    const paid = LAYOUT_SLICE + 3;
    const seats = Array.from({ length: count }, (_, i) => seat(`C${i + 1}`, i === paid ? { status: 'paid', bookingId: 'bkg_9' } : {}));
    open(snapshot(3, seats));
    socket.connect();
    socket.answerSubscribe(3);
    await settle();
    expect(state.layout).toBeNull();
    socket.push(delta(3, 4, [[`C${count}`, 'reserved', 'bkg_4']]));
    // A few tasks later (each slice waits for the next one).
    await vi.advanceTimersByTimeAsync(20);
    expect(state.layout!.seats.map((s) => s.id)).toEqual(seats.map((s) => s.id));
    expect(state.layout!.indexById.get(`evt_test_C${paid + 1}`)).toBe(paid);
    expect(state.version).toBe(4);
    expect([stateOf(`C${paid + 1}`), stateOf(`C${count}`), stateOf('C1')]).toEqual(['paid', 'reserved', 'available']);
  });

  it('a reload of the same seats keeps the layout shown, and what this person picked on it', async () => {
    await goLive(5);
    const shown = state.layout;
    dispatch({ type: 'toggle', seatId: 'evt_test_C3' });
    socket.push(delta(6, 7, [['C2', 'reserved', 'bkg_2']]));
    snapshots.push(venue(7, { C2: { status: 'reserved', bookingId: 'bkg_2' } }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loads).toBe(2);
    expect(state.layout).toBe(shown);
    expect(stateOf('C2')).toBe('reserved');
    expect(stateOf('C3')).toBe('selected');
  });
});
