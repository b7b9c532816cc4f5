/**
 * `npm run chaos`: Seatstorm's own proof that nothing is lost and nothing
 * gets stuck. A flash sale runs against the stack as production runs it (a
 * process per service, two gateways) while each process is SIGKILLed in turn
 * and the Kafka broker, Redis and PostgreSQL are restarted; after each fault
 * the books are checked in SQL and through the API. Prints a table of
 * faults × invariants × seconds to recover; exits non-zero if anything broke.
 */
import { randomUUID } from 'node:crypto';
import { buildEvent } from '../test/builders/event.builder';
import { buildUsers } from '../test/builders/user.builder';
import { eventually } from '../test/eventually';
import { call } from '../test/http';
import { Buyers } from './buyers';
import { ChaosStack } from './chaos-stack';
import { faultSchedule, type Fault } from './faults';
import { apiViolations, violations, type Books, type Violation } from './invariants';
import { readOptions, USAGE, type ChaosOptions } from './options';
import { RecoveryProbe, type ProbeAccount } from './recovery-probe';
import { countChecks, log, printTable, printViolations, writeReport, type FaultRow } from './report';
import { closeWatchers, openWatchers } from './watchers';

/** The sale's waiting room lets buyers in at this fixed rate: a dozen buyers in a second or two. */
const ADMISSION_PER_MINUTE = 600;
/** The probe's own event: one fresh seat per hold it makes, never one the sale wants. */
const PROBE_HOUSE = { rows: 20, perRow: 250 };
const SETTLE_POLL_MS = 500;
/** What waiting cannot mend: settling waits for the rest. */
const NEVER_EXCUSED = new Set<Violation['invariant']>(['seats', 'answers']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const keyOf = (violation: Violation) => `${violation.invariant}|${violation.subject}|${violation.detail}`;

async function main(): Promise<number> {
  const options = readOptions();
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  const schedule = faultSchedule(options.rounds, options.kills, options.outageMs);
  log(`${options.form} form: ${schedule.length} faults, ${options.buyers} buyers on ${options.rows * options.perRow} seats`);
  const stack = await ChaosStack.start({ holdTtl: options.holdTtl, passTtl: options.passTtl, logLevel: options.logLevel, echo: options.echo }, log);
  let rows: FaultRow[] = [];
  try {
    rows = await run(stack, options, schedule);
  } finally {
    log('stopping the stack…');
    await stack.stop();
  }
  printTable(rows);
  printViolations(rows);
  const counts = countChecks(rows);
  writeReport(process.env.REPORT, counts);
  log(`${counts.passed} checks passed, ${counts.failed} failed, in ${Math.round((Date.now() - started) / 1000)} s`);
  return counts.failed === 0 ? 0 : 1;
}

async function run(stack: ChaosStack, options: ChaosOptions, schedule: readonly Fault[]): Promise<FaultRow[]> {
  const [gatewayA, gatewayB] = stack.gatewayUrls as [string, string];
  const sale = await buildEvent(stack.db, { rows: options.rows, perRow: options.perRow });
  // Buyers queue in the sale's waiting room for passes, which run out during the run: they queue again and again, faults and all.
  await stack.db.query('UPDATE events SET waiting_room_enabled = true, admission_per_minute = $2 WHERE id = $1', [sale.eventId, ADMISSION_PER_MINUTE]);
  const probeEvent = await buildEvent(stack.db, PROBE_HOUSE);
  const users = await buildUsers(stack.db, stack.config, options.buyers, 'Buyer');
  const credentials = { email: `probe-${randomUUID()}@chaos.seatstorm.dev`, password: `probe-${randomUUID()}` };
  const registered = await call(`${gatewayA}/auth/register`, { body: { ...credentials, name: 'Recovery Probe' } });
  if (registered.status !== 201) throw new Error(`registering the recovery probe answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const account: ProbeAccount = { ...credentials, token: (registered.body as { token: string }).token };

  const watchers = await openWatchers(stack.gatewayUrls, sale.eventId, options.watchersPerGateway);
  try {
    // Buyers pick their seats from these maps: the sale starts once every map has loaded.
    await eventually(async () => watchers.every((watcher) => watcher.sync.status === 'live'), Boolean, 60_000, 100);
    const viewOf = (url: string) => watchers.find((watcher) => watcher.gatewayUrl === url)!;
    const buyers = new Buyers(
      users.map((user, n) => {
        const gatewayUrl = n % 2 === 0 ? gatewayA : gatewayB;
        return { token: user.token, gatewayUrl, view: viewOf(gatewayUrl) };
      }),
      { eventId: sale.eventId, thinkMs: options.thinkMs, waitingRoom: true },
    );
    const probe = new RecoveryProbe(stack.gatewayUrls, probeEvent.eventId, probeEvent.seatIds, account);
    const books: Books = { db: stack.db, saleEventId: sale.eventId, probeEventId: probeEvent.eventId, ledger: buyers.ledger, watchers };
    const reported = new Set<string>();
    const apiChecked = new Set<string>();
    const rows: FaultRow[] = [];

    const checkBooks = async (all: boolean): Promise<Violation[]> => {
      const found = await settle(books, options.settleSeconds, () => buyers.lineCleared());
      const bookingIds = [...books.ledger.reserved.keys(), ...books.ledger.pending.keys()].filter((id) => all || !apiChecked.has(id));
      for (const id of bookingIds) apiChecked.add(id);
      // Through the other gateway each time, so both answer for bookings they did not take.
      const api = await apiViolations(books, rows.length % 2 === 0 ? gatewayB : gatewayA, bookingIds);
      return [...found, ...api];
    };

    stack.supervise();
    for (const fault of schedule) {
      buyers.resume();
      await sleep(options.loadBeforeMs);
      const row: FaultRow = { fault: fault.name, violations: [], exits: [] };
      const faultAt = Date.now();
      try {
        await fault.strike(stack);
        // Measured while the repair runs: what kept working through the fault recovers in no time.
        const [repaired, measured] = await Promise.allSettled([fault.repair(stack), probe.measure(faultAt, options.recoverySeconds)]);
        if (repaired.status === 'rejected') throw repaired.reason;
        if (measured.status === 'rejected') throw measured.reason;
        row.recovery = measured.value;
      } catch (error) {
        row.error = (error as Error).message.split('\n')[0];
      }
      await sleep(options.loadAfterMs);
      await buyers.pause();
      const found = await checkBooks(false);
      row.exits = stack.exits.filter((exit) => exit.at >= faultAt);
      row.violations = found.filter((violation) => !reported.has(keyOf(violation)));
      for (const violation of row.violations) reported.add(keyOf(violation));
      rows.push(row);
      log(summaryOf(row, buyers.attempts));
    }
    const final: FaultRow = { fault: 'after every fault', violations: await checkBooks(true), exits: [] };
    rows.push(final);
    log(summaryOf(final, buyers.attempts));
    log(
      `answers: ${Object.entries(buyers.ledger.answers)
        .sort()
        .map(([key, n]) => `${key}: ${n}`)
        .join(' · ')}`,
    );
    const waits = buyers.ledger.admissions.waits.flatMap((wait) => (wait.waitedMs === null ? [] : [wait.waitedMs]));
    log(`waiting room: ${waits.length} times let in after queueing, longest wait ${(Math.max(0, ...waits) / 1000).toFixed(1)} s`);
    return rows;
  } finally {
    closeWatchers(watchers);
  }
}

/**
 * Waits, bounded, for the books to settle: decisions and payments still
 * under way may finish, the watchers catch up, and the waiting room lets in
 * whoever the pause left in line. A seat in two live bookings, or an answer
 * that was a 500, is never excused by waiting: seen once, it counts.
 */
async function settle(books: Books, seconds: number, lookAtTheLine: () => Promise<unknown>): Promise<Violation[]> {
  const deadline = Date.now() + seconds * 1000;
  const unsafe = new Map<string, Violation>();
  for (;;) {
    let pending: Violation[];
    try {
      await lookAtTheLine();
      const found = await violations(books);
      for (const violation of found.filter((v) => NEVER_EXCUSED.has(v.invariant))) unsafe.set(keyOf(violation), violation);
      pending = found.filter((violation) => !NEVER_EXCUSED.has(violation.invariant));
    } catch (error) {
      pending = [{ invariant: 'durable', subject: 'database', detail: `the books could not be read: ${(error as Error).message}` }];
    }
    if (pending.length === 0 || Date.now() > deadline) return [...unsafe.values(), ...pending];
    await sleep(SETTLE_POLL_MS);
  }
}

function summaryOf(row: FaultRow, attempts: number): string {
  const recovery = row.error
    ? `failed: ${row.error}`
    : row.recovery
      ? `holds again after ${row.recovery.holdsSeconds ?? '–'} s, a whole purchase after ${row.recovery.purchaseSeconds ?? '–'} s${row.recovery.lastError ? ` (last failure: ${row.recovery.lastError})` : ''}`
      : 'books checked';
  const broken =
    row.violations.length === 0
      ? 'every invariant holds'
      : `${row.violations.length} violation(s): ${row.violations
          .slice(0, 3)
          .map((v) => `${v.invariant} ${v.subject} ${v.detail}`)
          .join('; ')}`;
  const exits = row.exits.length === 0 ? '' : `; ended by itself and started again: ${row.exits.map((exit) => exit.name).join(', ')}`;
  return `${row.fault}: ${recovery}; ${broken}${exits} (${attempts} holds tried so far)`;
}

// Interrupted: exit through process.exit, so the processes, the broker, Redis and PostgreSQL this run started go with it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    writeReport(process.env.REPORT, { passed: 0, failed: 1 });
    process.exit(1);
  },
);
