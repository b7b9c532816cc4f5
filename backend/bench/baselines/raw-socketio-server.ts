/**
 * The bare socket.io baseline's server (forked by raw-socketio.ts, run under
 * tsx): a plain socket.io server, no Nest and no Redis adapter, that puts
 * every socket in one room and, when told, emits a seat delta to the room at
 * a steady rate. A process of its own, so its CPU time is told apart from
 * the clients'.
 */
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { SocketEvent, type SeatUpdated } from '@seatstorm/contracts';
import { Server, type DefaultEventsMap } from 'socket.io';

/** A seat delta as the gateway sends it, plus the server's send time (ms since the epoch, sub-millisecond). */
export type StampedDelta = SeatUpdated & { sentAt: number };

export interface DeltaEvents {
  [SocketEvent.SeatUpdated]: (delta: StampedDelta) => void;
}

export type ServerCommand = { type: 'start' } | { type: 'broadcast'; messagesPerSecond: number; seconds: number };
export type ServerReport = { type: 'listening'; port: number } | { type: 'broadcasted'; sent: number; firstSentAt: number };

const ROOM = 'evt_raw';
/** About what one tick of the gateway's coalescer carries for a busy event. */
const CHANGES = 5;

const now = () => performance.timeOrigin + performance.now();
const send = (report: ServerReport) => process.send?.(report);

const httpServer = createServer();
const io = new Server<DefaultEventsMap, DeltaEvents>(httpServer);
io.on('connection', (socket) => void socket.join(ROOM));

function delta(n: number): StampedDelta {
  // Each message reserves five seats or lets the previous five go, as holds and expiries do.
  const reserved = n % 2 === 0;
  const first = Math.floor(n / 2) * CHANGES;
  return {
    eventId: ROOM,
    baseVersion: n,
    version: n + 1,
    changes: Array.from({ length: CHANGES }, (_, i) => ({
      seatId: `${ROOM}_A${(first + i) % 1000}`,
      status: reserved ? 'reserved' : 'available',
      bookingId: reserved ? `bkg_raw_${n}` : null,
    })),
    sentAt: now(),
  };
}

/** Message n is due at start + n / rate; one that is late (a starved timer) goes out at once. */
async function broadcast({ messagesPerSecond, seconds }: Extract<ServerCommand, { type: 'broadcast' }>): Promise<void> {
  const total = messagesPerSecond * seconds;
  const started = performance.now();
  const firstSentAt = now();
  for (let sent = 0; sent < total; sent += 1) {
    const wait = started + (sent * 1000) / messagesPerSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    io.to(ROOM).emit(SocketEvent.SeatUpdated, delta(sent));
  }
  send({ type: 'broadcasted', sent: total, firstSentAt });
}

function listen(): void {
  httpServer.listen(0, '127.0.0.1', () => {
    const address = httpServer.address();
    send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  });
}

process.on('message', (command: ServerCommand) => {
  if (command.type === 'start') listen();
  else void broadcast(command);
});
process.on('disconnect', () => process.exit(0));
