'use client';

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@seatstorm/contracts';
import { gatewayUrl } from './config';

export type GatewaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Entry {
  socket: GatewaySocket;
  users: number;
  closeTimer?: ReturnType<typeof setTimeout>;
}

/** One socket per signed-in person (or one anonymous watcher) per tab, shared by every component that needs it. */
const sockets = new Map<string, Entry>();

/** A socket that outlives a quick unmount and remount (navigation, React's strict mode) instead of reconnecting. */
const CLOSE_DELAY_MS = 1_000;

export interface SocketLease {
  socket: GatewaySocket;
  release(): void;
}

/**
 * Borrows the gateway socket for `token` (null: watch anonymously). The
 * handshake carries the token, so personal events (`booking.updated`,
 * `notification`) reach this tab; the last borrower to leave closes it.
 */
export function acquireSocket(token: string | null): SocketLease {
  const key = token ?? '';
  let entry = sockets.get(key);
  if (!entry) {
    const socket: GatewaySocket = io(gatewayUrl(), {
      auth: token ? { token } : {},
      // Straight to WebSocket: no long-polling round trips before the first seat update.
      transports: ['websocket'],
      reconnectionDelayMax: 5_000,
    });
    entry = { socket, users: 0 };
    sockets.set(key, entry);
  }
  const lease = entry;
  clearTimeout(lease.closeTimer);
  lease.users += 1;
  let released = false;
  return {
    socket: lease.socket,
    release() {
      if (released) return;
      released = true;
      lease.users -= 1;
      if (lease.users > 0) return;
      lease.closeTimer = setTimeout(() => {
        if (lease.users > 0) return;
        lease.socket.disconnect();
        sockets.delete(key);
      }, CLOSE_DELAY_MS);
    },
  };
}
