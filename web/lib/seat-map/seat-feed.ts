import {
  bindSeatMap,
  SeatMapSync,
  SocketEvent,
  type Ack,
  type SeatChange,
  type SeatMapSocket,
  type SeatSnapshot,
  type SeatUpdated,
  type StandingArea,
  type StandingCount,
} from '@seatstorm/contracts';
import type { LayoutFacts, SeatLayout } from './layout';
import { toMapSnapshot } from './map-snapshot';
import { columnBuffers, toColumns, type SeatColumns } from './seat-columns';

/**
 * One event's seat feed: SeatMapSync (snapshot, versioned deltas, buffering, resync on a gap or a reconnect) fed
 * from the page's socket, and its snapshots laid out for the map. It runs in a worker (seat-feed.worker.ts), so
 * that reading a stadium's 50,000 seats (9 MB of JSON), checking them against the contract and laying them out
 * never holds up the page; the page forwards what its socket hears and hands on what comes back (live-binding.ts).
 * Where no worker can run, it runs on the page, through the same messages.
 */

/** The answer to `subscribe`: the room's seat version, or an error body. */
export type SubscribeAnswer = Parameters<Ack<{ version: number }>>[0];

export interface FeedStart {
  eventId: string;
  /** GET /events/:eventId/seats on the gateway. */
  seatsUrl: string;
  /** Whether the page's socket is connected now. */
  connected: boolean;
  gapTimeoutMs?: number;
}

/** What the page tells the feed. */
export type PageMessage =
  | ({ kind: 'start' } & FeedStart)
  | { kind: 'connection'; connected: boolean }
  | { kind: 'seat-updated'; delta: SeatUpdated }
  | { kind: 'subscribe-answer'; request: number; answer: SubscribeAnswer }
  | { kind: 'stop' };

/** What the feed tells the page. */
export type FeedMessage =
  /** Join the event's room, and send the answer back under `request`. */
  | { kind: 'subscribe'; request: number }
  | { kind: 'unsubscribe' }
  /**
   * A snapshot: each seat's status (SEAT_STATUSES index) and the seats booked, in layout order, with the layout when
   * its seats are not the same as the last snapshot's (null when they are).
   */
  | {
      kind: 'snapshot';
      version: number;
      layout: { facts: LayoutFacts; seats: SeatColumns } | null;
      statuses: Uint8Array;
      bookings: Array<[index: number, bookingId: string]>;
      /** The standing areas with their places left (docs/architecture.md §15). */
      areas: readonly StandingArea[];
    }
  /** Seat changes, and the places left of each standing area they changed. */
  | { kind: 'changes'; version: number; changes: readonly SeatChange[]; areas?: readonly StandingCount[] }
  /** A map already shown is being loaded again (a gap, a reconnect that missed changes). */
  | { kind: 'resyncing' }
  /** Loading the snapshot failed; it is tried again. */
  | { kind: 'load-failed' };

export interface FeedHost {
  /** Sends a message to the page; `transfer` lists the buffers it may take over instead of copying. */
  post(message: FeedMessage, transfer?: Transferable[]): void;
  loadSnapshot(eventId: string): Promise<SeatSnapshot>;
}

/**
 * Events with more seats than this read their snapshot in a worker. A smaller one costs the page less than starting
 * a worker and loading the contracts into it does.
 */
export const WORKER_MIN_SEATS = 2_000;

/** Without a socket, the map still loads after this long (and shows "reconnecting"). */
const SOCKET_GRACE_MS = 1_500;

/** The page's socket as bindSeatMap sees it, from here: events come in as messages, emits go out as messages. */
class ForwardedSocket implements SeatMapSocket {
  private readonly connectListeners = new Set<() => void>();
  private readonly deltaListeners = new Set<(delta: SeatUpdated) => void>();
  private readonly answers = new Map<number, Ack<{ version: number }>>();
  private requests = 0;

  constructor(
    public connected: boolean,
    private readonly post: FeedHost['post'],
    private readonly onJoined: (version: number) => void,
  ) {}

  on(event: 'connect' | typeof SocketEvent.SeatUpdated, listener: (() => void) | ((delta: SeatUpdated) => void)): void {
    if (event === 'connect') this.connectListeners.add(listener as () => void);
    else this.deltaListeners.add(listener);
  }

