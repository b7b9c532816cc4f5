/**
 * `npm run bench:holds`: how fast Seatstorm decides holds, end to end through
 * REST and in the booking core alone. Not a test: it prints numbers.
 *
 * The services run from `backend/dist` as separate processes (Nest needs the
 * decorator metadata SWC emits, which tsx does not); this file only generates
 * load and reads the database. It runs on a database of its own, dropped and
 * recreated each run, and by default on a throw-away Kafka broker of its own.
 */
import { kafkaIdOf } from '@seatstorm/kafka';
import { Pool } from 'pg';
import { buildEvent, type BuiltEvent } from '../test/builders/event.builder';
import { buildUsers } from '../test/builders/user.builder';
import { prepare } from '../test/global-setup';
import { ServiceProcess } from '../test/service-process';
import { freePort, recreateDatabase } from './bench-setup';
import { benchConfig } from './bench-stack';
import { doubleBookedSeats, runBookingCore, type CoreResult } from './booking-core';
import { CORES } from './cpu';
import { runEndToEnd, type EndToEndResult } from './end-to-end';
import { commandOf, readOptions, type BenchOptions } from './options';
import { startPrivateBroker, type PrivateBroker } from './private-broker';
import { formatCount, formatMs, formatRate, log, printTable } from './report';

const SEATS_PER_ROW = 100;
const ROW_LETTERS = 26;

async function main(): Promise<void> {
  const options = readOptions();
  log(commandOf(options));

  // Everything started is stopped on the way out, including on Ctrl-C.
  let broker: PrivateBroker | undefined;
  let db: Pool | undefined;
  const processes: ServiceProcess[] = [];
  let stopped: Promise<void> | undefined;
  const stopAll = () =>
    (stopped ??= (async () => {
      await Promise.all(processes.map((service) => service.stop()));
      await broker?.stop();
      await db?.end();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping everything the bench started`);
      void stopAll().finally(() => process.exit(130));
    });
  }

  await recreateDatabase(options.databaseUrl);
  await prepare(options.databaseUrl);
  broker = options.broker === 'private' ? await startPrivateBroker({ broker: await freePort(), controller: await freePort() }) : undefined;
  const config = await benchConfig({ databaseUrl: options.databaseUrl, logLevel: options.logLevel, brokers: broker?.brokers });
  db = new Pool({ connectionString: options.databaseUrl, max: 4 });

  try {
    const serviceProcess = (services: ['booking'] | ['gateway'], groups: string[] = []) => {
      const service = new ServiceProcess({
        services,
        config,
        groups,
        echo: options.verbose,
        nodeArgs: options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [],
      });
      processes.push(service);
      return service;
    };
    log(`starting the booking service${options.parts.includes('e2e') ? ' and the gateway' : ''} from backend/dist…`);
    const booking = serviceProcess(['booking'], [kafkaIdOf(config, 'booking')]);
    const gateway = options.parts.includes('e2e') ? serviceProcess(['gateway']) : undefined;
    await Promise.all([booking.start(), gateway?.start()]);

    const users = await buildUsers(db, config, options.users, 'Bench');
    const benchEvents: BuiltEvent[] = [];
    let endToEnd: EndToEndResult | undefined;
    if (options.parts.includes('e2e')) {
      const event = await buildBenchEvent(db, options.seats);
      benchEvents.push(event);
      log(`end to end: ${options.clients} clients for ${options.seconds} s on ${options.seats} seats…`);
      endToEnd = await runEndToEnd({
        gatewayUrl: `http://127.0.0.1:${config.GATEWAY_PORT}`,
        eventId: event.eventId,
        seatIds: event.seatIds,
        users,
        clients: options.clients,
        seconds: options.seconds,
      });
    }
    let core: CoreResult | undefined;
    if (options.parts.includes('core')) {
      // The booking core alone: the gateway's consumers would share the two cores with it.
      await gateway?.stop();
      const runCore = async (commands: number) => {
        const events: BuiltEvent[] = [];
        for (let i = 0; i < options.events; i += 1) events.push(await buildBenchEvent(db, options.seats));
        benchEvents.push(...events);
        return runBookingCore({
          config,
          db,
          events,
          users,
          commands,
          sendBatch: options.sendBatch,
          timeoutSeconds: options.coreTimeoutSeconds,
          processes: [{ name: 'booking service', pid: booking.pid }, ...(broker ? [{ name: 'Kafka (bench broker)', pid: broker.pid }] : [])],
        });
      };
      // A first, unmeasured round on events of its own: JIT compilers (Node's, the broker's JVM) and caches warm up.
      if (options.warmup > 0) {
        log(`warming up with ${options.warmup} commands…`);
        await runCore(options.warmup);
      }
      core = await runCore(options.commands);
    }
    const doubleBooked = await doubleBookedSeats(
      db,
      benchEvents.map((event) => event.eventId),
    );
    report(options, endToEnd, core, doubleBooked.length, benchEvents.length);
    if (doubleBooked.length > 0) {
      process.stdout.write(`DOUBLE-BOOKED: ${JSON.stringify(doubleBooked.slice(0, 20))}\n`);
      process.exitCode = 1;
    }
  } finally {
    await stopAll();
  }
}

