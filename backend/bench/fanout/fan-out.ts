import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { AppConfig } from '@seatstorm/config';
import {
  bookingSchema,
  errorBodySchema,
  seatUpdatedSchema,
  SocketEvent,
  Topic,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@seatstorm/contracts';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { buildEvent } from '../../test/builders/event.builder';
import type { BuiltUser } from '../../test/builders/user.builder';
import { uniqueId } from '../../test/test-env';
import { CpuMeter } from '../cpu';
import { BenchChild } from '../load/child';
import { Latency } from '../load/histogram';
import { log } from '../report';
import type { WatcherCommand, WatcherReport } from './watchers';

/** Holds each holder socket sends per second (under the gateway's LIVE_HOLD_RATE_LIMIT). */
export const HOLDS_PER_HOLDER_PER_SECOND = 5;
/** Spare seats, so holds keep winning to the end of the run. */
const SEAT_HEADROOM = 1.25;
/** Nothing received for this long: every delta is in (a gateway under load may pause a second or more). */
const QUIET_MS = 3000;
const DRAIN_TIMEOUT_MS = 30_000;
const WATCHERS = resolve(__dirname, 'watchers.ts');

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface FanOutOptions {
  config: AppConfig;
  db: Pool;
  /** The gateways the watchers spread over (the Redis adapter carries each emit to all). */
  urls: string[];
  /** Their processes, whose CPU is counted per delivery. */
  gatewayPids: Array<number | undefined>;
  /** Signed-in holders: HOLDS_PER_HOLDER_PER_SECOND each. */
  holders: BuiltUser[];
  sockets: number;
  seconds: number;
  holds: number;
  workers: number;
}

export interface HoldLoad {
  ackMs: Latency;
  /** What the hold acks said: reserved, pending (not decided within the gateway's wait), an error code, or no answer. */
  answers: Map<string, number>;
  seconds: number;
}

export interface FanOutRun {
  connected: number;
  load: HoldLoad;
  /** Holds the booking core reserved, and how long each waited from issue to decision. */
  decided: number;
  queued: Latency;
  fromDecision: Latency;
  fromKafka: Latency;
  missing: number;
  messages: number;
  deliverySeconds: number;
  disconnects: number;
  /** (socket, seat) deliveries: one per socket for every reserved seat it heard of. */
  deliveries: number;
  /** CPU of the gateways from the first hold until the last delivery, ms. */
  gatewayCpuMs: number;
}

/**
 * S sockets (socket.io-client, spread over watcher processes) watch one event
 * while signed-in sockets hold its seats at a steady rate; for every socket
 * and every reserved seat, the time from the booking core's decision to the
 * socket receiving the seat.updated that carries it.
 */
export async function runFanOut(options: FanOutOptions): Promise<FanOutRun> {
  const seats = Math.ceil(options.holds * options.seconds * SEAT_HEADROOM);
  const rows = Math.min(26, Math.ceil(seats / 100));
  const event = await buildEvent(options.db, { rows, perRow: Math.ceil(seats / rows) });
  const watchers: Array<BenchChild<WatcherCommand, WatcherReport>> = [];
  const holders: LiveSocket[] = [];
  try {
    log(`fan-out: connecting ${options.sockets} watching sockets from ${options.workers} processes…`);
    const ready = await Promise.all(
      Array.from({ length: options.workers }, (_, i) => {
        const share = Math.floor(options.sockets / options.workers) + (i < options.sockets % options.workers ? 1 : 0);
        const watcher = new BenchChild<WatcherCommand, WatcherReport>(WATCHERS);
        watchers.push(watcher);
        return watcher.ask({ type: 'start', urls: options.urls, eventId: event.eventId, sockets: share, offset: i }, 'ready');
      }),
    );
    const connected = ready.reduce((sum, r) => sum + r.connected, 0);
    if (connected < options.sockets) log(`only ${connected} of ${options.sockets} sockets connected`);

    const published = await probePublished(options.config);
    holders.push(...(await Promise.all(options.holders.map((user, i) => connectHolder(options.urls[i % options.urls.length]!, user)))));
    // The race lab tells when the booking core decided each hold, and how long the hold waited in Kafka first,
    // whether or not its ack made it back within the gateway's wait.
    const queued = new Latency();
    const decidedAt = new Map<string, number>();
    holders[0]!.on(SocketEvent.LabDecision, (decision) => {
      queued.record(decision.decidedInMs);
      if (decision.status === 'reserved') decidedAt.set(decision.bookingId, Date.parse(decision.occurredAt));
    });
    await holders[0]!.emitWithAck(SocketEvent.LabSubscribe, { eventId: event.eventId });
    log(`fan-out: holding ${options.holds} seats a second for ${options.seconds} s…`);
    const meter = await CpuMeter.start(
      options.gatewayPids.map((pid, i) => ({ name: `gateway ${i + 1}`, pid })),
      options.db,
    );
    const load = await runHolds(holders, event.eventId, shuffle(event.seatIds), options);
    await drain(watchers);
    const gatewayCpuMs = (await meter.stop()).filter(({ name }) => name.startsWith('gateway')).reduce((sum, { ms }) => sum + ms, 0);
    await published.stop();
    const bookings = [...decidedAt].flatMap(([bookingId, at]): Array<[string, number, number]> => {
      const publishedAt = published.at.get(bookingId);
      return publishedAt === undefined ? [] : [[bookingId, at, publishedAt]];
    });
    const results = await Promise.all(watchers.map((watcher) => watcher.ask({ type: 'finish', bookings }, 'result')));
    const fromDecision = new Latency();
    const fromKafka = new Latency();
    for (const result of results) {
      fromDecision.add(Latency.decode(result.fromDecision));
      fromKafka.add(Latency.decode(result.fromKafka));
    }
    const first = Math.min(...results.map((r) => r.firstReceivedAt));
    const last = Math.max(...results.map((r) => r.lastReceivedAt));
    return {
      connected,
      load,
      decided: decidedAt.size,
      queued,
      fromDecision,
      fromKafka,
      missing: results.reduce((total, r) => total + r.missing, 0),
      messages: results.reduce((sum, r) => sum + r.messages, 0),
      deliverySeconds: (last - first) / 1000,
      disconnects: results.reduce((total, r) => total + r.disconnects, 0),
      deliveries: fromDecision.count,
      gatewayCpuMs,
    };
  } finally {
    for (const socket of holders) socket.close();
    for (const watcher of watchers) watcher.kill();
  }
}

/** Sends holds at a steady rate, round-robin over the holder sockets, each for the next seat. */
async function runHolds(holders: LiveSocket[], eventId: string, seatIds: string[], options: FanOutOptions): Promise<HoldLoad> {
  const load: HoldLoad = { ackMs: new Latency(), answers: new Map(), seconds: 0 };
  const total = options.holds * options.seconds;
  const inFlight: Array<Promise<void>> = [];
  const started = performance.now();
  let sent = 0;
  const hold = async (socket: LiveSocket, seatId: string) => {
    const at = performance.now();
    const answer = await socket
      .timeout(30_000)
      .emitWithAck(SocketEvent.Hold, { eventId, seatIds: [seatId], idempotencyKey: uniqueId('bench') })
      .catch(() => undefined);
    load.ackMs.record(performance.now() - at);
    const booking = bookingSchema.safeParse(answer);
    const outcome = booking.success ? booking.data.status : (errorBodySchema.safeParse(answer).data?.error ?? 'no answer');
    load.answers.set(outcome, (load.answers.get(outcome) ?? 0) + 1);
  };
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.holds));
    for (; sent < due; sent += 1) inFlight.push(hold(holders[sent % holders.length]!, seatIds[sent]!));
    await new Promise((resolveTick) => setTimeout(resolveTick, 5));
  }
  await Promise.all(inFlight);
  load.seconds = (performance.now() - started) / 1000;
  return load;
}

