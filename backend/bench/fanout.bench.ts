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
import { parseArgs } from 'node:util';
import { loadConfig } from '@seatstorm/config';
import { Topic } from '@seatstorm/contracts';
import { kafkaIdOf } from '@seatstorm/kafka';
import { Pool } from 'pg';
import { buildUsers } from '../test/builders/user.builder';
import { prepare } from '../test/global-setup';
import { ServiceProcess } from '../test/service-process';
import { RELAXED_RATE_LIMITS, uniqueId } from '../test/test-env';
import { BENCH_BUYER_LIMIT } from './bench-stack';
import { freePort, recreateDatabase } from './bench-setup';
import { HOLDS_PER_HOLDER_PER_SECOND, runFanOut, type FanOutRun } from './fanout/fan-out';
import type { Latency } from './load/histogram';

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
    // A few accounts hold from 127.0.0.1 many times a minute, many seats each: the limits count, but never refuse.
    ...RELAXED_RATE_LIMITS,
    ...BENCH_BUYER_LIMIT,
    LOG_LEVEL: options.logLevel,
    GATEWAY_HOST: '127.0.0.1',
  });
  if (!options.reuse) {
    await recreateDatabase(options.databaseUrl);
    await prepare(options.databaseUrl);
  }

  const db = new Pool({ connectionString: options.databaseUrl, max: 4 });
  const services: ServiceProcess[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
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

    const holders = await buildUsers(db, config, Math.ceil(options.holds / HOLDS_PER_HOLDER_PER_SECOND), 'Fan');
    const run = await runFanOut({
      config,
      db,
      urls,
      gatewayPids: services.slice(1).map((service) => service.pid),
      holders,
      sockets: options.sockets,
      seconds: options.seconds,
      holds: options.holds,
      workers: options.workers,
    });
    const metrics = await Promise.all(urls.map((url) => relayMetrics(url)));
    report(options, run, metrics);
  } finally {
    await stopAll();
  }
}

function report(options: BenchOptions, run: FanOutRun, metrics: RelayMetrics[]): void {
  const { connected, load, decided, queued } = run;
  const ms = (latency: Latency) => {
    const { p50, p95, p99, max } = latency.summary();
    return [p50, p95, p99, max].map((value) => value.toFixed(1)).join(' / ');
  };
  const sum = (pick: (m: RelayMetrics) => number) => metrics.reduce((total, m) => total + pick(m), 0);
  const rows: Array<[string, string]> = [
    ['sockets watching', `${connected.toLocaleString('en-US')} over ${options.gateways} gateway(s), ${options.workers} watcher processes`],
    [
      'holds sent, decided reserved',
      `${(options.holds * options.seconds).toLocaleString('en-US')} in ${load.seconds.toFixed(1)} s, ${decided.toLocaleString('en-US')} reserved`,
    ],
    ['hold acks', [...load.answers].map(([outcome, n]) => `${outcome} ${n.toLocaleString('en-US')}`).join(', ')],
    ['decision → socket, p50 / p95 / p99 / max (ms)', `${ms(run.fromDecision)} over ${run.deliveries.toLocaleString('en-US')} (socket, seat) deliveries`],
    ['written to Kafka → socket, p50 / p95 / p99 / max (ms)', ms(run.fromKafka)],
    ['deliveries missing', run.missing.toLocaleString('en-US')],
    [
      'seat.updated delivered/s (all sockets)',
      `${Math.round(run.messages / run.deliverySeconds).toLocaleString('en-US')} (${run.messages.toLocaleString('en-US')} in ${run.deliverySeconds.toFixed(1)} s)`,
    ],
    ['seat.updated per socket per second', (run.messages / Math.max(1, connected) / run.deliverySeconds).toFixed(1)],
    ['gateway CPU per 1,000 (socket, seat) deliveries (ms)', ((run.gatewayCpuMs * 1000) / Math.max(1, run.deliveries)).toFixed(1)],
    ['hold ack over the socket, p50 / p95 / p99 / max (ms)', ms(load.ackMs)],
    ['hold issued → decided (booking core), p50 / p95 / p99 / max (ms)', ms(queued)],
    [
      'Kafka → socket.io emit in the gateway, mean (ms)',
      (
        (sum((m) => m.lagSum) /
          Math.max(
            1,
            sum((m) => m.lagCount),
          )) *
        1000
      ).toFixed(1),
    ],
    ['gateway event-loop delay, p99 / max (ms)', metrics.map((m) => `${(m.loopP99 * 1000).toFixed(0)} / ${(m.loopMax * 1000).toFixed(0)}`).join(', ')],
    ['coalescer: deltas in → messages out', `${sum((m) => m.deltasIn)} → ${sum((m) => m.messagesOut)}`],
    ['disconnects during the run', String(run.disconnects)],
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

main().catch((error: unknown) => {
  process.stderr.write(`[bench:fanout] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
