import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeatSnapshot } from '../catalog';
import type { ErrorBody } from '../errors';
import type { SeatUpdated } from '../messages/seat-updated.message';
import type { Ack, SubscribePayload } from '../socket-events';
import { bindSeatMap, type SeatMapSocket } from './seat-map-socket';
import { SeatMapSync } from './seat-map-sync';

const EVENT = 'evt_test';

/** A socket double: records what is emitted, lets the test connect, drop and push deltas. */
class FakeSocket implements SeatMapSocket {
  connected = false;
  readonly subscribes: Array<{ payload: SubscribePayload; ack: Ack<{ version: number }> }> = [];
  readonly unsubscribes: SubscribePayload[] = [];
  private readonly connectListeners = new Set<() => void>();
  private readonly deltaListeners = new Set<(delta: SeatUpdated) => void>();

  on(event: 'connect' | 'seat.updated', listener: (() => void) | ((delta: SeatUpdated) => void)): this {
    if (event === 'connect') this.connectListeners.add(listener as () => void);
    else this.deltaListeners.add(listener as (delta: SeatUpdated) => void);
    return this;
  }

  off(event: 'connect' | 'seat.updated', listener: (() => void) | ((delta: SeatUpdated) => void)): this {
    if (event === 'connect') this.connectListeners.delete(listener as () => void);
    else this.deltaListeners.delete(listener as (delta: SeatUpdated) => void);
    return this;
  }

  emit(event: 'subscribe' | 'unsubscribe', payload: SubscribePayload, ack?: Ack<{ version: number }>): this {
    if (event === 'subscribe' && ack) this.subscribes.push({ payload, ack });
    else this.unsubscribes.push(payload);
    return this;
  }

  connect(): void {
    this.connected = true;
    for (const listener of [...this.connectListeners]) listener();
  }

  push(delta: SeatUpdated): void {
    for (const listener of [...this.deltaListeners]) listener(delta);
  }

  get listenerCount(): number {
    return this.connectListeners.size + this.deltaListeners.size;
  }
}

const seatId = `${EVENT}_A1`;
const snapshotAt = (version: number, status: 'available' | 'reserved' = 'available'): SeatSnapshot => ({
  eventId: EVENT,
  version,
  areas: [],
  seats: [
    {
      id: seatId,
      label: 'A1',
      section: 'Floor',
      row: 'A',
      number: 1,
      tier: 'VIP',
      price: 100,
      x: 0,
      y: 0,
      status,
      bookingId: status === 'reserved' ? 'bkg_1' : null,
    },
  ],
});
const notFound: ErrorBody = { statusCode: 404, error: 'NOT_FOUND', message: 'Event evt_test was not found' };

describe('bindSeatMap', () => {
  let socket: FakeSocket;
  let snapshot: SeatSnapshot;
  let loadSnapshot: ReturnType<typeof vi.fn<(eventId: string) => Promise<SeatSnapshot>>>;
  let sync: SeatMapSync;

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    snapshot = snapshotAt(0);
    loadSnapshot = vi.fn(async () => snapshot);
    sync = new SeatMapSync({ eventId: EVENT, loadSnapshot });
  });

  afterEach(() => vi.useRealTimers());

  it('subscribes once connected, then loads the snapshot, and applies pushed deltas', async () => {
    bindSeatMap(socket, sync);
    expect(socket.subscribes).toEqual([]);
    socket.connect();
    expect(socket.subscribes.map((s) => s.payload)).toEqual([{ eventId: EVENT }]);
    expect(loadSnapshot).not.toHaveBeenCalled(); // not before the room is joined
    socket.subscribes[0]!.ack({ version: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.status).toBe('live');

    socket.push({ eventId: EVENT, baseVersion: 0, version: 1, changes: [{ seatId, status: 'reserved', bookingId: 'bkg_1' }] });
    expect(sync.seats.get(seatId)?.status).toBe('reserved');
  });

  it('subscribes at once on a socket that is already connected', () => {
    socket.connected = true;
    bindSeatMap(socket, sync);
    expect(socket.subscribes).toHaveLength(1);
  });

  it('joins the room again on every reconnect, and reloads only when changes were missed', async () => {
    bindSeatMap(socket, sync);
    socket.connect();
    socket.subscribes[0]!.ack({ version: 0 });
    await vi.advanceTimersByTimeAsync(0);

    socket.connect(); // back, nothing happened meanwhile
    socket.subscribes[1]!.ack({ version: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(loadSnapshot).toHaveBeenCalledTimes(1);

    snapshot = snapshotAt(4, 'reserved');
    socket.connect(); // back after four changes went by
    socket.subscribes[2]!.ack({ version: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(loadSnapshot).toHaveBeenCalledTimes(2);
    expect(sync.version).toBe(4);
    expect(sync.seats.get(seatId)?.status).toBe('reserved');
  });

  it('asks again later when the gateway refuses the subscription, while connected', async () => {
    const errors: unknown[] = [];
    bindSeatMap(socket, sync, { resubscribeDelayMs: 500, onError: (e) => errors.push(e) });
    socket.connect();
    socket.subscribes[0]!.ack(notFound);
    expect(errors).toEqual([notFound]);
    await vi.advanceTimersByTimeAsync(499);
    expect(socket.subscribes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.subscribes).toHaveLength(2);

    socket.subscribes[1]!.ack(notFound);
    socket.connected = false;
    await vi.advanceTimersByTimeAsync(500);
    expect(socket.subscribes).toHaveLength(2);
  });

  it('unbinds: leaves the room, stops listening and stops the map', async () => {
    const unbind = bindSeatMap(socket, sync);
    socket.connect();
    socket.subscribes[0]!.ack({ version: 0 });
    await vi.advanceTimersByTimeAsync(0);

    unbind();

    expect(socket.unsubscribes).toEqual([{ eventId: EVENT }]);
    expect(socket.listenerCount).toBe(0);
    expect(sync.status).toBe('stopped');
  });
});
