'use client';

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@seatstorm/contracts';
import { gatewayUrl } from './config';
import { msUntilExpiry } from './jwt';

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

/**
 * Whether a socket that just closed should connect again. socket.io reconnects
 * by itself after a network failure, never after the server closed it: the
 * gateway does that when the token runs out (the session provider then hands
 * out a new token or none), and a socket whose token is still good (or that
 * has none) was closed for another reason and would otherwise stay dead.
 */
export function reconnectsAfter(reason: Socket.DisconnectReason, token: string | null, nowMs = Date.now()): boolean {
  return reason === 'io server disconnect' && (token === null || msUntilExpiry(token, nowMs) > 0);
}

function openEntry(token: string | null): Entry {
  const socket: GatewaySocket = io(gatewayUrl(), {
    auth: token ? { token } : {},
    // Straight to WebSocket: no long-polling round trips before the first seat update.
    transports: ['websocket'],
    reconnectionDelayMax: 5_000,
    // Connected by acquireSocket, a task later.
    autoConnect: false,
  });
  const entry: Entry = { socket, users: 0 };
  socket.on('disconnect', (reason) => {
    if (entry.users > 0 && reconnectsAfter(reason, token)) socket.connect();
  });
  return entry;
}

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
    const opened = openEntry(token);
    sockets.set(key, opened);
    // Opening the connection costs the page several milliseconds; most sockets are borrowed while a page hydrates,
    // whose one task that would lengthen. Unless the socket was closed meanwhile.
    setTimeout(() => {
      if (sockets.get(key) === opened) opened.socket.connect();
    }, 0);
    entry = opened;
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