/** Waits until no watcher has received anything for a while: every delta is in. */
async function drain(watchers: Array<BenchChild<WatcherCommand, WatcherReport>>): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const statuses = await Promise.all(watchers.map((watcher) => watcher.ask({ type: 'status' }, 'status')));
    const last = Math.max(...statuses.map((s) => (Number.isNaN(s.lastReceivedAt) ? 0 : s.lastReceivedAt)));
    if (performance.timeOrigin + performance.now() - last > QUIET_MS) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  log(`watchers still receiving after ${DRAIN_TIMEOUT_MS} ms; reporting what arrived`);
}

/**
 * When each booking's seat.updated was written to Kafka (the outbox relay's
 * send time), read by a consumer group of the bench's own: the start of the
 * fan-out path, after the booking core's commit.
 */
async function probePublished(config: AppConfig): Promise<{ at: Map<string, number>; stop(): Promise<void> }> {
  const at = new Map<string, number>();
  const group = uniqueId(`${config.KAFKA_CLIENT_ID}-probe`);
  const consumer = new Kafka({ clientId: group, brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).consumer({
    groupId: group,
    maxWaitTimeInMs: config.KAFKA_CONSUMER_MAX_WAIT_MS,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: Topic.SeatUpdated, fromBeginning: false });
  const joined = new Promise<void>((resolveJoin) => consumer.on(consumer.events.GROUP_JOIN, () => resolveJoin()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const delta = seatUpdatedSchema.safeParse(JSON.parse(message.value?.toString() ?? 'null'));
      for (const change of delta.data?.changes ?? []) if (change.bookingId) at.set(change.bookingId, Number(message.timestamp));
    },
  });
  await joined;
  return { at, stop: () => consumer.disconnect() };
}

function connectHolder(url: string, user: BuiltUser): Promise<LiveSocket> {
  const socket: LiveSocket = io(url, { transports: ['websocket'], auth: { token: user.token }, forceNew: true });
  return new Promise((resolveSocket, reject) => {
    socket.once('connect', () => resolveSocket(socket));
    socket.once('connect_error', reject);
  });
}

function shuffle<T>(values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
