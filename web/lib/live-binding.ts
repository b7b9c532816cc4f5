import { SocketEvent, type SeatMapSocket, type SeatSnapshot } from '@seatstorm/contracts';
import { getSeats, seatsPath } from './api';
import { publicGatewayUrl } from './config';
import type { LayoutFacts, LayoutSeat, SeatLayout } from './seat-map/layout';
import { seatsFrom, type SeatColumns } from './seat-map/seat-columns';
import { startSeatFeed, type FeedMessage, type FeedStart, type PageMessage } from './seat-map/seat-feed';
import type { SeatMapAction } from './seat-map/seat-map-state';

/** What the binding needs of a socket beyond the seat map's own events: connection changes. */
export interface LiveSocket extends SeatMapSocket {
  on(event: 'connect' | 'disconnect' | 'connect_error', listener: () => void): unknown;
  on(event: typeof SocketEvent.SeatUpdated, listener: Parameters<SeatMapSocket['on']>[1]): unknown;
  off(event: 'connect' | 'disconnect' | 'connect_error', listener: () => void): unknown;
  off(event: typeof SocketEvent.SeatUpdated, listener: Parameters<SeatMapSocket['on']>[1]): unknown;
}

export interface SeatMapFeedOptions {
  socket: LiveSocket;
  eventId: string;
  dispatch(action: SeatMapAction): void;
  gapTimeoutMs?: number;
  /** Runs the feed in a worker (a large venue: see WORKER_MIN_SEATS), or here where no worker can run. */
  inWorker?: boolean;
  /** How this thread loads the snapshot: GET /events/:id/seats (getSeats) unless a test plays the gateway. */
  loadSnapshot?(eventId: string): Promise<SeatSnapshot>;
}

/** Where the feed runs: messages to it, and the way to end it. */
interface FeedChannel {
  send(message: PageMessage): void;
  close(): void;
}

function feedHere(start: FeedStart, loadSnapshot: (eventId: string) => Promise<SeatSnapshot>, receive: (message: FeedMessage) => void): FeedChannel {
  let open = true;
  const feed = startSeatFeed(start, { post: (message) => open && receive(message), loadSnapshot });
  return {
    send: (message) => open && feed(message),
    close() {
      open = false;
      feed({ kind: 'stop' });
    },
  };
}

/**
 * The feed in a worker. Where the worker cannot start (an old browser, a policy that forbids it) or fails, the feed
 * starts again here (`restarted` first, so what the worker sent of a layout is dropped).
 */
function feedInWorker(
  start: FeedStart,
  loadSnapshot: (eventId: string) => Promise<SeatSnapshot>,
  receive: (message: FeedMessage) => void,
  restarted: () => void,
): FeedChannel {
  let connected = start.connected;
  const here = () => feedHere({ ...start, connected }, loadSnapshot, receive);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./seat-map/seat-feed.worker.ts', import.meta.url), { type: 'module', name: 'seat-feed' });
  } catch {
    return here();
  }
  let channel: FeedChannel = {
    send: (message) => worker.postMessage(message),
    close: () => worker.terminate(),
  };
  worker.onmessage = ({ data }: MessageEvent<FeedMessage>) => receive(data);
  worker.onerror = () => {
    worker.onmessage = null;
    worker.terminate();
    restarted();
    channel = here();
  };
  worker.postMessage({ kind: 'start', ...start } satisfies PageMessage);
  return {
    send(message) {
      if (message.kind === 'connection') connected = message.connected;
      channel.send(message);
    },
    close: () => channel.close(),
  };
}

/**
 * Seat objects made per task while a new layout is put together: a few milliseconds each, even on a phone, and
 * the collections of what they allocate fall in short tasks too.
 */
export const LAYOUT_SLICE = 500;

interface YieldingScheduler {
  yield(): Promise<void>;
}

