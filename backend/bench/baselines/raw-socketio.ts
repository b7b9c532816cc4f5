import { resolve } from 'node:path';
import { cpuMsOf } from '../cpu';
import { BenchChild } from '../load/child';
import { Latency } from '../load/histogram';
import { log } from '../report';
import type { Baselines } from '../results';
import type { ClientsCommand, ClientsReport } from './raw-socketio-clients';
import type { ServerCommand, ServerReport } from './raw-socketio-server';

const SERVER = resolve(__dirname, 'raw-socketio-server.ts');
const CLIENTS = resolve(__dirname, 'raw-socketio-clients.ts');
/** Nothing more has arrived for this long: what is missing will not come. */
const QUIET_MS = 2000;
const DRAIN_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

type Clients = BenchChild<ClientsCommand, ClientsReport>;

/**
 * A bare socket.io broadcast: a plain server in a process of its own emits a
 * small seat delta to one room of `sockets` clients (spread over `workers`
 * processes) `messagesPerSecond` times a second for `seconds`. What the
 * gateway's fan-out is compared with: the same library and payload, with
 * nothing of the gateway around them. Twenty messages a second by default:
 * the gateway sends an event's watchers at most one per tick (LIVE_TICK_MS,
 * 50 ms). The server's CPU is read from /proc from the first send until the
 * last delivery is in.
 */
export async function measureRawSocketIo({
  sockets,
  seconds = 4,
  messagesPerSecond = 20,
  workers = 2,
}: {
  sockets: number;
  seconds?: number;
  messagesPerSecond?: number;
  workers?: number;
}): Promise<Baselines['socketio'][number]> {
  const server = new BenchChild<ServerCommand, ServerReport>(SERVER);
  const clients: Clients[] = Array.from({ length: workers }, () => new BenchChild<ClientsCommand, ClientsReport>(CLIENTS));
  try {
    const { port } = await server.ask({ type: 'start' }, 'listening');
    log(`raw socket.io: connecting ${sockets} sockets from ${workers} processes…`);
    const shares = clients.map((_, i) => Math.floor(sockets / workers) + (i < sockets % workers ? 1 : 0));
    const ready = await Promise.all(
      clients.map((client, i) => client.ask({ type: 'connect', url: `http://127.0.0.1:${port}`, sockets: shares[i]! }, 'connected')),
    );
    const connected = ready.reduce((sum, r) => sum + r.connected, 0);
    if (connected < sockets) throw new Error(`only ${connected} of ${sockets} sockets connected to the bare socket.io server`);

    log(`raw socket.io: ${messagesPerSecond} messages/s to all ${sockets} sockets for ${seconds} s…`);
    const cpuBefore = await serverCpuMs(server);
    const { sent, firstSentAt } = await server.ask({ type: 'broadcast', messagesPerSecond, seconds }, 'broadcasted');
    await drain(clients, sent * sockets);
    const cpuMs = (await serverCpuMs(server)) - cpuBefore;

    const results = await Promise.all(clients.map((client) => client.ask({ type: 'finish' }, 'finished')));
    const latency = new Latency();
    for (const result of results) latency.add(Latency.decode(result.latency));
    const missing = sent * sockets - latency.count;
    if (missing > 0) log(`raw socket.io: ${missing} of ${sent * sockets} deliveries never arrived`);
    const lastReceivedAt = Math.max(...results.map((r) => r.lastReceivedAt));
    return {
      sockets,
      deliveriesPerSecond: (latency.count * 1000) / (lastReceivedAt - firstSentAt),
      cpuMsPer1000: (cpuMs / latency.count) * 1000,
      latency: latency.summary(),
    };
  } finally {
    server.kill();
    for (const client of clients) client.kill();
  }
}

/** Waits until every delivery is in, or nothing more has come for QUIET_MS. */
async function drain(clients: readonly Clients[], expected: number): Promise<void> {
  const giveUpAt = Date.now() + DRAIN_TIMEOUT_MS;
  let received = 0;
  let changedAt = Date.now();
  while (received < expected && Date.now() - changedAt < QUIET_MS && Date.now() < giveUpAt) {
    await new Promise((resolveWait) => setTimeout(resolveWait, POLL_MS));
    const statuses = await Promise.all(clients.map((client) => client.ask({ type: 'status' }, 'status')));
    const total = statuses.reduce((sum, s) => sum + s.received, 0);
    if (total !== received) changedAt = Date.now();
    received = total;
  }
}

async function serverCpuMs(server: BenchChild<ServerCommand, ServerReport>): Promise<number> {
  const ms = server.pid === undefined ? undefined : await cpuMsOf(server.pid);
  if (ms === undefined) throw new Error('the bare socket.io server process is gone');
  return ms;
}
