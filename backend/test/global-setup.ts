import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase, infraUp } from '@seatstorm/infra';
import { TEST_DATABASE_URL } from './test-env';

const repoRoot = resolve(__dirname, '../..');

/**
 * Brings up the real infrastructure once per integration run (Kafka from the
 * project's launcher, PostgreSQL and Redis), then rebuilds the test database
 * from the migrations and seeds it, so every run starts from exactly
 * docs/architecture.md §7's data, whatever earlier runs left behind. Also
 * builds the contracts and the backend (≈ 3 s): tests that run services as
 * separate processes (test/service-process.ts) run `backend/dist`, which must
 * be the code under test, not an older build.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // A database of this run's own, unless one was given (TEST_DATABASE_URL).
  const url = process.env.TEST_DATABASE_URL ?? `${TEST_DATABASE_URL}_${process.pid}`;
  process.env.TEST_DATABASE_URL = url;
  await prepare(url);
  return async () => {
    if (url !== TEST_DATABASE_URL && !process.env.KEEP_TEST_DATABASE) await dropDatabase(url);
  };
}

async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same preparation for any database (the benchmarks use one of their own). */
export async function prepare(databaseUrl: string): Promise<void> {
  await infraUp();
  await prepareDatabase(databaseUrl);
}

/**
 * The database migrated (and seeded, unless `seed` is false), and the code
 * under test built, on a server that is already up: the project's, or one of
 * a run's own (the chaos run's private PostgreSQL, new and empty, which
 * builds its own events and people and has no use for the 50,000-seat seed).
 */
export async function prepareDatabase(databaseUrl: string, { seed = true }: { seed?: boolean } = {}): Promise<void> {
  await ensureDatabase(databaseUrl);
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  const run = (script: string, workspace: string) =>
    execFileSync('npm', ['run', '--silent', script, '-w', workspace], { cwd: repoRoot, env, stdio: 'inherit' });
  run(seed ? 'reset' : 'migrate', '@seatstorm/prisma');
  try {
    run('build', '@seatstorm/contracts');
  } catch (error) {
    // tsc exits 2 when it found type errors but still wrote the output: those
    // fail `npm run typecheck`; the tests can run on what was emitted.
    if ((error as { status?: number }).status !== TSC_ERRORS_BUT_EMITTED) throw error;
  }
  run('build', '@seatstorm/backend');
}

const TSC_ERRORS_BUT_EMITTED = 2;
