import type { ClientToServerEvents, PublicUser, ServerToClientEvents } from '@seatstorm/contracts';
import type { DefaultEventsMap, Server, Socket } from 'socket.io';

/** What the gateway knows of a socket: its user, when the handshake carried a valid token. */
export interface SocketData {
  user?: PublicUser;
  /** When the user's token runs out (ms since the epoch): the socket is closed then, as a REST call would be refused. */
  sessionEndsAt?: number;
}

/** The socket.io server and sockets, typed with the contract's event maps. */
export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
