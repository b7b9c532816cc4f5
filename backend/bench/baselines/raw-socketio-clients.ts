/**
 * One process of the bare socket.io baseline's clients (forked by
 * raw-socketio.ts, run under tsx): opens its share of sockets, over
 * WebSocket only as browsers do, and notes for every delta how long it took
 * from the server's send to its arrival here.
 */
import { performance } from 'node:perf_hooks';
import { SocketEvent } from '@seatstorm/contracts';
import { io, type Socket } from 'socket.io-client';
import { Latency } from '../load/histogram';
import type { DeltaEvents } from './raw-socketio-server';

export type ClientsCommand = { type: 'connect'; url: string; sockets: number } | { type: 'status' } | { type: 'finish' };
export type ClientsReport =
  { type: 'connected'; connected: number } | { type: 'status'; received: number } | { type: 'finished'; lastReceivedAt: number; latency: string };

/** Handshakes in flight at once: all of them at once would time out on two cores. */
const CONNECT_CONCURRENCY = 100;

const now = () => performance.timeOrigin + performance.now();
const send = (report: ClientsReport) => process.send?.(report);

const sockets: Array<Socket<DeltaEvents>> = [];
const latency = new Latency();
/** 0 until a delta arrives (NaN would cross IPC as null). */
let lastReceivedAt = 0;

function connect(url: string): Promise<boolean> {
  const socket: Socket<DeltaEvents> = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  socket.on(SocketEvent.SeatUpdated, (delta) => {
    lastReceivedAt = now();
    latency.record(lastReceivedAt - delta.sentAt);
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
}

async function connectAll(url: string, count: number): Promise<void> {
  let connected = 0;
  for (let first = 0; first < count; first += CONNECT_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - first) }, () => connect(url));
    connected += (await Promise.all(batch)).filter(Boolean).length;
  }
  send({ type: 'connected', connected });
}

process.on('message', (command: ClientsCommand) => {
  if (command.type === 'connect') void connectAll(command.url, command.sockets);
  else if (command.type === 'status') send({ type: 'status', received: latency.count });
  else {
    send({ type: 'finished', lastReceivedAt, latency: latency.encode() });
    for (const socket of sockets) socket.close();
  }
});
process.on('disconnect', () => process.exit(0));