function report(options: BenchOptions, endToEnd: EndToEndResult | undefined, core: CoreResult | undefined, doubleBooked: number, events: number): void {
  if (endToEnd) {
    const status = (code: number) => endToEnd.byStatus.get(code) ?? 0;
    const other = [...endToEnd.byStatus].filter(([code]) => ![201, 202, 409].includes(code));
    const title = `End to end: POST /bookings → gateway → Kafka → booking → Kafka → gateway (${options.clients} clients, ${endToEnd.seconds.toFixed(1)} s, one event of ${options.seats} seats)`;
    printTable(title, [
      ['attempts/s', formatRate(endToEnd.attempts, endToEnd.seconds)],
      ['decided/s (201 + 409)', formatRate(status(201) + status(409), endToEnd.seconds)],
      ['201 reserved', formatCount(status(201))],
      ['409 seat unavailable', formatCount(status(409))],
      ['202 pending (not decided in time)', formatCount(status(202))],
      ...(other.length > 0 ? [['other', other.map(([code, n]) => `${code || 'network error'}: ${n}`).join(', ')] as const] : []),
      ['latency p50 / p95 / p99 / max (ms)', formatMs(endToEnd.latencyMs)],
    ]);
  }
  if (core) {
    const cpuMs = core.cpu.reduce((total, { ms }) => total + ms, 0);
    printTable(
      `Booking core alone (gateway stopped): ${formatCount(core.commands)} hold commands straight to booking.commands, ` +
        `over ${options.events} events of ${options.seats} seats on ${core.partitions} partitions`,
      [
        ['decisions/s (first decision → last published)', formatRate(core.decided, core.decisionSeconds)],
        ['decisions/s (first send → all published)', formatRate(core.decided, core.wallSeconds)],
        ['decided', `${formatCount(core.decided)} in ${core.decisionSeconds.toFixed(1)} s (the backlog was sent in ${core.publishSeconds.toFixed(1)} s)`],
        [
          'outcomes',
          Object.entries(core.outcomes)
            .map(([status, n]) => `${status} ${formatCount(n)}`)
            .join(', '),
        ],
        ['batches', `${formatCount(core.batches.count)}, mean ${core.batches.mean.toFixed(0)} commands, max ${core.batches.max}`],
        ['decision latency p50 / p95 / p99 / max (ms)', `${formatMs(core.latencyMs)} (issue → decision, the whole backlog issued at once)`],
        ['CPU per 1,000 decisions (ms)', core.cpu.map(({ name, ms }) => `${name} ${Math.round((ms * 1000) / core.decided)}`).join(', ')],
        [`CPU-bound ceiling on ${CORES} idle cores`, `${formatRate(core.decided * CORES, cpuMs / 1000)} decisions/s (if nothing else ran)`],
      ],
    );
  }
  printTable('Consistency', [['double-booked seats (SQL)', `${doubleBooked} over ${events} events`]]);
  process.stdout.write(`\n${commandOf(options)}\n`);
}

/** Rows A, B, … of up to 100 seats; more than 2,600 seats make rows longer, since labels stop at Z. */
function buildBenchEvent(db: Pool, seats: number): Promise<BuiltEvent> {
  const rows = Math.min(ROW_LETTERS, Math.ceil(seats / SEATS_PER_ROW));
  return buildEvent(db, { rows, perRow: Math.ceil(seats / rows) });
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
