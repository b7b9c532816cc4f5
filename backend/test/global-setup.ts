import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureDatabase, infraUp } from '../../scripts/infra';
import { TEST_DATABASE_URL } from './test-env';

const repoRoot = resolve(__dirname, '../..');

/**
 * Brings up the real infrastructure once per integration run (Kafka from the
 * project's launcher, PostgreSQL and Redis), then migrates and seeds the test
 * database so every file starts from docs/architecture.md §7's data.
 */
export default async function setup(): Promise<void> {
  await infraUp();
  await ensureDatabase(TEST_DATABASE_URL);
  const env = { ...process.env, DATABASE_URL: TEST_DATABASE_URL };
  for (const script of ['migrate', 'seed']) {
    execFileSync('npm', ['run', '--silent', script, '-w', '@seatstorm/prisma'], { cwd: repoRoot, env, stdio: 'inherit' });
  }
}
