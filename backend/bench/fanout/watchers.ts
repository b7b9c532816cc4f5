/**
 * One process of watchers for the fan-out measurement (forked by fan-out.ts, run
 * with tsx): opens its share of sockets, subscribes each to the event, and
 * notes when every seat.updated arrives and which bookings it carries. The
 * latencies are computed at the end, once the parent knows when each booking
 * was decided.
 */
import { performance } from 'node:perf_hooks';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '@seatstorm/contracts';
import { io, type Socket } from 'socket.io-client';
import { Latency } from '../load/histogram';

export type WatcherCommand =
  | { type: 'start'; urls: string[]; eventId: string; sockets: number; offset: number }
  | { type: 'status' }
  /** Per reserved booking: when the booking core decided it, and when its seat.updated was written to Kafka. */
  | { type: 'finish'; bookings: Array<[bookingId: string, decidedAt: number, publishedAt: number]> };

export type WatcherReport =
  | { type: 'ready'; connected: number; failed: number }
  | { type: 'status'; lastReceivedAt: number; messages: number }
  | {
      type: 'result';
      /** Decision → socket, and Kafka → socket, one sample per (socket, booking). */
      fromDecision: string;
      fromKafka: string;
      /** (socket, booking) pairs: a decided booking that a socket never heard of. */
      missing: number;
      messages: number;
      firstReceivedAt: number;
      lastReceivedAt: number;
      disconnects: number;
    };

type WatcherSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CONNECT_CONCURRENCY = 100;
const now = () => performance.timeOrigin + performance.now();
const send = (report: WatcherReport) => process.send?.(report);

const sockets: WatcherSocket[] = [];
/** Per booking, when each socket received it. */
const receptions = new Map<string, number[]>();
let messages = 0;
let firstReceivedAt = Number.NaN;
let lastReceivedAt = Number.NaN;
let disconnects = 0;

function connect(url: string, eventId: string): Promise<boolean> {
  const socket: WatcherSocket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  socket.on(SocketEvent.SeatUpdated, (delta) => {
    const at = now();
    messages += 1;
    if (Number.isNaN(firstReceivedAt)) firstReceivedAt = at;
    lastReceivedAt = at;
    for (const change of delta.changes) {
      if (change.bookingId === null) continue;
      const times = receptions.get(change.bookingId);
      if (times) times.push(at);
      else receptions.set(change.bookingId, [at]);
    }
  });
  socket.on('disconnect', () => (disconnects += 1));
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect_error', () => resolve(false));
    socket.once('connect', () => {
      socket.emit('subscribe', { eventId }, (reply) => resolve('version' in reply));
    });
  });
}

async function start({ urls, eventId, sockets: count, offset }: Extract<WatcherCommand, { type: 'start' }>): Promise<void> {
  let connected = 0;
  for (let first = 0; first < count; first += CONNECT_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - first) }, (_, i) => connect(urls[(offset + first + i) % urls.length]!, eventId));
    connected += (await Promise.all(batch)).filter(Boolean).length;
  }
  send({ type: 'ready', connected, failed: count - connected });
}

function finish(bookings: Array<[string, number, number]>): void {
  const fromDecision = new Latency();
  const fromKafka = new Latency();
  let missing = 0;
  for (const [bookingId, decidedAt, publishedAt] of bookings) {
    const times = receptions.get(bookingId) ?? [];
    for (const at of times) {
      fromDecision.record(at - decidedAt);
      fromKafka.record(at - publishedAt);
    }
    missing += Math.max(0, sockets.length - times.length);
  }
  send({ type: 'result', fromDecision: fromDecision.encode(), fromKafka: fromKafka.encode(), missing, messages, firstReceivedAt, lastReceivedAt, disconnects });
  for (const socket of sockets) socket.close();
}

process.on('message', (command: WatcherCommand) => {
  if (command.type === 'start') void start(command);
  else if (command.type === 'status') send({ type: 'status', lastReceivedAt, messages });
  else finish(command.bookings);
});

// The parent is gone (finished, or killed): so is this process.
process.on('disconnect', () => process.exit(0));
