/**
 * `npm run bench:fanout`: how fast a decision reaches every watching browser.
 * S sockets (socket.io-client, spread over a few watcher processes) watch one
 * event while signed-in sockets hold its seats at a steady rate; for every
 * socket and every reserved seat it prints the time from the booking core's
 * decision (the booking's `updatedAt`) to the socket receiving the
 * `SocketEvent.SeatUpdated` message that carries it, and how many messages all sockets received
 * per second. Not a test: it prints numbers.
 *
 * The services run from `backend/dist` as separate processes (Nest needs the
 * decorator metadata SWC emits, which tsx does not): auth, catalog and
 * booking in one, each gateway in its own. The database is the bench's own,
 * dropped and recreated each run; Kafka, PostgreSQL and Redis are the local ones.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type AppConfig } from '@seatstorm/config';
import { bookingSchema, errorBodySchema, seatUpdatedSchema, Topic, type ClientToServerEvents, type ServerToClientEvents } from '@seatstorm/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { kafkaIdOf } from '../libs/kafka/src/kafka-options';
import { buildEvent } from '../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../test/builders/user.builder';
import { prepare } from '../test/global-setup';
import { ServiceProcess } from '../test/service-process';
import { uniqueId } from '../test/test-env';
import { freePort, recreateDatabase } from './bench-setup';
import { LatencyHistogram } from './fanout-histogram';
import type { WatcherCommand, WatcherReport } from './fanout-watchers';

const OPTIONS = {
  sockets: { default: '1000', help: 'watching sockets (S)' },
  seconds: { default: '10', help: 'how long holds run' },
  holds: { default: '100', help: 'holds per second, one seat each' },
  gateways: { default: '1', help: 'gateway processes; watchers are spread over them (the Redis adapter carries each emit to all)' },
  workers: { default: '2', help: 'watcher processes' },
  tick: { default: '50', help: 'LIVE_TICK_MS of the gateways' },
  'max-wait': { default: '100', help: 'KAFKA_CONSUMER_MAX_WAIT_MS of every consumer' },
  'database-url': { default: 'postgresql://postgres@127.0.0.1:5432/seatstorm_bench_fanout', help: 'dropped and recreated each run' },
  'log-level': { default: 'warn', help: 'LOG_LEVEL of the services' },
} as const;
type Option = keyof typeof OPTIONS;

/** Holds each holder socket sends per second. */
const HOLDS_PER_HOLDER_PER_SECOND = 5;
/** Spare seats, so holds keep winning to the end of the run. */
const SEAT_HEADROOM = 1.25;
/** Nothing received for this long: every delta is in (a gateway under load may pause a second or more). */
const QUIET_MS = 3000;
const DRAIN_TIMEOUT_MS = 30_000;
const WATCHERS = resolve(__dirname, 'fanout-watchers.ts');

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function readOptions() {
  const flags = Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, { type: 'string' }])) as Record<Option, { type: 'string' }>;
  const { values } = parseArgs({ options: { ...flags, reuse: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    const lines = Object.entries(OPTIONS).map(([name, { default: value, help }]) => `  --${name.padEnd(13)} ${help} (default ${value})`);
    const reuse = `  --${'reuse'.padEnd(13)} keep the bench database and backend/dist of an earlier run (no drop, migrate, seed or build)`;
    process.stdout.write(`npm run bench:fanout -- [options]\n${[...lines, reuse].join('\n')}\n`);
    process.exit(0);
  }
  const text = (name: Option): string => {
    const value = values[name];
    return typeof value === 'string' ? value : OPTIONS[name].default;
  };
  const count = (name: Option): number => {
    const value = Number(text(name));
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got "${text(name)}"`);
    return value;
  };
  return {
    sockets: count('sockets'),
    seconds: count('seconds'),
    holds: count('holds'),
    gateways: count('gateways'),
    workers: count('workers'),
    tick: count('tick'),
    maxWait: count('max-wait'),
    databaseUrl: text('database-url'),
    logLevel: text('log-level'),
    reuse: values.reuse === true,
  };
}
type BenchOptions = ReturnType<typeof readOptions>;

const commandOf = (o: BenchOptions) =>
  `npm run bench:fanout -- --sockets ${o.sockets} --seconds ${o.seconds} --holds ${o.holds} --gateways ${o.gateways} --workers ${o.workers} --tick ${o.tick} --max-wait ${o.maxWait}${o.reuse ? ' --reuse' : ''}`;
const log = (message: string) => process.stdout.write(`[bench:fanout] ${message}\n`);

async function main(): Promise<void> {
  const options = readOptions();
  log(commandOf(options));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    KAFKA_CLIENT_ID: uniqueId('fanout'),
    KAFKA_AUTO_OFFSET_RESET: 'latest',
    KAFKA_CONSUMER_MAX_WAIT_MS: String(options.maxWait),
    LIVE_TICK_MS: String(options.tick),
    // The holders pace themselves, but a starved timer catches up in bursts; the limit is not what is measured here.
    LIVE_HOLD_RATE_LIMIT: '1000',
    LOG_LEVEL: options.logLevel,
    GATEWAY_HOST: '127.0.0.1',
  });
  if (!options.reuse) {
    await recreateDatabase(options.databaseUrl);
    await prepare(options.databaseUrl);
  }

  const db = new Pool({ connectionString: options.databaseUrl, max: 4 });
  const services: ServiceProcess[] = [];
  const watchers: WatcherProcess[] = [];
  const holders: LiveSocket[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const socket of holders) socket.close();
      for (const watcher of watchers) watcher.kill();
      await Promise.all(services.map((service) => service.stop()));
      await db.end();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  }

  try {
    log('starting auth, catalog and booking, then the gateways, from backend/dist…');
    const core = new ServiceProcess({ services: ['auth', 'catalog', 'booking'], config, groups: [kafkaIdOf(config, 'booking')] });
    services.push(core);
    await core.start();
    const urls: string[] = [];
    for (let i = 0; i < options.gateways; i += 1) {
      const port = await freePort();
      const gateway = new ServiceProcess({ services: ['gateway'], config, env: { GATEWAY_PORT: String(port) } });
      services.push(gateway);
      await gateway.start();
      urls.push(`http://127.0.0.1:${port}`);
    }

    const seats = Math.ceil(options.holds * options.seconds * SEAT_HEADROOM);
    const rows = Math.min(26, Math.ceil(seats / 100));
    const event = await buildEvent(db, { rows, perRow: Math.ceil(seats / rows) });
    const users = await buildUsers(db, config, Math.ceil(options.holds / HOLDS_PER_HOLDER_PER_SECOND), 'Fan');

    log(`connecting ${options.sockets} watching sockets from ${options.workers} processes…`);
    const ready = await Promise.all(
      Array.from({ length: options.workers }, (_, i) => {
        const share = Math.floor(options.sockets / options.workers) + (i < options.sockets % options.workers ? 1 : 0);
        const watcher = new WatcherProcess();
        watchers.push(watcher);
        return watcher.ask({ type: 'start', urls, eventId: event.eventId, sockets: share, offset: i }, 'ready');
      }),
    );
    const connected = ready.reduce((sum, r) => sum + r.connected, 0);
    if (connected < options.sockets) log(`only ${connected} of ${options.sockets} sockets connected`);

    const published = await probePublished(config);
    holders.push(...(await Promise.all(users.map((user, i) => connectHolder(urls[i % urls.length]!, user)))));
    // The race lab tells when the booking core decided each hold, and how long the hold waited in Kafka first,
    // whether or not its ack made it back within the gateway's wait.
    const queued = new LatencyHistogram();
    const decidedAt = new Map<string, number>();
    holders[0]!.on('lab.decision', (decision) => {
      queued.record(decision.decidedInMs);
      if (decision.status === 'reserved') decidedAt.set(decision.bookingId, Date.parse(decision.occurredAt));
    });
    await holders[0]!.emitWithAck('lab.subscribe', { eventId: event.eventId });
    log(`holding ${options.holds} seats a second for ${options.seconds} s…`);
    const load = await runHolds(holders, event.eventId, shuffle(event.seatIds), options);

    await drain(watchers);
    await published.stop();
    const bookings = [...decidedAt].flatMap(([bookingId, decidedAt]): Array<[string, number, number]> => {
      const publishedAt = published.at.get(bookingId);
      return publishedAt === undefined ? [] : [[bookingId, decidedAt, publishedAt]];
    });
    const results = await Promise.all(watchers.map((watcher) => watcher.ask({ type: 'finish', bookings }, 'result')));
    const metrics = await Promise.all(urls.map((url) => relayMetrics(url)));
    report(options, connected, load, { decided: decidedAt.size, queued }, results, metrics);
  } finally {
    await stopAll();
  }
}

