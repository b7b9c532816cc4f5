import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { addressOf } from './env';
import { InfraError, isNothingListening, messageOf } from './errors';
import { readTextIfExists, tailFile } from './files';
import type { Logger } from './log';
import { displayPath, paths, REPO_ROOT } from './paths';
import { isLocalHost } from './ports';
import { commandLineOf, isRunning, runCommand, stopProcess, type StopOutcome } from './process';
import type { ComponentStatus, StartedBy } from './status';
import { forgetStarted, readState, updateState, type StartedProcess } from './state';
import { pollUntil } from './wait';

const DEFAULT_PORT = 6379;
const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 10_000;

type RedisProbe = { kind: 'up'; pid: number | undefined } | { kind: 'nothing-listening' } | { kind: 'failed'; message: string };

export interface RedisUpResult {
  address: string;
  startedBy: StartedBy;
}

/** Uses the Redis at `url`; when nothing listens on this machine, starts one. */
export async function upRedis(url: string, log: Logger): Promise<RedisUpResult> {
  const address = addressOf(url, DEFAULT_PORT);
  const probe = await probeRedis(url);
  if (probe.kind === 'failed') {
    throw new InfraError(`redis: something listens at ${address} but does not answer as REDIS_URL expects: ${probe.message}`);
  }
  if (probe.kind === 'up') {
    const ours = runningOwnRedis();
    log(`redis: up at ${address} (${ours ? `started by infra, pid ${ours.pid}` : 'not started by infra'})`);
    return { address, startedBy: ours ? 'infra' : 'external' };
  }
  await startRedis(url, address, log);
  return { address, startedBy: 'infra' };
}

async function startRedis(url: string, address: string, log: Logger): Promise<void> {
  const { hostname, port } = new URL(url);
  if (!isLocalHost(hostname)) {
    throw new InfraError(`redis: nothing answers at ${address}, and a server is only started here on 127.0.0.1`);
  }
  const installed = await runCommand('redis-server', ['--version'], { timeoutMs: 10_000 });
  if (!installed.found) {
    throw new InfraError(
      `redis: nothing answers at ${address} and redis-server is not installed: install it (apt-get install redis-server), ` +
        'point REDIS_URL at a running Redis, or run `docker compose up`',
    );
  }
  mkdirSync(paths.redis.dataDir, { recursive: true });
  const started = await runCommand(
    'redis-server',
    [
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '--port',
      port || String(DEFAULT_PORT),
      // A cache and a pub/sub bus here: nothing worth writing to disk.
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      paths.redis.dataDir,
      '--pidfile',
      paths.redis.pidFile,
      '--logfile',
      paths.redis.logFile,
    ],
    { timeoutMs: 15_000, cwd: REPO_ROOT },
  );
  if (started.code !== 0) {
    throw new InfraError(`redis: redis-server failed to start:\n${started.output.trim()}`);
  }
  const answered = await pollUntil(async () => (await probeRedis(url)).kind === 'up', { timeoutMs: START_TIMEOUT_MS });
  if (!answered) {
    throw new InfraError(
      `redis: started, but nothing answered at ${address} within ${START_TIMEOUT_MS / 1000} s. ` +
        `Last lines of ${displayPath(paths.redis.logFile)}:\n${tailFile(paths.redis.logFile, 20).join('\n')}`,
    );
  }
  const pid = Number(readTextIfExists(paths.redis.pidFile)?.trim());
  updateState((state) => ({ ...state, redis: { pid, address, startedAt: new Date().toISOString() } }));
  log(`redis: started at ${address} (pid ${pid})`);
}

export interface RedisDownResult {
  outcome: StopOutcome | 'not-ours';
}

/** Stops Redis only if this launcher started it; the machine's own Redis stays. */
export async function downRedis(log: Logger): Promise<RedisDownResult> {
  const ours = readState().redis;
  if (!ours) {
    log('redis: not started by infra, left alone');
    return { outcome: 'not-ours' };
  }
  const outcome = isOwnRedisProcess(ours.pid) ? await stopProcess(ours.pid, { graceMs: STOP_GRACE_MS }) : 'not-running';
  forgetStarted('redis');
  log(outcome === 'not-running' ? 'redis: was not running' : `redis: stopped (pid ${ours.pid})`);
  return { outcome };
}

export async function redisStatus(url: string): Promise<ComponentStatus> {
  const address = addressOf(url, DEFAULT_PORT);
  const probe = await probeRedis(url);
  const ours = runningOwnRedis();
  const status: ComponentStatus = {
    up: probe.kind === 'up',
    address,
    startedBy: ours ? 'infra' : 'external',
    detail: probe.kind === 'failed' ? probe.message : '',
  };
  const pid = probe.kind === 'up' ? (probe.pid ?? ours?.pid) : ours?.pid;
  if (pid !== undefined) status.pid = pid;
  return status;
}

async function probeRedis(url: string): Promise<RedisProbe> {
  // One attempt, quickly: this is a probe, not a client that should ride out an outage.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // A failed connect rejects with a bare "Connection is closed"; the cause
  // (e.g. ECONNREFUSED) only comes through the error event.
  let cause: unknown;
  client.on('error', (error: unknown) => {
    cause = error;
  });
  try {
    await client.connect();
    await client.ping();
    const info = await client.info('server').catch(() => '');
    const pid = /^process_id:(\d+)/m.exec(info)?.[1];
    return { kind: 'up', pid: pid === undefined ? undefined : Number(pid) };
  } catch (error) {
    const reason = cause ?? error;
    return isNothingListening(reason) ? { kind: 'nothing-listening' } : { kind: 'failed', message: messageOf(reason) };
  } finally {
    client.disconnect();
  }
}

function runningOwnRedis(): StartedProcess | undefined {
  const ours = readState().redis;
  if (!ours) return undefined;
  if (isOwnRedisProcess(ours.pid)) return ours;
  forgetStarted('redis');
  return undefined;
}

function isOwnRedisProcess(pid: number): boolean {
  if (!isRunning(pid)) return false;
  return commandLineOf(pid)?.includes('redis-server') ?? true;
}
