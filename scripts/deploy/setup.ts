/**
 * The compose deployment's one-shot `setup` container: creates the contract's
 * topics on the broker at KAFKA_BROKERS, applies the migrations to
 * DATABASE_URL and, only when SEED_DEMO_DATA=true, seeds the demo venues and
 * events (never demo users: they exist in demo mode only, which production
 * refuses).
 *
 * Unlike `npm run infra:up`, it starts nothing and writes nothing beside
 * itself: the image's tree is root-owned and this runs as an unprivileged
 * user. The image runs it bundled (scripts/deploy/build.mjs):
 *
 *   node scripts/deploy/dist/setup.js
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { allTopicSpecs } from '../../backend/libs/contracts/src/index';
import { ensureTopics, kafkaAnswers, pollUntil, warmUpGroupCoordinator } from '@seatstorm/infra';

/** How long a broker that only just reported healthy gets to answer, and then to have its group coordinator. */
const KAFKA_WAIT_MS = 60_000;

// The bundle lives in scripts/deploy/dist/; the repository (or image) root is three levels up.
const ROOT = resolve(__dirname, '..', '..', '..');

function log(message: string): void {
  process.stdout.write(`[setup] ${message}\n`);
}

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function flag(name: string): boolean {
  const value = (process.env[name] ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new Error(`${name} must be true or false, got "${process.env[name]}"`);
}

function runNode(label: string, args: string[], cwd: string): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.error) throw new Error(`${label}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${label} failed (exit code ${result.status ?? result.signal})`);
  log(`${label} in ${Date.now() - started} ms`);
}

async function createTopics(brokers: string[]): Promise<void> {
  if (!(await pollUntil(() => kafkaAnswers(brokers), { timeoutMs: KAFKA_WAIT_MS, intervalMs: 1_000 }))) {
    throw new Error(`no Kafka broker answered at ${brokers.join(',')} within ${KAFKA_WAIT_MS / 1000} s`);
  }
  const report = await ensureTopics(brokers, allTopicSpecs());
  // A new broker creates its consumer-offsets topic on the first group request and answers "no
  // coordinator" until it is ready: the services' first consumers would wait for it all the same.
  await warmUpGroupCoordinator(brokers, KAFKA_WAIT_MS).catch((error: unknown) => {
    throw new Error(
      `the broker at ${brokers.join(',')} has no group coordinator after ${KAFKA_WAIT_MS / 1000} s: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  log(`topics: ${report.total} ready (${report.created.length} created${report.grown.length > 0 ? `, partitions added to ${report.grown.join(', ')}` : ''})`);
}

async function main(): Promise<void> {
  const brokers = required('KAFKA_BROKERS')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  required('DATABASE_URL');
  const seed = flag('SEED_DEMO_DATA');

  await createTopics(brokers);
  // The Prisma CLI reads prisma.config.ts from its working directory.
  runNode('migrations', [join(ROOT, 'prisma/scripts/with-env.mjs'), 'prisma', 'migrate', 'deploy'], join(ROOT, 'prisma'));
  if (seed) {
    runNode('demo venues and events', [join(__dirname, 'seed.js')], ROOT);
  } else {
    log('demo data: not seeded (SEED_DEMO_DATA is not true)');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[setup] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
