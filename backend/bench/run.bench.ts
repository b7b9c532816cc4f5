/**
 * `npm run bench`: the on-sale report in one run. It measures the machine's
 * own baselines first (a bare node:http server driven by the same generator,
 * raw PostgreSQL batched seat updates, a bare kafkajs round trip, a bare
 * socket.io broadcast), then the stack: open-loop sweeps of the socket and
 * REST hold paths on the 50,000-seat stadium, the booking core alone, a flash
 * sale that sells the stadium out, and the fan-out to 1,000 and 5,000
 * sockets. Every figure is printed beside its baseline and the ratio, and the
 * run is written to docs/bench/latest.json with its plots. Not a test: it
 * prints numbers.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildEvent, type BuiltEvent } from '../test/builders/event.builder';
import { buildUsers } from '../test/builders/user.builder';
import { measureBareHttp } from './baselines/bare-http';
import { measureRawKafka } from './baselines/raw-kafka';
import { measureRawPostgres } from './baselines/raw-postgres';
import { measureRawSocketIo } from './baselines/raw-socketio';
import { BenchStack } from './bench-stack';
import { runBookingCore } from './booking-core';
import { CORES } from './cpu';
import { HOLDS_PER_HOLDER_PER_SECOND, runFanOut } from './fanout/fan-out';
import { runFlashSale } from './flash-sale/flash-sale';
import { latencyCurveSvg, sellOutTimelineSvg } from './plots/bench-plots';
import { log, printTable } from './report';
import type { AdaptiveRoomRun, BenchRun, FanOut, FlashSale, Sweep, WaitingRoomRun } from './results';
import { runSweep } from './sweep';
import { runAdaptiveRoom } from './waiting-room/adaptive';
import { runWaitingRoom } from './waiting-room/waiting-room';

const DOCS = resolve(__dirname, '../../docs/bench');

const OPTIONS = {
  seconds: { default: '5', help: 'seconds per sweep step' },
  rates: { default: '250,500,1000,2000,4000,8000,16000', help: 'arrival rates of the sweeps, holds/s' },
  paths: { default: 'socket,rest', help: 'hold paths to sweep' },
  'flash-buyers': { default: '2000', help: 'buyers of the flash sale (sockets); 0 skips it' },
  'fanout-sockets': { default: '1000,5000', help: 'watching sockets of each fan-out run; 0 skips them' },
  'fanout-holds': { default: '100', help: 'holds per second while the fan-out runs' },
  'core-commands': { default: '50000', help: 'hold commands of the booking-core run (0 skips it), after a warm-up of a fifth as many' },
  'flash-timeout': { default: '90', help: 'seconds the flash sale may take before it is called unsold' },
  'queue-buyers': { default: '20000', help: 'buyers queued in the waiting-room run; 0 skips it' },
  'queue-sockets': { default: '2000', help: 'of them, watching the queue over the socket' },
  'queue-rate': { default: '60000', help: 'buyers the waiting room admits per minute' },
  'adaptive-buyers': { default: '4000', help: 'buyers of the adaptive waiting-room run, each holding 10 times once let in; 0 skips it' },
  workers: { default: '2', help: 'load generator processes' },
  connections: { default: '256', help: 'REST keep-alive connections (and the bare node:http baseline)' },
  'database-url': { default: 'postgresql://postgres@127.0.0.1:5432/seatstorm_bench_onsale', help: 'dropped and recreated each run' },
  'log-level': { default: 'warn', help: 'LOG_LEVEL of the services' },
  'cpu-prof': { default: '', help: 'write CPU profiles of the service processes to this directory' },
  out: { default: DOCS, help: 'where latest.json and the plots go' },
} as const;
type Option = keyof typeof OPTIONS;

/** The targets of the on-sale issue, as ratios of the same run's bare node:http rate. */
const TARGETS = {
  socket: { p99Ms: 100, shareOfBare: 0.35 },
  rest: { p99Ms: 250, shareOfBare: 0.15 },
} as const;
/** The gateway's default LIVE_HOLD_RATE_LIMIT is 10 a second per socket; the generator stays under it. */
const HOLDS_PER_SOCKET = 8;
/** Share of attempts aimed at the best tenth of the house (lower ring, front rows). */
const HOT_SHARE = 0.7;
/** Share of won holds let go again, as abandoned carts are. */
const ABANDON_SHARE = 0.05;
/** A flash-sale buyer's pause between an answer and the next attempt, at most. */
const THINK_MS = 250;
const USERS = 2000;

