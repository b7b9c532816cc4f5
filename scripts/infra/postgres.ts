import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { addressOf } from './env';
import { InfraError, isNothingListening, messageOf } from './errors';
import type { Logger } from './log';
import { isLocalHost } from './ports';
import { runCommand } from './process';
import { readState, updateState } from './state';
import type { ComponentStatus, StartedBy } from './status';
import { pollUntil } from './wait';

const DEFAULT_PORT = 5432;
const CLUSTERS_DIR = '/etc/postgresql';
const START_TIMEOUT_MS = 30_000;

type PostgresProbe = { kind: 'up' } | { kind: 'nothing-listening' } | { kind: 'failed'; message: string };

export interface PostgresUpResult {
  address: string;
  database: string;
  databaseCreated: boolean;
  startedBy: StartedBy;
}

/**
 * Uses the server at `url`; when nothing listens on this machine, starts the
 * machine's own cluster. Then creates the database named in the URL.
 */
export async function upPostgres(url: string, log: Logger): Promise<PostgresUpResult> {
  const address = addressOf(url, DEFAULT_PORT);
  let probe = await probePostgres(url);
  let startedNow = false;
  if (probe.kind === 'nothing-listening' && isLocalHost(new URL(url).hostname)) {
    const start = await startLocalCluster(log);
    if (start.kind === 'already-running') {
      throw new InfraError(
        `postgres: nothing answers at ${address}, yet the local cluster ${start.cluster} is running: ` +
          'check the port in DATABASE_URL (`pg_lsclusters` shows the port the cluster listens on)',
      );
    }
    if (start.kind === 'started') {
      startedNow = true;
      await pollUntil(async () => (probe = await probePostgres(url)).kind === 'up', { timeoutMs: START_TIMEOUT_MS });
    }
  }
  if (probe.kind === 'failed') {
    throw new InfraError(`postgres: cannot use the server at ${address}: ${probe.message}`);
  }
  if (probe.kind === 'nothing-listening') {
    throw new InfraError(
      startedNow
        ? `postgres: the local cluster started, but nothing answered at ${address} within ${START_TIMEOUT_MS / 1000} s ` +
            '(see /var/log/postgresql/ and `pg_lsclusters`)'
        : `postgres: nothing answers at ${address}. Install and start PostgreSQL ` +
            '(apt-get install postgresql; pg_ctlcluster 15 main start), ' +
            'point DATABASE_URL at a running server, or run `docker compose up`',
    );
  }
  const { database, created } = await ensureDatabase(url);
  const startedBy: StartedBy = startedNow || readState().postgres ? 'infra' : 'external';
  log(`postgres: up at ${address}, database ${database} ${created ? 'created' : 'present'}`);
  return { address, database, databaseCreated: created, startedBy };
}

/**
 * Creates the database named in `url` unless it exists (it connects to the
 * server's `postgres` database to do so). Safe to call concurrently.
 */
export async function ensureDatabase(url: string): Promise<{ database: string; created: boolean }> {
  const database = databaseOf(url);
  try {
    const created = await withMaintenanceClient(url, async (client) => {
      if (await databaseExists(client, database)) return false;
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
      return true;
    });
    return { database, created };
  } catch (error) {
    // Another caller created it between our check and our CREATE.
    if (isPgError(error, '42P04')) return { database, created: false };
    const hint = isNothingListening(error) ? ' (is PostgreSQL running? `npm run infra:up` starts it)' : '';
    throw new InfraError(`postgres: could not create database ${database} at ${addressOf(url, DEFAULT_PORT)}: ${messageOf(error)}${hint}`);
  }
}

export async function postgresStatus(url: string): Promise<ComponentStatus> {
  const address = `${addressOf(url, DEFAULT_PORT)}/${databaseOf(url)}`;
  const startedBy: StartedBy = readState().postgres ? 'infra' : 'external';
  const probe = await probePostgres(url);
  if (probe.kind !== 'up') {
    return { up: false, address, startedBy, detail: probe.kind === 'failed' ? probe.message : '' };
  }
  const exists = await withMaintenanceClient(url, (client) => databaseExists(client, databaseOf(url))).catch(() => false);
  return { up: true, address, startedBy, detail: exists ? 'database present' : 'database missing' };
}

type ClusterStart = { kind: 'started' | 'already-running'; cluster: string } | { kind: 'unavailable' };

/**
 * Starts the newest cluster under /etc/postgresql (Debian's layout) and
 * records that we did, for `status`.
 */
async function startLocalCluster(log: Logger): Promise<ClusterStart> {
  const version = newestClusterVersion();
  if (version === undefined) return { kind: 'unavailable' };
  const cluster = `${version} main`;
  log(`postgres: nothing answers; starting the local cluster (pg_ctlcluster ${cluster} start)…`);
  const result = await runCommand('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
    timeoutMs: 60_000,
  });
  if (!result.found) return { kind: 'unavailable' };
  // pg_ctlcluster's exit code 2: the cluster is already running.
  if (result.code === 2) return { kind: 'already-running', cluster };
  if (result.code !== 0) {
    throw new InfraError(`postgres: pg_ctlcluster ${cluster} start failed:\n${result.output.trim()}`);
  }
  updateState((state) => ({ ...state, postgres: { how: `pg_ctlcluster ${cluster} start`, startedAt: new Date().toISOString() } }));
  return { kind: 'started', cluster };
}

function newestClusterVersion(): string | undefined {
  if (!existsSync(CLUSTERS_DIR)) return undefined;
  return readdirSync(CLUSTERS_DIR)
    .filter((name) => /^\d+(\.\d+)?$/.test(name) && existsSync(join(CLUSTERS_DIR, name, 'main')))
    .sort((a, b) => Number(b) - Number(a))[0];
}

async function probePostgres(url: string): Promise<PostgresProbe> {
  try {
    await withMaintenanceClient(url, (client) => client.query('SELECT 1'));
    return { kind: 'up' };
  } catch (error) {
    return isNothingListening(error) ? { kind: 'nothing-listening' } : { kind: 'failed', message: messageOf(error) };
  }
}

async function withMaintenanceClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: maintenanceUrl(url), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function databaseExists(client: Client, database: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  return Boolean(rowCount);
}

function databaseOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new InfraError('DATABASE_URL names no database (expected …/seatstorm at the end)');
  return name;
}

/** Same server and credentials, but the `postgres` database, which always exists. */
function maintenanceUrl(url: string): string {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return maintenance.toString();
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function isPgError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === code;
}
