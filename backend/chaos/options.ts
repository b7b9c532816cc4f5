import { parseArgs } from 'node:util';
import type { ProcessName } from './chaos-stack';
import { KILLS } from './faults';

export interface ChaosOptions {
  form: 'short' | 'full';
  /** Each service killed, and each piece of infrastructure restarted, this many times. */
  rounds: number;
  /** The processes SIGKILLed together in each fault. */
  kills: ReadonlyArray<readonly ProcessName[]>;
  buyers: number;
  /** The flash sale's house: rows (A–Z, at most 26) × seats per row. */
  rows: number;
  perRow: number;
  thinkMs: number;
  watchersPerGateway: number;
  holdTtl: string;
  /** How long a waiting room pass lasts: buyers queue again when theirs runs out. */
  passTtl: string;
  /** Buying goes on this long before each fault and after the stack served again. */
  loadBeforeMs: number;
  loadAfterMs: number;
  /** How long Redis and PostgreSQL stay down. */
  outageMs: number;
  /** How long a fault may take to recover from, and the books to settle after it, before it counts as broken. */
  recoverySeconds: number;
  settleSeconds: number;
  echo: boolean;
  logLevel: string;
}

const FORMS: Record<ChaosOptions['form'], Omit<ChaosOptions, 'form' | 'echo' | 'logLevel'>> = {
  // For CI: every process killed once and each piece of infrastructure restarted once, in about three minutes.
  short: {
    rounds: 1,
    kills: KILLS.grouped,
    buyers: 12,
    rows: 20,
    perRow: 150,
    thinkMs: 500,
    watchersPerGateway: 2,
    holdTtl: '60s',
    passTtl: '20s',
    loadBeforeMs: 1000,
    loadAfterMs: 1000,
    outageMs: 2000,
    recoverySeconds: 120,
    // Longer than a payment's lease (its provider latency plus a minute): a charge the payment service had claimed
    // when it was killed is taken up again only after the lease, then settled, refunded if its booking was cancelled.
    settleSeconds: 90,
  },
  full: {
    rounds: 3,
    kills: KILLS.each,
    buyers: 30,
    rows: 25,
    perRow: 400,
    thinkMs: 300,
    watchersPerGateway: 3,
    holdTtl: '60s',
    passTtl: '20s',
    loadBeforeMs: 5000,
    loadAfterMs: 5000,
    outageMs: 5000,
    recoverySeconds: 120,
    settleSeconds: 90,
  },
};

export const USAGE = `npm run chaos -- [--short] [--echo] [--log-level LEVEL]

Runs Seatstorm as separate processes (auth, catalog, booking, payment,
notification, two gateways) over a private Kafka, PostgreSQL and Redis, sells
an event behind a waiting room while SIGKILLing each service in turn and restarting the broker,
Redis and PostgreSQL, and checks the books after each fault. The full form
(default) kills one process at a time and goes round ${FORMS.full.rounds} times; --short
goes round once and kills some processes together, for CI. Writes
{"passed","failed"} to $REPORT when set; exits non-zero if an invariant broke.`;

export function readOptions(argv: string[] = process.argv.slice(2)): ChaosOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      short: { type: 'boolean', default: false },
      echo: { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const form = values.short ? 'short' : 'full';
  return { form, ...FORMS[form], echo: values.echo, logLevel: values['log-level'] };
}
