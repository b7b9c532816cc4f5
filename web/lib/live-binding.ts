import { bindSeatMap, SeatMapSync, SocketEvent, type Ack, type SeatMapSocket, type SeatSnapshot, type SubscribePayload } from '@seatstorm/contracts';
import type { SeatMapAction } from './seat-map/seat-map-state';

/** What the binding needs of a socket beyond the seat map's own events: connection changes. */
export interface LiveSocket extends SeatMapSocket {
  on(event: 'connect' | 'disconnect' | 'connect_error', listener: () => void): unknown;
  on(event: typeof SocketEvent.SeatUpdated, listener: Parameters<SeatMapSocket['on']>[1]): unknown;
  off(event: 'connect' | 'disconnect' | 'connect_error', listener: () => void): unknown;
  off(event: typeof SocketEvent.SeatUpdated, listener: Parameters<SeatMapSocket['on']>[1]): unknown;
}

const SOCKET_GRACE_MS = 1_500;

export interface SeatMapFeedOptions {
  socket: LiveSocket;
  eventId: string;
  loadSnapshot(eventId: string): Promise<SeatSnapshot>;
  dispatch(action: SeatMapAction): void;
  gapTimeoutMs?: number;
}

/** The socket as SeatMapSync's binding sees it, reporting the seat version each `subscribe` answer carries. */
function reportingSubscribeVersions(socket: LiveSocket, onVersion: (version: number) => void): SeatMapSocket {
  const emit = ((event: string, payload: SubscribePayload, ack?: Ack<{ version: number }>) => {
    if (event !== SocketEvent.Subscribe || !ack) return socket.emit(SocketEvent.Unsubscribe, payload);
    return socket.emit(SocketEvent.Subscribe, payload, (reply) => {
      if (!('error' in reply)) onVersion(reply.version);
      ack(reply);
    });
  }) as SeatMapSocket['emit'];
  return {
    get connected() {
      return socket.connected;
    },
    on: socket.on.bind(socket),
    off: socket.off.bind(socket),
    emit,
  };
}

/**
 * Feeds the seat map reducer from the socket through SeatMapSync (snapshot,
 * versioned deltas, buffering, resync on a gap or a reconnect).
 *
 * The snapshot (megabytes for a stadium) starts loading at once, while the
 * socket connects and joins the event's room; it is used if it is at least as
 * new as the version the room was joined at, and loaded again otherwise, so
 * no change between the two is missed. Without a socket the map still loads
 * after a short grace (and shows "reconnecting"). Returns the way to stop.
 */
export function connectSeatMapFeed({ socket, eventId, loadSnapshot, dispatch, gapTimeoutMs }: SeatMapFeedOptions): () => void {
  let early: Promise<SeatSnapshot | null> | null = loadSnapshot(eventId).catch(() => null);
  let joinedAt: number | undefined;
  const sync: SeatMapSync = new SeatMapSync({
    eventId,
    gapTimeoutMs,
    loadSnapshot: async (id) => {
      // A reload of a map already shown: grey it until the fresh snapshot is in.
      if (sync.version >= 0) dispatch({ type: 'resyncing' });
      const prefetched = early && (await early);
      early = null;
      if (prefetched && (joinedAt === undefined || prefetched.version >= joinedAt)) return prefetched;
      return loadSnapshot(id);
    },
    onError: () => dispatch({ type: 'disconnected' }),
  });

  sync.onUpdate((update) => {
    if (update.kind === 'snapshot') {
      dispatch({ type: 'snapshot', snapshot: { eventId, version: update.version, seats: [...sync.seats.values()], areas: [...sync.areas] } });
    } else {
      dispatch({ type: 'changes', version: update.version, changes: update.changes, ...(update.areas ? { areas: update.areas } : {}) });
    }
  });

  const onConnect = () => dispatch({ type: 'connected' });
  const onDisconnect = () => dispatch({ type: 'disconnected' });
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onDisconnect);
  const unbind = bindSeatMap(
    reportingSubscribeVersions(socket, (version) => (joinedAt = version)),
    sync,
  );
  // The socket's subscribe answer starts the map; if the socket cannot connect, load the snapshot anyway.
  const fallback = setTimeout(() => {
    if (sync.status === 'idle') void sync.start();
  }, SOCKET_GRACE_MS);

  return () => {
    clearTimeout(fallback);
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onDisconnect);
    unbind();
  };
}
