import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { baseUrl, gatewayUrl, secondGatewayUrl } from '../helpers/env';

/**
 * The stack under test, one operating-system process per part, so that a
 * spec can stop and start the booking service or the gateway the way an
 * operator (or a crash) would. The global setup starts every part; the
 * global teardown stops them. Parts run from the built code (backend/dist,
 * web/.next) with the environment `npm run test:e2e` prepared; each part
 * records its process group in a pid file, so any Playwright worker can
 * control it.
 */
export type StackPart = 'services' | 'booking' | 'gateway' | 'gateway-2' | 'web';

const ROOT = resolve(__dirname, '../..');
const STATE_DIR = resolve(ROOT, process.env.E2E_STATE_DIR ?? '.data/e2e');
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

interface PartSpec {
  command: string[];
  env: Record<string, string>;
  /** The port it serves on, if any: it must be free before the part starts. */
  port?: number;
  /** Resolves true when the part serves; `log` is what it printed since this start. */
  ready(log: string): Promise<boolean>;
}

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
  command: ['node', '--enable-source-maps', 'backend/dist/main.js'],
  env: { SERVICES: services, ...RELAXED_RATE_LIMITS },
  ready: async (log) => log.includes(BACKEND_READY),
});

/** A gateway on the port of `url`: the browser talks to the first; the second shares its Kafka group and Redis adapter. */
const gateway = (url: string): PartSpec => ({
  ...backend('gateway'),
  env: { ...backend('gateway').env, GATEWAY_PORT: new URL(url).port },
  port: Number(new URL(url).port),
  ready: async (log) => log.includes(BACKEND_READY) && (await answers(`${url}/health`)),
});

const PARTS: Record<StackPart, PartSpec> = {
  // Everything the gateways ask over Kafka, and the payment saga.
  services: backend('auth,catalog,payment,notification'),
  booking: backend('booking'),
  gateway: gateway(gatewayUrl()),
  'gateway-2': gateway(secondGatewayUrl()),
  web: {
    command: ['npm', 'run', '--silent', 'start', '-w', '@seatstorm/web'],
    env: {},
    port: Number(new URL(baseUrl()).port),
    ready: () => answers(`${baseUrl()}/login`),
  },
};

/** In start order: the services the gateway calls come up before it. */
export const STACK_PARTS: readonly StackPart[] = ['services', 'booking', 'gateway', 'gateway-2', 'web'];

const pidFile = (part: StackPart) => resolve(STATE_DIR, `${part}.pid`);
export const logFile = (part: StackPart) => resolve(STATE_DIR, `${part}.log`);

function logSince(part: StackPart, offset: number): string {
  try {
    return readFileSync(logFile(part), 'utf8').slice(offset);
  } catch {
    return '';
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolvePort(true);
    });
    socket.once('error', () => resolvePort(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pidOf(part: StackPart): number | null {
  if (!existsSync(pidFile(part))) return null;
  const pid = Number(readFileSync(pidFile(part), 'utf8'));
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts one part and resolves when it serves; fails with the end of its log when it exits or takes too long. */
export async function startPart(part: StackPart): Promise<void> {
  if (pidOf(part) !== null) throw new Error(`${part} is already running`);
  mkdirSync(STATE_DIR, { recursive: true });
  const spec = PARTS[part];
  // Something else answering there (a stack left from an interrupted run) would pass for this part.
  if (spec.port !== undefined && (await listening(spec.port))) {
    throw new Error(`${part}: port ${spec.port} is already in use by another process; stop it (or a stack left from an earlier run) first`);
  }
  const logFrom = existsSync(logFile(part)) ? statSync(logFile(part)).size : 0;
  const out = openSync(logFile(part), 'a');
  const [command, ...args] = spec.command;
  // A process group of its own: stopping the part stops its children too (npm → next-server).
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  child.unref();
  writeFileSync(pidFile(part), String(child.pid));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await spec.ready(logSince(part, logFrom)))) {
    if (!alive(child.pid!)) throw new Error(`${part} exited during start-up:\n${logSince(part, logFrom).slice(-3_000)}`);
    if (Date.now() > deadline) throw new Error(`${part} did not start within ${START_TIMEOUT_MS / 1000} s:\n${logSince(part, logFrom).slice(-3_000)}`);
    await sleep(250);
  }
}

/** Stops one part as an operator would (SIGTERM: it finishes what it started and leaves its consumer groups), and waits until it is gone. */
export async function stopPart(part: StackPart): Promise<void> {
  const pid = pidOf(part);
  rmSync(pidFile(part), { force: true });
  if (pid === null) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      signal('SIGKILL');
      break;
    }
    await sleep(100);
  }
}

export async function startStack(): Promise<void> {
  for (const part of STACK_PARTS) await startPart(part);
}

export async function stopStack(): Promise<void> {
  for (const part of [...STACK_PARTS].reverse()) await stopPart(part);
}
