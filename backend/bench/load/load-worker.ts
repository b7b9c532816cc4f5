/**
 * One process of the open-loop load generator (forked by open-loop.ts, run
 * under tsx). It sends holds at a constant arrival rate, whatever the answers
 * do: request n is due at start + n / rate, and its latency counts from that
 * moment, so a server that falls behind shows as queueing latency instead of
 * slowing the generator down (no coordinated omission).
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { SocketEvent, type Booking, type ClientToServerEvents, type ErrorBody, type ServerToClientEvents } from '@seatstorm/contracts';
import { io, type Socket } from 'socket.io-client';
import { Latency } from './histogram';
import { postHold } from './post-hold';

export type HoldPath = 'rest' | 'socket';

export interface WorkerSetup {
  path: HoldPath;
  gatewayUrl: string;
  /** Buyers' tokens: REST requests take turns; each socket signs in as one. */
  tokens: string[];
  /** REST: keep-alive connections this process may open. */
  connections: number;
  /** Socket path: sockets this process opens. */
  sockets: number;
  /** Seat labels of the event, the sought-after ones first. */
  labels: string[];
  /** How many of `labels` are the sought-after ones, and the share of attempts aimed at them. */
  hotCount: number;
  hotShare: number;
}

export interface StepOrder {
  eventId: string;
  /** This process's share of the arrival rate. */
  rate: number;
  seconds: number;
  /** An answer slower than this counts as `timeout`. */
  timeoutMs: number;
  /** More requests in flight than this and the next ones are not sent (`shed`): the step is over capacity. */
  maxInFlight: number;
  /** A unique prefix for idempotency keys. */
  run: string;
  /**
   * Closed loop instead: this many requests in flight, each sent as soon as
   * the one before it is answered, for `seconds` (`rate` is ignored). What a
   * server's highest rate is measured with; latency then counts from each send.
   */
  concurrency?: number;
}

export type WorkerCommand = ({ type: 'setup' } & WorkerSetup) | ({ type: 'step' } & StepOrder) | { type: 'stop' };

export interface StepReport {
  type: 'result';
  sent: number;
  shed: number;
  /** Answers by outcome: `201`, `202`, `409`, `429`, …, `timeout`, `error`. */
  statuses: Record<string, number>;
  /** Intended send time → answer, encoded (histogram.ts). */
  latency: string;
  /** Wall time from the first due request to the last answer, ms. */
  elapsedMs: number;
  /** This process's own CPU over the step, ms. */
  cpuMs: number;
}

export type WorkerReport = { type: 'ready'; connected: number; failed: number } | StepReport | { type: 'stopped' };

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Sends a hold; resolves with its outcome as an HTTP-like status, `timeout` or `error`. */
type SendHold = (seatId: string, eventId: string, idempotencyKey: string, timeoutMs: number) => Promise<string>;

const CONNECT_CONCURRENCY = 100;
const TICK_MS = 1;
const send = (report: WorkerReport) => process.send?.(report);

let setup: WorkerSetup | undefined;
let sendHold: SendHold | undefined;
let closeAll: () => void = () => undefined;

async function prepare(options: WorkerSetup): Promise<void> {
  setup = options;
  if (options.path === 'rest') {
    const { connected, hold, close } = restClient(options);
    sendHold = hold;
    closeAll = close;
    send({ type: 'ready', connected, failed: 0 });
    return;
  }
  const sockets: LiveSocket[] = [];
  let failed = 0;
  for (let first = 0; first < options.sockets; first += CONNECT_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONNECT_CONCURRENCY, options.sockets - first) }, (_, i) =>
      connect(options.gatewayUrl, options.tokens[(first + i) % options.tokens.length]!),
    );
    for (const socket of await Promise.all(batch)) {
      if (socket) sockets.push(socket);
      else failed += 1;
    }
  }
  let turn = 0;
  sendHold = (seatId, eventId, idempotencyKey, timeoutMs) =>
    new Promise((resolve) => {
      const socket = sockets[turn++ % sockets.length]!;
      socket.timeout(timeoutMs).emit(SocketEvent.Hold, { eventId, seatIds: [seatId], idempotencyKey }, (error: Error | null, reply: Booking | ErrorBody) => {
        if (error) resolve('timeout');
        else if ('statusCode' in reply) resolve(String(reply.statusCode));
        else resolve(reply.status === 'pending' ? '202' : '201');
      });
    });
  closeAll = () => sockets.forEach((socket) => socket.close());
  send({ type: 'ready', connected: sockets.length, failed });
}

