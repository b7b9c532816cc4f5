import { parseArgs } from 'node:util';

export type BenchPart = 'e2e' | 'core';

export interface BenchOptions {
  parts: BenchPart[];
  /** End-to-end: concurrent REST clients, for how long, as how many users, on one event of `seats` seats. */
  clients: number;
  seconds: number;
  users: number;
  seats: number;
  /** Booking core: hold commands published straight to booking.commands, over `events` events of `seats` seats. */
  commands: number;
  /** Commands of an unmeasured first round of the booking core. */
  warmup: number;
  events: number;
  /** Messages per produce request. */
  sendBatch: number;
  /** Give up waiting for the core's decisions after this long. */
  coreTimeoutSeconds: number;
  databaseUrl: string;
  /** LOG_LEVEL of the services: every request logged at `info` costs the gateway noticeably. */
  logLevel: string;
  /** Write CPU profiles of the services (node --cpu-prof) to this directory. */
  cpuProfDir?: string;
  /** Echo the services' output. */
  verbose: boolean;
  /** `private`: a throw-away broker of the bench's own; `shared`: the project's broker (KAFKA_BROKERS). */
  broker: 'private' | 'shared';
}

/** Each option: its flag, its environment variable and its default. */
const SPEC = {
  only: { env: 'BENCH_ONLY', default: 'e2e,core' },
  clients: { env: 'BENCH_CLIENTS', default: '64' },
  seconds: { env: 'BENCH_SECONDS', default: '20' },
  users: { env: 'BENCH_USERS', default: '200' },
  seats: { env: 'BENCH_SEATS', default: '2000' },
  commands: { env: 'BENCH_COMMANDS', default: '50000' },
  warmup: { env: 'BENCH_WARMUP', default: '10000' },
  events: { env: 'BENCH_EVENTS', default: '24' },
  'send-batch': { env: 'BENCH_SEND_BATCH', default: '1000' },
  'core-timeout': { env: 'BENCH_CORE_TIMEOUT', default: '300' },
  'database-url': { env: 'BENCH_DATABASE_URL', default: 'postgresql://postgres@127.0.0.1:5432/seatstorm_bench' },
  'log-level': { env: 'BENCH_LOG_LEVEL', default: 'warn' },
  'cpu-prof': { env: 'BENCH_CPU_PROF', default: '' },
  broker: { env: 'BENCH_BROKER', default: 'private' },
} as const;
type Flag = keyof typeof SPEC;

export const USAGE = `npm run bench:holds -- [--only e2e|core] [--clients N] [--seconds N] [--users N] [--seats N]
    [--commands N] [--warmup N] [--events N] [--send-batch N] [--core-timeout S] [--database-url URL] [--log-level L]
    [--cpu-prof DIR] [--broker private|shared] [--verbose]
Every flag also reads BENCH_<NAME> (e.g. BENCH_CLIENTS); the bench database is dropped and recreated.
The bench runs its own throw-away Kafka broker by default: on the project's broker (--broker shared),
every running stack's consumers also fetch the bench's messages (and skip them), and theirs are in the numbers.`;

export function readOptions(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = Object.fromEntries(Object.keys(SPEC).map((flag) => [flag, { type: 'string' }])) as Record<Flag, { type: 'string' }>;
  const { values } = parseArgs({ args: argv, options: { ...flags, verbose: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const text = (flag: Flag): string => {
    const value = values[flag];
    return typeof value === 'string' ? value : (env[SPEC[flag].env] ?? SPEC[flag].default);
  };
  const count = (flag: Flag, min = 1): number => {
    const value = Number(text(flag));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${flag} must be a whole number of at least ${min}, got "${text(flag)}"`);
    return value;
  };
  const broker = text('broker');
  if (broker !== 'private' && broker !== 'shared') throw new Error(`--broker takes private or shared, got "${broker}"`);
  const parts = text('only')
    .split(',')
    .map((part) => part.trim());
  const unknown = parts.filter((part) => part !== 'e2e' && part !== 'core');
  if (unknown.length > 0 || parts.length === 0) throw new Error(`--only takes e2e, core or both, got "${text('only')}"`);
  return {
    parts: parts as BenchPart[],
    clients: count('clients'),
    seconds: count('seconds'),
    users: count('users'),
    seats: count('seats'),
    commands: count('commands'),
    warmup: count('warmup', 0),
    events: count('events'),
    sendBatch: count('send-batch'),
    coreTimeoutSeconds: count('core-timeout'),
    databaseUrl: text('database-url'),
    logLevel: text('log-level'),
    cpuProfDir: text('cpu-prof') || undefined,
    verbose: values.verbose === true || env.BENCH_VERBOSE === 'true',
    broker,
  };
}

/** The command that reproduces a run. */
export function commandOf(options: BenchOptions): string {
  const flags = [
    `--only ${options.parts.join(',')}`,
    ...(options.parts.includes('e2e') ? [`--clients ${options.clients}`, `--seconds ${options.seconds}`] : []),
    `--users ${options.users}`,
    `--seats ${options.seats}`,
    ...(options.parts.includes('core')
      ? [`--commands ${options.commands}`, `--warmup ${options.warmup}`, `--events ${options.events}`, `--send-batch ${options.sendBatch}`]
      : []),
    `--log-level ${options.logLevel}`,
    `--broker ${options.broker}`,
  ];
  return `npm run bench:holds -- ${flags.join(' ')}`;
}