interface HoldLoad {
  ackMs: LatencyHistogram;
  /** What the hold acks said: reserved, pending (not decided within the gateway's wait), an error code, or no answer. */
  answers: Map<string, number>;
  seconds: number;
}

/** Sends holds at a steady rate, round-robin over the holder sockets, each for the next seat. */
async function runHolds(holders: LiveSocket[], eventId: string, seatIds: string[], options: BenchOptions): Promise<HoldLoad> {
  const load: HoldLoad = { ackMs: new LatencyHistogram(), answers: new Map(), seconds: 0 };
  const total = options.holds * options.seconds;
  const inFlight: Array<Promise<void>> = [];
  const started = performance.now();
  let sent = 0;
  const hold = async (socket: LiveSocket, seatId: string) => {
    const at = performance.now();
    const answer = await socket.timeout(30_000).emitWithAck('hold', { eventId, seatIds: [seatId], idempotencyKey: uniqueId('bench') }).catch(() => undefined);
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
async function drain(watchers: WatcherProcess[]): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const statuses = await Promise.all(watchers.map((watcher) => watcher.ask({ type: 'status' }, 'status')));
    const last = Math.max(...statuses.map((s) => (Number.isNaN(s.lastReceivedAt) ? 0 : s.lastReceivedAt)));
    if (performance.timeOrigin + performance.now() - last > QUIET_MS) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  log(`watchers still receiving after ${DRAIN_TIMEOUT_MS} ms; reporting what arrived`);
}

function report(
  options: BenchOptions,
  connected: number,
  load: HoldLoad,
  { decided, queued }: { decided: number; queued: LatencyHistogram },
  results: Array<Extract<WatcherReport, { type: 'result' }>>,
  metrics: RelayMetrics[],
): void {
  const latency = new LatencyHistogram();
  const fromKafka = new LatencyHistogram();
  for (const result of results) {
    latency.merge(result.fromDecision);
    fromKafka.merge(result.fromKafka);
  }
  const messages = results.reduce((sum, r) => sum + r.messages, 0);
  const first = Math.min(...results.map((r) => r.firstReceivedAt));
  const last = Math.max(...results.map((r) => r.lastReceivedAt));
  const deliverySeconds = (last - first) / 1000;
  const ms = (histogram: LatencyHistogram) =>
    [50, 95, 99, 100].map((p) => histogram.percentile(p).toFixed(1)).join(' / ');
  const sum = (pick: (m: RelayMetrics) => number) => metrics.reduce((total, m) => total + pick(m), 0);
  const rows: Array<[string, string]> = [
    ['sockets watching', `${connected.toLocaleString('en-US')} over ${options.gateways} gateway(s), ${options.workers} watcher processes`],
    ['holds sent, decided reserved', `${(options.holds * options.seconds).toLocaleString('en-US')} in ${load.seconds.toFixed(1)} s, ${decided.toLocaleString('en-US')} reserved`],
    ['hold acks', [...load.answers].map(([outcome, n]) => `${outcome} ${n.toLocaleString('en-US')}`).join(', ')],
    ['decision → socket, p50 / p95 / p99 / max (ms)', `${ms(latency)} over ${latency.count.toLocaleString('en-US')} (socket, seat) deliveries`],
    ['written to Kafka → socket, p50 / p95 / p99 / max (ms)', ms(fromKafka)],
    ['deliveries missing', results.reduce((total, r) => total + r.missing, 0).toLocaleString('en-US')],
    ['seat.updated delivered/s (all sockets)', `${Math.round(messages / deliverySeconds).toLocaleString('en-US')} (${messages.toLocaleString('en-US')} in ${deliverySeconds.toFixed(1)} s)`],
    ['seat.updated per socket per second', (messages / Math.max(1, connected) / deliverySeconds).toFixed(1)],
    ['hold ack over the socket, p50 / p95 / p99 / max (ms)', ms(load.ackMs)],
    ['hold issued → decided (booking core), p50 / p95 / p99 / max (ms)', ms(queued)],
    ['Kafka → socket.io emit in the gateway, mean (ms)', (sum((m) => m.lagSum) / Math.max(1, sum((m) => m.lagCount)) * 1000).toFixed(1)],
    ['gateway event-loop delay, p99 / max (ms)', metrics.map((m) => `${(m.loopP99 * 1000).toFixed(0)} / ${(m.loopMax * 1000).toFixed(0)}`).join(', ')],
    ['coalescer: deltas in → messages out', `${sum((m) => m.deltasIn)} → ${sum((m) => m.messagesOut)}`],
    ['disconnects during the run', String(results.reduce((total, r) => total + r.disconnects, 0))],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stdout.write(`\nFan-out: one event, holds through the socket, seat.updated to every watcher\n`);
  process.stdout.write(`${rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}\n\n${commandOf(options)}\n`);
}

interface RelayMetrics {
  lagSum: number;
  lagCount: number;
  deltasIn: number;
  messagesOut: number;
  /** The gateway process's event-loop delay (seconds) since it started. */
  loopP99: number;
  loopMax: number;
}

/** What the gateway's /metrics says about its relay of `Topic.SeatUpdated`. */
async function relayMetrics(url: string): Promise<RelayMetrics> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  const outcome = (name: string) => value(new RegExp(`seatstorm_live_seat_deltas_total\\{outcome="${name}"\\} (\\S+)`));
  return {
    lagSum: value(new RegExp(`seatstorm_live_relay_lag_seconds_sum\\{topic="${Topic.SeatUpdated}"\\} (\\S+)`)),
    lagCount: value(new RegExp(`seatstorm_live_relay_lag_seconds_count\\{topic="${Topic.SeatUpdated}"\\} (\\S+)`)),
    deltasIn: ['emitted', 'delayed', 'merged', 'duplicate', 'gap'].reduce((total, name) => total + outcome(name), 0),
    // A held delta goes out at the end of its tick, with whatever was merged into it.
    messagesOut: outcome('emitted') + outcome('delayed') + outcome('gap'),
    loopP99: value(/^seatstorm_nodejs_eventloop_lag_p99_seconds (\S+)$/m),
    loopMax: value(/^seatstorm_nodejs_eventloop_lag_max_seconds (\S+)$/m),
  };
}

/**
 * When each booking's seat.updated was written to Kafka (the outbox relay's
 * send time), read by a consumer group of the bench's own: the start of the
 * fan-out path, after the booking core's commit.
 */
async function probePublished(config: AppConfig): Promise<{ at: Map<string, number>; stop(): Promise<void> }> {
  const at = new Map<string, number>();
  const consumer = new Kafka({ clientId: `${config.KAFKA_CLIENT_ID}-probe`, brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).consumer({
    groupId: `${config.KAFKA_CLIENT_ID}-probe`,
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

/** A watcher process (fanout-watchers.ts under tsx), spoken to over IPC. */
class WatcherProcess {
  private readonly child: ChildProcess = fork(WATCHERS, [], { execArgv: ['--import', 'tsx'] });
  private readonly exited = once(this.child, 'exit').then(([code]) => {
    throw new Error(`a watcher process exited (code ${String(code)})`);
  });

  constructor() {
    this.exited.catch(() => undefined);
  }

  /** Sends `message` and resolves with the next report of type `answer`; fails if the process exits first. */
  ask<T extends WatcherReport['type']>(message: WatcherCommand, answer: T): Promise<Extract<WatcherReport, { type: T }>> {
    const report = new Promise<Extract<WatcherReport, { type: T }>>((resolveReport) => {
      const onMessage = (received: WatcherReport) => {
        if (received.type !== answer) return;
        this.child.off('message', onMessage);
        resolveReport(received as Extract<WatcherReport, { type: T }>);
      };
      this.child.on('message', onMessage);
    });
    this.child.send(message);
    return Promise.race([report, this.exited]);
  }

  kill(): void {
    this.child.kill();
  }
}

function shuffle<T>(values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:fanout] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
