import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pollUntil } from '@seatstorm/infra';

const START_TIMEOUT_MS = 15_000;

export interface PrivateRedis {
  url: string;
  /** SIGKILL, as a crash would: what it acknowledged is in its append-only file. Resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A redis-server of a chaos run's own on `port`, a child of this process:
 * killed and started again by the run, which it must never do to the
 * machine's shared Redis. It runs as the compose file runs production's:
 * every write appended to a file (fsync every second), so the waiting rooms'
 * queues survive a restart (docs/architecture.md §8).
 */
export async function startPrivateRedis(port: number): Promise<PrivateRedis> {
  const url = `redis://127.0.0.1:${port}`;
  const dir = await mkdtemp(join(tmpdir(), 'seatstorm-chaos-redis-'));
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', dir],
      { stdio: 'ignore' },
    );
    child = started;
    exited = once(started, 'exit').catch(() => undefined);
    const answered = await pollUntil(() => answers(url), { timeoutMs: START_TIMEOUT_MS, intervalMs: 100 });
    if (!answered) throw new Error(`the chaos run's redis-server did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s`);
  };
  const kill = async () => {
    child?.kill('SIGKILL');
    await exited;
    child = undefined;
  };
  await start();
  return {
    url,
    kill,
    start,
    async stop() {
      await kill();
      process.off('exit', killOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