/** Lets the browser do what waits (input, painting) before going on: `scheduler.yield` where there is one. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The layout the feed sent, with its seats made again from their columns, a slice per task. */
async function assembleLayout({ facts, seats: columns }: { facts: LayoutFacts; seats: SeatColumns }): Promise<SeatLayout> {
  const seats: LayoutSeat[] = [];
  const indexById = new Map<string, number>();
  for (let from = 0; from < columns.count; from += LAYOUT_SLICE) {
    if (from > 0) await nextTask();
    seatsFrom(columns, from, from + LAYOUT_SLICE, seats);
    for (let index = from; index < seats.length; index += 1) indexById.set(seats[index]!.id, index);
  }
  return { ...facts, seats, indexById };
}

/**
 * Feeds the seat map reducer from the socket through the seat feed (seat-map/seat-feed.ts: SeatMapSync, and each
 * snapshot checked and laid out), for a large venue in a worker. This side forwards what the socket hears, emits
 * what the feed asks for, and makes a new layout's seats from their columns a slice per task, so that no task on
 * the page handles 50,000 seats at once; what the feed says meanwhile waits its turn. Returns the way to stop.
 */
export function connectSeatMapFeed({ socket, eventId, dispatch, gapTimeoutMs, inWorker = false, loadSnapshot = getSeats }: SeatMapFeedOptions): () => void {
  let layout: SeatLayout | null = null;
  let stopped = false;
  const waiting: FeedMessage[] = [];
  let assembling = false;

  const dispatchSnapshot = (message: Extract<FeedMessage, { kind: 'snapshot' }>, shown: SeatLayout) => {
    const bookingIds = new Array<string | null>(message.statuses.length).fill(null);
    for (const [index, bookingId] of message.bookings) bookingIds[index] = bookingId;
    dispatch({ type: 'loaded', snapshot: { eventId, version: message.version, layout: shown, statuses: message.statuses, bookingIds, areas: message.areas } });
  };

  const handle = (message: FeedMessage) => {
    switch (message.kind) {
      case 'subscribe':
        socket.emit(SocketEvent.Subscribe, { eventId }, (answer) => feed.send({ kind: 'subscribe-answer', request: message.request, answer }));
        return;
      case 'unsubscribe':
        if (socket.connected) socket.emit(SocketEvent.Unsubscribe, { eventId });
        return;
      case 'snapshot':
        if (message.layout) {
          assembling = true;
          void assembleLayout(message.layout).then((assembled) => {
            assembling = false;
            if (stopped) return;
            layout = assembled;
            dispatchSnapshot(message, assembled);
            drain();
          });
        } else if (layout) dispatchSnapshot(message, layout);
        return;
      case 'changes':
        dispatch({ type: 'changes', version: message.version, changes: message.changes, ...(message.areas ? { areas: message.areas } : {}) });
        return;
      case 'resyncing':
        dispatch({ type: 'resyncing' });
        return;
      case 'load-failed':
        dispatch({ type: 'disconnected' });
        return;
    }
  };

  function drain() {
    while (waiting.length && !assembling && !stopped) handle(waiting.shift()!);
  }

  const receive = (message: FeedMessage) => {
    waiting.push(message);
    drain();
  };

  const start: FeedStart = { eventId, seatsUrl: `${publicGatewayUrl()}${seatsPath(eventId)}`, connected: socket.connected, gapTimeoutMs };
  const feed = inWorker ? feedInWorker(start, loadSnapshot, receive, () => (waiting.length = 0)) : feedHere(start, loadSnapshot, receive);

  const onConnect = () => {
    dispatch({ type: 'connected' });
    feed.send({ kind: 'connection', connected: true });
  };
  const onDisconnect = () => {
    dispatch({ type: 'disconnected' });
    feed.send({ kind: 'connection', connected: false });
  };
  const onConnectError = () => dispatch({ type: 'disconnected' });
  const onDelta: Parameters<SeatMapSocket['on']>[1] = (delta) => feed.send({ kind: 'seat-updated', delta });
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  socket.on(SocketEvent.SeatUpdated, onDelta);

  return () => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onConnectError);
    socket.off(SocketEvent.SeatUpdated, onDelta);
    // The feed would leave the room itself, but a worker is ended at once: leave it from here.
    if (socket.connected) socket.emit(SocketEvent.Unsubscribe, { eventId });
    stopped = true;
    feed.close();
  };
}
