import { bindSeatMap, SeatMapSync, SocketEvent, type SeatMapSocket, type SeatSnapshot } from '@seatstorm/contracts';
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

/**
 * Feeds the seat map reducer from the socket through SeatMapSync (snapshot,
 * versioned deltas, buffering, resync on a gap or a reconnect). The map
 * loads once the socket has joined the event's room, or after a short grace
 * without a socket, so it shows even when the socket cannot connect (it is
 * then "reconnecting"). Returns the way to stop.
 */
export function connectSeatMapFeed({ socket, eventId, loadSnapshot, dispatch, gapTimeoutMs }: SeatMapFeedOptions): () => void {
  const sync: SeatMapSync = new SeatMapSync({
    eventId,
    gapTimeoutMs,
    loadSnapshot: (id) => {
      // A reload of a map already shown: grey it until the fresh snapshot is in.
      if (sync.version >= 0) dispatch({ type: 'resyncing' });
      return loadSnapshot(id);
    },
    onError: () => dispatch({ type: 'disconnected' }),
  });

  sync.onUpdate((update) => {
    if (update.kind === 'snapshot') {
      dispatch({ type: 'snapshot', snapshot: { eventId, version: update.version, seats: [...sync.seats.values()] } });
    } else {
      dispatch({ type: 'changes', version: update.version, changes: update.changes });
    }
  });

  const onConnect = () => dispatch({ type: 'connected' });
  const onDisconnect = () => dispatch({ type: 'disconnected' });
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onDisconnect);
  const unbind = bindSeatMap(socket, sync);
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