function readOptions() {
  const flags = Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, { type: 'string' }])) as Record<Option, { type: 'string' }>;
  const { values } = parseArgs({ options: { ...flags, help: { type: 'boolean' } } });
  if (values.help) {
    const lines = Object.entries(OPTIONS).map(([name, { default: value, help }]) => `  --${name.padEnd(13)} ${help} (default ${value || 'none'})`);
    process.stdout.write(`npm run bench -- [options]\n${lines.join('\n')}\n`);
    process.exit(0);
  }
  const text = (name: Option): string => {
    const value = values[name];
    return typeof value === 'string' ? value : OPTIONS[name].default;
  };
  const count = (name: Option, value = text(name), min = 1): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes whole numbers of at least ${min}, got "${value}"`);
    return n;
  };

  const paths = text('paths').split(',');
  for (const path of paths) if (path !== 'socket' && path !== 'rest') throw new Error(`--paths takes socket and/or rest, got "${path}"`);
  return {
    seconds: count('seconds'),
    rates: text('rates')
      .split(',')
      .map((rate) => count('rates', rate)),
    paths: paths as Array<'socket' | 'rest'>,
    workers: count('workers'),
    flashBuyers: count('flash-buyers', text('flash-buyers'), 0),
    flashTimeout: count('flash-timeout'),
    fanOutSockets:
      text('fanout-sockets') === '0'
        ? []
        : text('fanout-sockets')
            .split(',')
            .map((n) => count('fanout-sockets', n)),
    fanOutHolds: count('fanout-holds'),
    coreCommands: count('core-commands', text('core-commands'), 0),
    queueBuyers: count('queue-buyers', text('queue-buyers'), 0),
    queueSockets: count('queue-sockets', text('queue-sockets'), 0),
    queueRate: count('queue-rate'),
    adaptiveBuyers: count('adaptive-buyers', text('adaptive-buyers'), 0),
    connections: count('connections'),
    databaseUrl: text('database-url'),
    logLevel: text('log-level'),
    cpuProfDir: text('cpu-prof') || undefined,
    out: text('out'),
  };
}
type Options = ReturnType<typeof readOptions>;

const commandOf = (o: Options) =>
  `npm run bench -- --seconds ${o.seconds} --rates ${o.rates.join(',')} --paths ${o.paths.join(',')} --workers ${o.workers} --connections ${o.connections} ` +
  `--flash-buyers ${o.flashBuyers} --fanout-sockets ${o.fanOutSockets.join(',') || '0'} --fanout-holds ${o.fanOutHolds} --core-commands ${o.coreCommands} ` +
  `--queue-buyers ${o.queueBuyers} --queue-sockets ${o.queueSockets} --queue-rate ${o.queueRate} --adaptive-buyers ${o.adaptiveBuyers}`;
/** The booking core's run spreads its commands over this many events of CORE_SEATS seats (one partition each, mostly). */
const CORE_EVENTS = 24;
const CORE_SEATS = 2000;
/** Seconds each fan-out run holds seats for. */
const FANOUT_SECONDS = 8;
/** seat.updated messages per event per second during the fan-out: one per gateway tick (LIVE_TICK_MS 50). */
const FANOUT_MESSAGES_PER_SECOND = 20;
const BASELINE_SECONDS = 4;
const ADAPTIVE_HOLDS_EACH = 10;
const ADAPTIVE_TIMEOUT_SECONDS = 120;

async function main(): Promise<void> {
  const options = readOptions();
  const startedAt = new Date().toISOString();
  log(commandOf(options));

  log('baseline: a bare node:http server, same generator, closed loop…');
  const http = await measureBareHttp({ connections: options.connections, seconds: options.seconds, workers: options.workers });
  log(`  bare node:http ${Math.round(http.requestsPerSecond)} req/s, p50 ${http.latency.p50.toFixed(1)} ms, p99 ${http.latency.p99.toFixed(1)} ms`);

  const stack = await BenchStack.start({ databaseUrl: options.databaseUrl, logLevel: options.logLevel, cpuProfDir: options.cpuProfDir });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping everything the bench started`);
      void stack.stop().finally(() => process.exit(130));
    });
  }
  let baselines: BenchRun['baselines'] | undefined;
  const sweeps: Sweep[] = [];
  let flashSale: FlashSale | undefined;
  const fanOut: FanOut[] = [];
  let core: BenchRun['core'];
  let waitingRoom: WaitingRoomRun | undefined;
  let adaptiveRoom: AdaptiveRoomRun | undefined;
  try {
    // Before the services start: the raw baselines get the machine to themselves, as the bare server did.
    log('baseline: raw PostgreSQL, batched conditional seat updates…');
    const postgres = await measureRawPostgres({ databaseUrl: options.databaseUrl, seconds: BASELINE_SECONDS });
    log(`  ${Math.round(postgres.rowsPerSecond)} rows/s, ${postgres.cpuMsPer1000Rows.toFixed(1)} CPU ms per 1,000 rows`);
    log('baseline: a bare kafkajs produce → consume round trip…');
    const kafka = await measureRawKafka({ brokers: stack.brokers, seconds: BASELINE_SECONDS, batch: 100 });
    log(`  ${Math.round(kafka.messagesPerSecond)} messages/s, p50 ${kafka.roundTripLatency.p50.toFixed(0)} ms`);
    const socketio = [];
    for (const sockets of options.fanOutSockets) {
      log(`baseline: a bare socket.io broadcast to ${sockets} sockets…`);
      socketio.push(await measureRawSocketIo({ sockets, seconds: BASELINE_SECONDS, messagesPerSecond: FANOUT_MESSAGES_PER_SECOND, workers: options.workers }));
      log(`  ${Math.round(socketio.at(-1)!.deliveriesPerSecond)} deliveries/s, ${socketio.at(-1)!.cpuMsPer1000.toFixed(1)} server CPU ms per 1,000`);
    }
    baselines = { http, postgres, kafka, socketio };
    await stack.startServices();
    const buyers = await buildUsers(stack.db, stack.config, Math.max(USERS, options.flashBuyers), 'Buyer');
    for (const path of options.paths) {
      sweeps.push(
        await runSweep(stack, {
          path,
          rates: options.rates,
          seconds: options.seconds,
          p99TargetMs: TARGETS[path].p99Ms,
          tokens: buyers.map((buyer) => buyer.token),
          workers: options.workers,
          connections: options.connections,
          holdsPerSocket: HOLDS_PER_SOCKET,
          hotShare: HOT_SHARE,
        }),
      );
    }
    for (const sockets of options.fanOutSockets) {
      const run = await runFanOut({
        config: stack.config,
        db: stack.db,
        urls: [stack.gatewayUrl],
        gatewayPids: [stack.processes.find(({ name }) => name === 'gateway')?.process.pid],
        holders: buyers.slice(0, Math.ceil(options.fanOutHolds / HOLDS_PER_HOLDER_PER_SECOND)),
        sockets,
        seconds: FANOUT_SECONDS,
        holds: options.fanOutHolds,
        workers: options.workers,
      });
      fanOut.push({
        sockets: run.connected,
        latency: run.fromDecision.summary(),
        deliveriesPerSecond: run.messages / Math.max(run.deliverySeconds, FANOUT_SECONDS),
        gatewayCpuMsPer1000: (run.gatewayCpuMs * 1000) / Math.max(1, run.messages),
        missing: run.missing,
      });
      log(
        `  ${sockets} sockets: decision → socket p50 ${run.fromDecision.summary().p50.toFixed(0)} ms, p99 ${run.fromDecision.summary().p99.toFixed(0)} ms, ${run.missing} missing`,
      );
    }
    if (options.flashBuyers > 0) {
      flashSale = await runFlashSale(stack, {
        tokens: buyers.slice(0, options.flashBuyers).map((buyer) => buyer.token),
        workers: options.workers,
        timeoutSeconds: options.flashTimeout,
        hotShare: HOT_SHARE,
        abandonShare: ABANDON_SHARE,
        thinkMs: THINK_MS,
      });
    }
    if (options.queueBuyers > 0) {
      waitingRoom = await runWaitingRoom({
        config: stack.config,
        db: stack.db,
        url: stack.gatewayUrl,
        buyers: options.queueBuyers,
        sockets: Math.min(options.queueSockets, options.queueBuyers),
        perMinute: options.queueRate,
        connections: Math.min(options.connections, 128),
      });
    }
    if (options.adaptiveBuyers > 0) {
      adaptiveRoom = await runAdaptiveRoom({
        config: stack.config,
        db: stack.db,
        url: stack.gatewayUrl,
        buyers: options.adaptiveBuyers,
        holdsEach: ADAPTIVE_HOLDS_EACH,
        timeoutSeconds: ADAPTIVE_TIMEOUT_SECONDS,
      });
    }
    if (options.coreCommands > 0) core = await measureCore(stack, buyers, options.coreCommands);
  } finally {
    await stack.stop();
  }

  if (!baselines) throw new Error('the baselines were not measured');
  const run: BenchRun = {
    startedAt,
    machine: {
      cpus: CORES,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: loadavg(),
    },
    command: commandOf(options),
    baselines,
    sweeps,
    ...(flashSale ? { flashSale } : {}),
    ...(core ? { core } : {}),
    fanOut,
    ...(waitingRoom ? { waitingRoom } : {}),
    ...(adaptiveRoom ? { adaptiveRoom } : {}),
    targets: [
      ...sweeps.map((sweep) => {
        const target = TARGETS[sweep.path];
        const share = sweep.sustainedPerSecond / http.requestsPerSecond;
        return {
          name: `${sweep.path} hold path`,
          target: `p99 ≤ ${target.p99Ms} ms at ≥ ${target.shareOfBare * 100} % of bare node:http`,
          measured:
            `${sweep.sustainedPerSecond.toLocaleString('en-US')}/s sustained = ${(share * 100).toFixed(1)} % of ${Math.round(http.requestsPerSecond).toLocaleString('en-US')}/s` +
            (share >= target.shareOfBare
              ? ''
              : `; short by ${Math.round(target.shareOfBare * http.requestsPerSecond - sweep.sustainedPerSecond).toLocaleString('en-US')}/s`),
          met: share >= target.shareOfBare,
        };
      }),
      ...(core ? [coreTarget(core, baselines)] : []),
      ...fanOut.flatMap((f) => fanOutTarget(f, baselines!)),
      ...(flashSale ? [flashSaleTarget(flashSale)] : []),
    ],
  };
  report(run);
  const books = run.flashSale?.invariants;
  if (books && books.doubleBookedSeats + books.lost201 + books.unaccountedSeats > 0) process.exitCode = 1;
  await mkdir(options.out, { recursive: true });
  await writeFile(resolve(options.out, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`);
  await writeFile(resolve(options.out, 'latency-vs-rate.svg'), latencyCurveSvg(run));
  await writeFile(resolve(options.out, 'sell-out.svg'), sellOutTimelineSvg(run));
  log(`wrote latest.json, latency-vs-rate.svg and sell-out.svg to ${options.out}`);
  process.stdout.write(`\n${commandOf(options)}\n`);
}

/**
 * The booking core alone: a backlog of hold commands straight onto
 * booking.commands, over many events (so many partitions work at once),
 * with the gateway stopped so that its consumers don't share the cores.
 */
async function measureCore(stack: BenchStack, users: Parameters<typeof runBookingCore>[0]['users'], commands: number): Promise<NonNullable<BenchRun['core']>> {
  await stack.processes.find(({ name }) => name === 'gateway')?.process.stop();
  const round = async (count: number, bestOf?: number) => {
    const events: BuiltEvent[] = [];
    for (let i = 0; i < CORE_EVENTS; i += 1)
      events.push(await buildEvent(stack.db, { rows: 20, perRow: CORE_SEATS / 20, noOrphanSeats: bestOf !== undefined }));
    const result = await runBookingCore({
      config: stack.config,
      db: stack.db,
      events,
      users,
      commands: count,
      sendBatch: 1000,
      timeoutSeconds: 300,
      processes: stack.measured.filter(({ name }) => name === 'booking' || name === 'Kafka'),
      bestOf,
    });
    return {
      commands: result.decided,
      decisionsPerSecond: result.decided / result.decisionSeconds,
      cpuPer1000: result.cpu.filter(({ name }) => name !== 'load generator').map(({ name, ms }) => ({ name, ms: (ms * 1000) / result.decided })),
    };
  };
  log(`booking core: warming up with ${Math.round(commands / 5)} commands, then ${commands}…`);
  await round(Math.round(commands / 5));
  const named = await round(commands);
  // Best available reads whole runs per hold: the same backlog, each hold asking for the best BEST_OF seats together.
  log(`booking core: ${commands} best-available holds of ${BEST_OF} seats…`);
  const best = await round(commands, BEST_OF);
  return { ...named, best: { ...best, count: BEST_OF } };
}

/** Seats per best-available hold in the booking-core run: a family's four. */
const BEST_OF = 4;

const CORE_TARGET_PER_SECOND = 20_000;
const FANOUT_P99_MS = 150;
const FANOUT_CPU_VS_BARE = 2;

function coreTarget(core: NonNullable<BenchRun['core']>, baselines: BenchRun['baselines']): BenchRun['targets'][number] {
  const database = core.cpuPer1000.find(({ name }) => name === 'PostgreSQL')?.ms ?? Number.NaN;
  return {
    name: 'booking core',
    target: `≥ ${CORE_TARGET_PER_SECOND.toLocaleString('en-US')} decisions/s durable`,
    measured: `${Math.round(core.decisionsPerSecond).toLocaleString('en-US')}/s; PostgreSQL ${Math.round(database)} CPU ms per 1,000 decisions vs ${baselines.postgres.cpuMsPer1000Rows.toFixed(1)} per 1,000 raw row updates`,
    met: core.decisionsPerSecond >= CORE_TARGET_PER_SECOND,
  };
}

/** Checked at 5,000 sockets (the target's size); smaller runs are reported, not judged. */
function fanOutTarget(f: FanOut, baselines: BenchRun['baselines']): Array<BenchRun['targets'][number]> {
  if (f.sockets < 5000) return [];
  const bare = baselines.socketio.find((b) => b.sockets === f.sockets)?.cpuMsPer1000 ?? Number.NaN;
  return [
    {
      name: `fan-out to ${f.sockets.toLocaleString('en-US')} sockets`,
      target: `decision → delivery p99 ≤ ${FANOUT_P99_MS} ms; gateway CPU per 1,000 deliveries ≤ ${FANOUT_CPU_VS_BARE}× bare socket.io`,
      measured: `p99 ${Math.round(f.latency.p99)} ms; ${f.gatewayCpuMsPer1000.toFixed(1)} ms vs bare ${bare.toFixed(1)} ms (${(f.gatewayCpuMsPer1000 / bare).toFixed(2)}×)`,
      met: f.latency.p99 <= FANOUT_P99_MS && f.gatewayCpuMsPer1000 <= FANOUT_CPU_VS_BARE * bare,
    },
  ];
}

/** The stadium sells out with nothing double-booked or lost; the aim is 30 s. */
function flashSaleTarget(sale: FlashSale): BenchRun['targets'][number] {
  const clean = sale.invariants.doubleBookedSeats === 0 && sale.invariants.lost201 === 0 && sale.invariants.unaccountedSeats === 0;
  return {
    name: 'flash sale',
    target: 'sells out with 0 double-bookings (aim ≤ 30 s)',
    measured: `${sale.sellOutSeconds === null ? 'not sold out' : `sold out in ${sale.sellOutSeconds.toFixed(1)} s`}, ${clean ? 'books clean' : 'BOOKS WRONG'}`,
    met: sale.sellOutSeconds !== null && clean,
  };
}

function report(run: BenchRun): void {
  const bare = run.baselines.http.requestsPerSecond;
  const pct = (value: number) => `${((value / bare) * 100).toFixed(1)} %`;
  const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(value < 10 ? 1 : 0));
  const { postgres, kafka, socketio } = run.baselines;
  printTable('Baselines (same machine, same run)', [
    [
      'bare node:http, closed loop',
      `${Math.round(bare).toLocaleString('en-US')} req/s · p50 ${ms(run.baselines.http.latency.p50)} ms · p99 ${ms(run.baselines.http.latency.p99)} ms · ${run.baselines.http.connections} connections`,
    ],
    [
      'raw PostgreSQL, batched conditional UPDATE',
      `${Math.round(postgres.rowsPerSecond).toLocaleString('en-US')} rows/s · ${postgres.cpuMsPer1000Rows.toFixed(1)} CPU ms per 1,000 rows · ${postgres.batchRows}-row batches over ${postgres.connections} connections`,
    ],
    [
      'bare kafkajs produce → consume',
      `${Math.round(kafka.messagesPerSecond).toLocaleString('en-US')} messages/s · round trip p50 ${ms(kafka.roundTripLatency.p50)} / p99 ${ms(kafka.roundTripLatency.p99)} ms · ${kafka.batch} a request`,
    ],
    ...socketio.map((baseline): [string, string] => [
      `bare socket.io broadcast, ${baseline.sockets.toLocaleString('en-US')} sockets`,
      `${Math.round(baseline.deliveriesPerSecond).toLocaleString('en-US')} deliveries/s · ${baseline.cpuMsPer1000.toFixed(1)} server CPU ms per 1,000 · p50 ${ms(baseline.latency.p50)} / p99 ${ms(baseline.latency.p99)} ms`,
    ]),
  ]);
  for (const sweep of run.sweeps) {
    printTable(
      `${sweep.path === 'socket' ? 'Socket `hold`' : 'REST POST /bookings'}, open loop on the 50,000-seat stadium (p99 target ${sweep.p99TargetMs} ms)`,
      sweep.steps.map((step) => [
        `${step.offeredPerSecond.toLocaleString('en-US')}/s offered`,
        `decided ${Math.round(step.decidedPerSecond).toLocaleString('en-US')}/s (${pct(step.decidedPerSecond)} of bare) · ` +
          `p50 ${ms(step.latency.p50)} / p95 ${ms(step.latency.p95)} / p99 ${ms(step.latency.p99)} / max ${ms(step.latency.max)} ms · ` +
          `${Object.entries(step.statuses)
            .map(([status, n]) => `${status} ${n}`)
            .join(', ')} · CPU ms/1,000: ` +
          `${step.cpuPer1000
            .filter(({ name }) => !name.startsWith('generator'))
            .map(({ name, ms: cpu }) => `${name} ${Math.round(cpu)}`)
            .join(', ')}` +
          (step.stages
            ? ` · issued → decided p50 ${ms(step.stages.issuedToDecided.p50)} ms, decided → published p50 ${ms(step.stages.decidedToPublished.p50)} ms`
            : '') +
          `${step.sustained ? '' : ' · NOT SUSTAINED'}`,
      ]),
    );
  }
  if (run.core) {
    const { core } = run;
    printTable(`Booking core alone: ${core.commands.toLocaleString('en-US')} hold commands straight to booking.commands, ${CORE_EVENTS} events`, [
      ['decisions/s (first decision → last published)', Math.round(core.decisionsPerSecond).toLocaleString('en-US')],
      ['CPU per 1,000 decisions (ms)', core.cpuPer1000.map(({ name, ms: cpu }) => `${name} ${Math.round(cpu)}`).join(', ')],
      [
        'raw PostgreSQL per 1,000 seat updates (ms)',
        `${postgres.cpuMsPer1000Rows.toFixed(1)} (one conditional UPDATE of ${postgres.batchRows} rows per transaction)`,
      ],
      ...(core.best
        ? ([
            [
              `best available (${core.best.count} together): decisions/s`,
              `${Math.round(core.best.decisionsPerSecond).toLocaleString('en-US')} (${((core.best.decisionsPerSecond / core.decisionsPerSecond) * 100).toFixed(0)} % of named seats)`,
            ],
            ['best available: CPU per 1,000 decisions (ms)', core.best.cpuPer1000.map(({ name, ms: cpu }) => `${name} ${Math.round(cpu)}`).join(', ')],
          ] as const)
        : []),
    ]);
  }
  if (run.fanOut.length > 0) {
    printTable(
      'Fan-out: one event, holds over the socket, seat.updated to every watcher (decision → socket)',
      run.fanOut.map((f) => [
        `${f.sockets.toLocaleString('en-US')} sockets`,
        `p50 ${ms(f.latency.p50)} / p95 ${ms(f.latency.p95)} / p99 ${ms(f.latency.p99)} / max ${ms(f.latency.max)} ms · ` +
          `${Math.round(f.deliveriesPerSecond).toLocaleString('en-US')} deliveries/s · gateway CPU ${f.gatewayCpuMsPer1000.toFixed(1)} ms per 1,000 ` +
          `(bare socket.io ${socketio.find((b) => b.sockets === f.sockets)?.cpuMsPer1000.toFixed(1) ?? '–'}) · ${f.missing} missing`,
      ]),
    );
  }
  const sale = run.flashSale;
  if (sale) {
    printTable(
      `Flash sale: ${sale.buyers.toLocaleString('en-US')} buyers over sockets, ${sale.seats.toLocaleString('en-US')} seats, 1–4 adjacent seats a hold`,
      [
        ['sold out in', sale.sellOutSeconds === null ? 'NOT SOLD OUT' : `${sale.sellOutSeconds.toFixed(1)} s`],
        [
          'attempts',
          `${sale.attempts.toLocaleString('en-US')} (${Math.round(sale.attemptsPerSecond).toLocaleString('en-US')}/s, ${pct(sale.attemptsPerSecond)} of bare)`,
        ],
        [
          'answers',
          Object.entries(sale.statuses)
            .map(([status, n]) => `${status} ${n}`)
            .join(', '),
        ],
        ['latency p50 / p95 / p99 / max (ms)', `${ms(sale.latency.p50)} / ${ms(sale.latency.p95)} / ${ms(sale.latency.p99)} / ${ms(sale.latency.max)}`],
        ['double-booked seats (SQL)', String(sale.invariants.doubleBookedSeats)],
        ['201s not durable as answered', String(sale.invariants.lost201)],
        ['seats not accounted for', String(sale.invariants.unaccountedSeats)],
      ],
    );
  }
  const room = run.waitingRoom;
  if (room) {
    const bareSocketIo = socketio[0];
    printTable(
      `Waiting room: ${room.buyers.toLocaleString('en-US')} buyers queued, ${room.sockets.toLocaleString('en-US')} of them on sockets, admitted at ${room.targetPerMinute.toLocaleString('en-US')} a minute`,
      [
        [
          'admission rate',
          `${Math.round(room.measuredPerMinute).toLocaleString('en-US')} a minute measured = ${((room.measuredPerMinute / room.targetPerMinute) * 100).toFixed(1)} % of the target; ${room.admitted.toLocaleString('en-US')} admitted in ${room.admissionSeconds.toFixed(1)} s`,
        ],
        [
          'joins (POST /events/:id/queue)',
          `${Math.round(room.joinsPerSecond).toLocaleString('en-US')}/s (${pct(room.joinsPerSecond)} of bare) · p50 ${ms(room.joinLatency.p50)} / p99 ${ms(room.joinLatency.p99)} ms`,
        ],
        [
          'Redis',
          `${(room.redisBytesPer10000Waiting / 1024).toFixed(0)} KiB per 10,000 waiting · ${room.redisCpuMsPer1000Joins.toFixed(1)} CPU ms per 1,000 joins · ${(room.redisCpuShareWhileAdmitting * 100).toFixed(1)} % of a core while admitting`,
        ],
        [
          'tick → every waiting socket',
          `p50 ${ms(room.tickToEverySocket.p50)} / p99 ${ms(room.tickToEverySocket.p99)} / max ${ms(room.tickToEverySocket.max)} ms over ${room.tickToEverySocket.count} ticks` +
            (bareSocketIo ? ` (bare socket.io broadcast to ${bareSocketIo.sockets.toLocaleString('en-US')}: p99 ${ms(bareSocketIo.latency.p99)} ms)` : '') +
            (room.ticksNotReachingEverySocket > 0 ? ` · ${room.ticksNotReachingEverySocket} ticks missed a socket` : ''),
        ],
      ],
    );
  }
  const adaptive = run.adaptiveRoom;
  if (adaptive) {
    const every = Math.max(1, Math.ceil(adaptive.timeline.length / 15));
    printTable(
      `Adaptive waiting room: ${adaptive.buyers.toLocaleString('en-US')} buyers on sockets, each holding ${adaptive.holdsEach} times once let in (target p90 ${adaptive.targetMs} ms, start ${adaptive.startPerMinute.toLocaleString('en-US')} a minute)`,
      [
        [
          'outcome',
          `${adaptive.admitted.toLocaleString('en-US')} admitted, ${adaptive.holds.toLocaleString('en-US')} holds in ${adaptive.seconds.toFixed(1)} s; peak rate ${Math.round(adaptive.peakPerMinute).toLocaleString('en-US')} a minute`,
        ],
        ...adaptive.timeline
          .filter((_, i) => i % every === 0 || i === adaptive.timeline.length - 1)
          .map((point): [string, string] => [
            `t = ${point.t} s`,
            `${Math.round(point.perMinute).toLocaleString('en-US')} a minute · ${point.holdsPerSecond} holds/s · p90 ${point.p90Ms} ms`,
          ]),
      ],
    );
  }
  printTable(
    'Targets',
    run.targets.map((target) => [target.name, `${target.met ? 'met' : 'MISSED'} · ${target.measured} (target: ${target.target})`]),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