  off(event: 'connect' | typeof SocketEvent.SeatUpdated, listener: (() => void) | ((delta: SeatUpdated) => void)): void {
    if (event === 'connect') this.connectListeners.delete(listener as () => void);
    else this.deltaListeners.delete(listener);
  }

  emit(event: typeof SocketEvent.Subscribe | typeof SocketEvent.Unsubscribe, _payload: unknown, ack?: Ack<{ version: number }>): void {
    if (event === SocketEvent.Unsubscribe || !ack) {
      this.post({ kind: 'unsubscribe' });
      return;
    }
    const request = ++this.requests;
    this.answers.set(request, ack);
    this.post({ kind: 'subscribe', request });
  }

  connection(connected: boolean): void {
    this.connected = connected;
    if (connected) for (const listener of [...this.connectListeners]) listener();
  }

  delta(delta: SeatUpdated): void {
    for (const listener of [...this.deltaListeners]) listener(delta);
  }

  answered(request: number, answer: SubscribeAnswer): void {
    const ack = this.answers.get(request);
    this.answers.delete(request);
    if (!ack) return;
    if (!('error' in answer)) this.onJoined(answer.version);
    ack(answer);
  }
}

/**
 * Starts the feed of one event; returns what to do with each later message from the page. The snapshot starts
 * loading at once, while the socket connects and joins the event's room; it is used if it is at least as new as the
 * version the room was joined at, and loaded again otherwise, so no change between the two is missed.
 */
export function startSeatFeed({ eventId, connected, gapTimeoutMs }: FeedStart, { post, loadSnapshot }: FeedHost): (message: PageMessage) => void {
  let early: Promise<SeatSnapshot | null> | null = loadSnapshot(eventId).catch(() => null);
  let joinedAt: number | undefined;
  let layout: SeatLayout | null = null;
  const sync: SeatMapSync = new SeatMapSync({
    eventId,
    gapTimeoutMs,
    loadSnapshot: async (id) => {
      if (sync.version >= 0) post({ kind: 'resyncing' });
      const prefetched = early && (await early);
      early = null;
      if (prefetched && (joinedAt === undefined || prefetched.version >= joinedAt)) return prefetched;
      return loadSnapshot(id);
    },
    onError: () => post({ kind: 'load-failed' }),
  });

  sync.onUpdate((update) => {
    if (update.kind === 'delta') {
      post({ kind: 'changes', version: update.version, changes: update.changes, ...(update.areas ? { areas: update.areas } : {}) });
      return;
    }
    const snapshot = toMapSnapshot({ eventId, version: update.version, seats: [...sync.seats.values()], areas: [...sync.areas] }, layout);
    const fresh = snapshot.layout !== layout;
    layout = snapshot.layout;
    const bookings: Array<[number, string]> = [];
    snapshot.bookingIds.forEach((bookingId, index) => bookingId !== null && bookings.push([index, bookingId]));
    const sent = fresh ? { facts: withoutSeats(layout), seats: toColumns(layout.seats, eventId) } : null;
    const transfer = [snapshot.statuses.buffer as ArrayBuffer, ...(sent ? columnBuffers(sent.seats) : [])];
    post({ kind: 'snapshot', version: snapshot.version, layout: sent, statuses: snapshot.statuses, bookings, areas: snapshot.areas }, transfer);
  });

  const socket = new ForwardedSocket(connected, post, (version) => (joinedAt = version));
  const unbind = bindSeatMap(socket, sync);
  // The socket's subscribe answer starts the map; if the socket cannot connect, load the snapshot anyway.
  const fallback = setTimeout(() => {
    if (sync.status === 'idle') void sync.start();
  }, SOCKET_GRACE_MS);

  return (message) => {
    switch (message.kind) {
      case 'connection':
        return socket.connection(message.connected);
      case 'seat-updated':
        return socket.delta(message.delta);
      case 'subscribe-answer':
        return socket.answered(message.request, message.answer);
      case 'stop':
        clearTimeout(fallback);
        return unbind();
      case 'start':
        return;
    }
  };
}

function withoutSeats({ seats: _seats, indexById: _indexById, ...facts }: SeatLayout): LayoutFacts {
  return facts;
}
