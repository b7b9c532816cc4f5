import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isRunning, launch, stopProcess, type LaunchOptions } from '@seatstorm/infra';
import { baseUrl, gatewayUrl, secondGatewayUrl } from '../helpers/env';

/**
 * The stack under test, one operating-system process per part, so that a
 * spec can stop and start the booking service or the gateway the way an
 * operator (or a crash) would. The global setup starts every part; the
 * global teardown stops them. Parts run from the built code (backend/dist,
 * web/.next-e2e) with the environment `npm run test:e2e` prepared, through the
 * launcher every harness shares (@seatstorm/infra); each part records its
 * process group in a pid file, so any Playwright worker can control it.
 */
export type StackPart = 'services' | 'booking' | 'gateway' | 'gateway-2' | 'web';

const ROOT = resolve(__dirname, '../..');
const STATE_DIR = resolve(ROOT, process.env.E2E_STATE_DIR ?? '.data/e2e');
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

/** How each part is run; `port` must be free before it starts. */
type PartSpec = Pick<LaunchOptions, 'command' | 'args' | 'env' | 'port' | 'ready'>;

// backend/main.ts prints this line once every service of the process has started (consumers joined).
const BACKEND_READY = 'seatstorm ready';

/**
 * The specs hold and register many times a minute with few accounts, all from
 * 127.0.0.1 (the browser's own address, which the web server forwards too), so
 * those rate limits are raised out of their reach; the limits have integration
 * tests of their own (backend/apps/gateway/src/rate-limits).
 */
const RELAXED_RATE_LIMITS = { HOLD_RATE_LIMIT: '1000000', HOLD_RATE_LIMIT_PER_IP: '1000000', REGISTER_RATE_LIMIT_PER_IP: '1000000' };

const backend = (services: string): PartSpec => ({
  command: 'node',
  args: ['--enable-source-maps', 'backend/dist/main.js'],
  env: { SERVICES: services, ...RELAXED_RATE_LIMITS },
  ready: { line: BACKEND_READY },
});

/** A gateway on the port of `url`: the browser talks to the first; the second shares its Kafka group and Redis adapter. */
const gateway = (url: string): PartSpec => ({
  ...backend('gateway'),
  env: { ...backend('gateway').env, GATEWAY_PORT: new URL(url).port },
  port: Number(new URL(url).port),
  ready: { line: BACKEND_READY, url: `${url}/health` },
});

const PARTS: Record<StackPart, PartSpec> = {
  // Everything the gateways ask over Kafka, the payment saga, and the sales figures.
  services: backend('auth,catalog,payment,notification,analytics'),
  booking: backend('booking'),
  gateway: gateway(gatewayUrl()),
  'gateway-2': gateway(secondGatewayUrl()),
  web: {
    command: 'npm',
    args: ['run', '--silent', 'start', '-w', '@seatstorm/web'],
    port: Number(new URL(baseUrl()).port),
    ready: { url: `${baseUrl()}/login` },
  },
};

/** In start order: the services the gateway calls come up before it. */
export const STACK_PARTS: readonly StackPart[] = ['services', 'booking', 'gateway', 'gateway-2', 'web'];

const pidFile = (part: StackPart) => resolve(STATE_DIR, `${part}.pid`);
export const logFile = (part: StackPart) => resolve(STATE_DIR, `${part}.log`);

function pidOf(part: StackPart): number | null {
  if (!existsSync(pidFile(part))) return null;
  const pid = Number(readFileSync(pidFile(part), 'utf8'));
  return Number.isInteger(pid) && pid > 0 && isRunning(pid) ? pid : null;
}

/**
 * Starts one part, in a process group of its own that outlives this process
 * (its log in the state folder), and resolves when it serves; fails with the
 * end of its log when it exits or takes too long.
 */
export async function startPart(part: StackPart): Promise<void> {
  if (pidOf(part) !== null) throw new Error(`${part} is already running`);
  mkdirSync(STATE_DIR, { recursive: true });
  const launched = await launch({ ...PARTS[part], name: part, cwd: ROOT, logFile: logFile(part), readyTimeoutMs: START_TIMEOUT_MS });
  writeFileSync(pidFile(part), String(launched.pid));
}

/** Stops one part as an operator would (SIGTERM: it finishes what it started and leaves its consumer groups), and waits until it is gone. */
export async function stopPart(part: StackPart): Promise<void> {
  const pid = pidOf(part);
  rmSync(pidFile(part), { force: true });
  if (pid !== null) await stopProcess(pid, { graceMs: STOP_TIMEOUT_MS, group: true });
}

export async function startStack(): Promise<void> {
  for (const part of STACK_PARTS) await startPart(part);
}

export async function stopStack(): Promise<void> {
  for (const part of [...STACK_PARTS].reverse()) await stopPart(part);
}