function connect(url: string, token: string): Promise<LiveSocket | undefined> {
  const socket: LiveSocket = io(url, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => {
      socket.close();
      resolve(undefined);
    });
  });
}

/** Keep-alive REST: each hold a POST /bookings as the next buyer in turn. */
function restClient(options: WorkerSetup): { connected: number; hold: SendHold; close(): void } {
  const gatewayUrl = new URL(options.gatewayUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  let turn = 0;
  const hold: SendHold = (seatId, eventId, idempotencyKey, timeoutMs) =>
    postHold(agent, gatewayUrl, {
      token: options.tokens[turn++ % options.tokens.length]!,
      body: JSON.stringify({ eventId, seatIds: [seatId] }),
      idempotencyKey,
      timeoutMs,
    });
  return { connected: options.connections, hold, close: () => agent.destroy() };
}

async function runStep(order: StepOrder): Promise<void> {
  if (!setup || !sendHold) throw new Error('step before setup');
  const { labels, hotCount, hotShare } = setup;
  const hold = sendHold;
  const latency = new Latency();
  const statuses: Record<string, number> = {};
  const total = Math.round(order.rate * order.seconds);
  const interval = 1000 / order.rate;
  const cpuBefore = process.cpuUsage();
  let inFlight = 0;
  let sent = 0;
  let shed = 0;
  let lastAnswerAt = 0;
  const pending: Array<Promise<void>> = [];
  const seatOf = () => {
    const index = Math.random() < hotShare ? Math.floor(Math.random() * hotCount) : Math.floor(Math.random() * labels.length);
    return `${order.eventId}_${labels[index]!}`;
  };
  const answered = (due: number) => (status: string) => {
    lastAnswerAt = performance.now();
    latency.record(lastAnswerAt - due);
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  const start = performance.now();
  if (order.concurrency !== undefined) {
    const end = start + order.seconds * 1000;
    const loop = async () => {
      while (performance.now() < end) {
        const n = sent;
        sent += 1;
        answered(performance.now())(await hold(seatOf(), order.eventId, `${order.run}-${process.pid}-${n}`, order.timeoutMs));
      }
    };
    pending.push(...Array.from({ length: order.concurrency }, loop));
  } else
    await new Promise<void>((allDue) => {
      const tick = () => {
        const now = performance.now();
        for (; sent + shed < total && start + (sent + shed) * interval <= now;) {
          const due = start + (sent + shed) * interval;
          if (inFlight >= order.maxInFlight) {
            shed += 1;
            continue;
          }
          const n = sent;
          sent += 1;
          inFlight += 1;
          pending.push(
            hold(seatOf(), order.eventId, `${order.run}-${process.pid}-${n}`, order.timeoutMs).then((status) => {
              inFlight -= 1;
              answered(due)(status);
            }),
          );
        }
        if (sent + shed < total) setTimeout(tick, TICK_MS);
        else allDue();
      };
      tick();
    });
  await Promise.all(pending);
  const cpu = process.cpuUsage(cpuBefore);
  send({
    type: 'result',
    sent,
    shed,
    statuses,
    latency: latency.encode(),
    elapsedMs: Math.max(lastAnswerAt, start + order.seconds * 1000) - start,
    cpuMs: (cpu.user + cpu.system) / 1000,
  });
}

process.on('message', (command: WorkerCommand) => {
  if (command.type === 'setup') void prepare(command);
  else if (command.type === 'step') void runStep(command);
  else {
    closeAll();
    send({ type: 'stopped' });
  }
});

// The parent is gone (finished, or killed): so is this process.
process.on('disconnect', () => process.exit(0));
