import { readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '@seatstorm/infra';

/** Debian's PostgreSQL 15, the server the machines run (docs: TOOLCHAIN). */
const BIN = process.env.CHAOS_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
/** initdb and the server refuse to run as root: then they run as this account, over a directory it owns. */
const SERVER_ACCOUNT = 'postgres';
const TIMEOUT_MS = 60_000;

export interface PrivatePostgres {
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  urlOf(database: string): string;
  /** Stops the server: `fast` (as an operator would) or `immediate` (as a crash would: no checkpoint, WAL replayed at the next start). */
  stopServer(mode: 'fast' | 'immediate'): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server and removes its cluster. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of a chaos run's own, in a temporary directory, on
 * `port`, trusting local connections: the run stops and restarts it, which it
 * must never do to the machine's shared server.
 */
export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'seatstorm-chaos-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) await chown(dir, ...(await accountIds(SERVER_ACCOUNT)));
  const run = async (tool: string, args: string[]) => {
    const [command, commandArgs] = asRoot ? ['runuser', ['-u', SERVER_ACCOUNT, '--', join(BIN, tool), ...args]] : [join(BIN, tool), args];
    const result = await runCommand(command, commandArgs, { timeoutMs: TIMEOUT_MS, cwd: dir });
    if (result.code !== 0) throw new Error(`${tool} ${args.join(' ')} failed (exit ${result.code}):\n${result.output}`);
  };
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', data, ...args]);
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const startServer = () =>
    pgCtl(
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      String(TIMEOUT_MS / 1000),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`,
      'start',
    );
  const stopServer = (mode: 'fast' | 'immediate') => pgCtl('-m', mode, '-w', 'stop');
  // pg_ctl leaves the server running in the background: should this run end without `destroy`, it goes too.
  const stopOnExit = () => {
    try {
      process.kill(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGQUIT');
    } catch {
      // Not running.
    }
  };
  process.on('exit', stopOnExit);
  await startServer();
  return {
    urlOf: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stopServer,
    startServer,
    async destroy() {
      await stopServer('immediate').catch(() => undefined);
      process.off('exit', stopOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function accountIds(account: string): Promise<[number, number]> {
  const [uid, gid] = await Promise.all(['-u', '-g'].map(async (flag) => Number((await runCommand('id', [flag, account], { timeoutMs: 5_000 })).output.trim())));
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`the account "${account}" that runs PostgreSQL does not exist`);
  return [uid!, gid!];
}
