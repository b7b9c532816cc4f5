import type { AppConfig } from '@seatstorm/config';
import {
  bindSeatMap,
  SeatMapSync,
  seatSnapshotSchema,
  type ClientToServerEvents,
  type SeatMapSyncOptions,
  type ServerToClientEvents,
} from '@seatstorm/contracts';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { startGateway } from '../apps/gateway/src/main';
import { getJson } from './stack';

/** A browser's socket, typed with the contract's event maps. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Another gateway instance beside a stack's own, with the same configuration
 * (so the same consumer groups and Redis channels) on a port of its own.
 */
export async function startAnotherGateway(config: AppConfig): Promise<{ url: string; close(): Promise<void> }> {
  const gateway = await startGateway(config);
  return { url: (await gateway.getUrl()).replace('[::1]', '127.0.0.1'), close: () => gateway.close() };
}

/**
 * Opens a socket to a gateway (signed in with `token`, or anonymous) and resolves once connected;
 * from a chosen loopback address (`from`) and with handshake `headers` such as X-Forwarded-For.
 */
export function connectSocket(
  url: string,
  options: { token?: string; reconnection?: boolean; from?: string; headers?: Record<string, string> } = {},
): Promise<TestSocket> {
  // engine.io-client hands localAddress to the WebSocket it opens, though its types leave it out.
  const socketOptions: Partial<ManagerOptions & SocketOptions> & { localAddress?: string } = {
    auth: options.token ? { token: options.token } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    ...(options.from ? { localAddress: options.from } : {}),
    ...(options.headers ? { extraHeaders: options.headers } : {}),
  };
  const socket: TestSocket = io(url, socketOptions);
  return new Promise((resolve, reject) => {
    // Only the first connect decides: a socket that reconnects must not be closed by a later failed attempt.
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve(socket);
    };
    const onError = (error: Error) => {
      socket.off('connect', onConnect);
      socket.close();
      reject(error);
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
  });
}

/** Everything one socket receives of one event, in order. */
export function received<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E): Array<Parameters<ServerToClientEvents[E]>[0]> {
  const messages: Array<Parameters<ServerToClientEvents[E]>[0]> = [];
  // socket.io-client's listener type for a user event is the event map's own signature.
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => messages.push(payload)) as never);
  return messages;
}

/** The snapshot as a browser loads it: GET /events/:eventId/seats. */
export function snapshotLoader(url: string) {
  return async (eventId: string) => {
    const { status, body } = await getJson(`${url}/events/${eventId}/seats`);
    if (status !== 200) throw new Error(`GET /events/${eventId}/seats answered ${status}`);
    return seatSnapshotSchema.parse(body);
  };
}

/** A seat map kept live over `socket`, as the web app keeps one. */
export function watchSeatMap(url: string, socket: TestSocket, eventId: string, options: Partial<SeatMapSyncOptions> = {}): SeatMapSync {
  const sync = new SeatMapSync({ eventId, loadSnapshot: snapshotLoader(url), ...options });
  bindSeatMap(socket, sync);
  return sync;
}

/** A seat map reduced to what a person sees: each seat's status and booking, by seat id. */
export function statusesOf(seats: Iterable<{ id: string; status: string; bookingId: string | null }>): Record<string, string> {
  return Object.fromEntries([...seats].map((seat) => [seat.id, `${seat.status}${seat.bookingId ? `:${seat.bookingId}` : ''}`]));
}
