/**
 * The compose `setup` container, run as the image runs it: over a root-owned
 * copy of what backend/Dockerfile puts in the image, as an unprivileged user
 * (`nobody`), against a Kafka broker of its own (empty, as compose's is on the
 * first start) and a database of its own on the local PostgreSQL. Nothing
 * shared is touched: the broker is private, and the only database created or
 * dropped is this run's.
 *
 * The image is replayed, not re-described: the build stage's RUN line runs in
 * this checkout (whose node_modules is the build stage's full install), the
 * deps stage's COPY and `npm ci --omit=dev` lines run in a scratch folder, and
 * the runtime stage's COPY lines assemble the image's /app from both.
 *
 *   npx tsx scripts/deploy/check-setup.ts        (as root; REPORT=<file> writes {passed, failed})
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, chownSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { allTopicSpecs } from '../../backend/libs/contracts/src/index';
import { ensureKafkaJars, kafkaAnswers, LOG4J_PROPERTIES, pollUntil, requireJava, serverProperties } from '@seatstorm/infra';

const ROOT = resolve(__dirname, '..', '..');
const DOCKERFILE = join(ROOT, 'backend/Dockerfile');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const SETUP_COMMAND = ['node', 'scripts/deploy/dist/setup.js'];
const UNPRIVILEGED = 'nobody';
const POSTGRES = process.env.SETUP_CHECK_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = `seatstorm_setup_check_${process.pid}`;
const DATABASE_URL = `${POSTGRES}/${DATABASE}`;
const KAFKA_CLIENT_ID = `seatstorm-setup-check-${process.pid}`;
const DEMO_EVENTS = ['evt_eras', 'evt_sheeran', 'evt_jazz', 'evt_stadium'];

let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail = ''): boolean {
  if (ok) passed += 1;
  else failed += 1;
  process.stdout.write(`${ok ? '  ✓' : '  ✗'} ${name}${!ok && detail ? `\n      ${detail.trim().split('\n').slice(-25).join('\n      ')}` : ''}\n`);
  return ok;
}

async function timed<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  process.stdout.write(`  · ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  return spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

// ── The Dockerfile, replayed ──

interface Stage {
  name: string;
  lines: string[];
}

/** The Dockerfile's stages, each with its instructions (continuation lines joined). */
function stagesOf(dockerfile: string): Stage[] {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from) stages.push({ name: from[1]!, lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}

function stage(stages: Stage[], name: string): Stage {
  const found = stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`backend/Dockerfile has no stage "${name}"`);
  return found;
}

/** `COPY [--from=x] src… dest` as Docker does it: a folder's contents into dest, a file to dest (or into it, when dest ends with /). */
function copy(line: string, contexts: Record<string, string>, into: string): void {
  const words = line.split(/\s+/).slice(1);
  const from = words[0]?.startsWith('--from=') ? words.shift()!.slice('--from='.length) : 'context';
  const context = contexts[from];
  if (context === undefined) throw new Error(`unknown COPY source in "${line}"`);
  const dest = words.pop()!;
  for (const source of words) {
    const sourcePath = from === 'context' ? join(context, source) : join(context, source.replace(/^\/app\/?/, ''));
    const target = join(into, dest);
    if (statSync(sourcePath).isDirectory()) {
      mkdirSync(target, { recursive: true });
      cpSync(sourcePath, target, { recursive: true, verbatimSymlinks: true });
    } else {
      const file = dest.endsWith('/') || dest === '.' || dest === './' ? join(target, source.split('/').pop()!) : target;
      mkdirSync(dirname(file), { recursive: true });
      cpSync(sourcePath, file);
    }
  }
}

/** Runs a stage's COPY and RUN lines in `dir`; WORKDIR /app is `dir`. */
function replay(instructions: string[], contexts: Record<string, string>, dir: string): void {
  for (const line of instructions) {
    const [keyword = ''] = line.split(/\s+/, 1);
    switch (keyword.toUpperCase()) {
      case 'COPY':
        copy(line, contexts, dir);
        break;
      case 'RUN': {
        // A warm npm cache is used as is: the same packages, without asking the registry again.
        const result = run('sh', ['-c', line.slice(4)], { cwd: dir, env: { ...process.env, npm_config_prefer_offline: 'true' } });
        if (result.status !== 0) throw new Error(`${line}\n${result.stdout}${result.stderr}`);
        break;
      }
      default:
        break; // WORKDIR, ENV, USER, EXPOSE, CMD: the run below sets what they set.
    }
  }
}

/** Root owns everything, and nobody else may write anything: what Docker's COPY leaves, made strict. */
function lockDown(path: string): void {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return;
  if (!stats.isSymbolicLink()) {
    chownSync(path, 0, 0);
    chmodSync(path, stats.mode & 0o7755);
  }
  if (stats.isDirectory()) for (const entry of readdirSync(path)) lockDown(join(path, entry));
}

/** Every path of the tree with its size and modification time: what a write would change. */
function snapshot(dir: string): string {
  const result = run('find', ['.', '-printf', '%p %s %T@ %m\n'], { cwd: dir });
  return result.stdout.split('\n').sort().join('\n');
}

// ── A broker of its own ──

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function startBroker(dir: string): Promise<{ brokers: string[]; child: ChildProcess }> {
  const [port, controllerPort] = [await freePort(), await freePort()];
  const properties = join(dir, 'server.properties');
  const log4j = join(dir, 'log4j.properties');
  writeFileSync(properties, serverProperties({ host: '127.0.0.1', port, controllerPort }, join(dir, 'logs')));
  writeFileSync(log4j, LOG4J_PROPERTIES);
  const java = await requireJava();
  const classpath = `${await ensureKafkaJars(() => undefined)}/*`;
  const logging = `-Dlog4j.configuration=file:${log4j}`;
  const clusterId = randomBytes(16).toString('base64url').replace(/^-/, 'A');
  const format = run(java, [logging, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties], { cwd: dir });
  if (format.status !== 0) throw new Error(`formatting the broker's storage failed:\n${format.stdout}${format.stderr}`);
  const child = spawn(java, ['-Xms256m', '-Xmx512m', logging, '-cp', classpath, 'kafka.Kafka', properties], { cwd: dir, stdio: 'ignore' });
  const brokers = [`127.0.0.1:${port}`];
  const up = await pollUntil(async () => child.exitCode !== null || (await kafkaAnswers(brokers)), { timeoutMs: 60_000, intervalMs: 300 });
  if (!up || child.exitCode !== null) throw new Error(`the broker did not come up at ${brokers[0]}`);
  return { brokers, child };
}

async function stopBroker(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

// ── What the setup left ──

async function topicsOnBroker(brokers: string[]): Promise<Map<string, number>> {
  const admin = new Kafka({ clientId: KAFKA_CLIENT_ID, brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: await admin.listTopics() });
    return new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
  } finally {
    await admin.disconnect();
  }
}

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function dropOwnDatabase(): Promise<void> {
  await query(`${POSTGRES}/postgres`, `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
}

function runSetup(app: string, scratch: string, extra: Record<string, string>): SpawnSyncReturns<string> {
  // What compose gives the container: the backend's variables, an empty /tmp, a HOME (here one nobody cannot write).
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/nonexistent',
    TMPDIR: scratch,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    METRICS_TOKEN: randomBytes(32).toString('hex'),
    DATABASE_URL,
    REDIS_URL: 'redis://127.0.0.1:6379',
    KAFKA_CLIENT_ID,
    ...extra,
  };
  const assignments = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  return run('runuser', ['-u', UNPRIVILEGED, '--', 'env', '-i', ...assignments, ...SETUP_COMMAND], { cwd: app });
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) {
    check('runs as root (it builds a root-owned tree and drops to an unprivileged user)', false, `uid ${process.getuid?.()}`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'seatstorm-setup-check-'));
  chmodSync(work, 0o755);
  const [deps, app, scratch, kafkaDir] = ['deps', 'app', 'tmp', 'kafka'].map((name) => join(work, name)) as [string, string, string, string];
  for (const dir of [deps, app, scratch, kafkaDir]) mkdirSync(dir);
  chownSync(scratch, nobodyUid(), nobodyUid());
  let broker: ChildProcess | undefined;
  try {
    const compose = readFileSync(COMPOSE_FILE, 'utf8');
    check(
      `docker-compose.yml's setup runs ${SETUP_COMMAND.join(' ')}`,
      compose.includes(`command: [${SETUP_COMMAND.map((word) => JSON.stringify(word)).join(', ')}]`),
    );

    const stages = stagesOf(readFileSync(DOCKERFILE, 'utf8'));
    const build = stage(stages, 'build').lines;
    // The build stage's RUN after its install (generate, compile, bundle), here in the checkout, whose node_modules is that install.
    const buildRuns = build.slice(build.findIndex((line) => /^RUN npm ci\b/.test(line)) + 1).filter((line) => line.startsWith('RUN'));
    await timed('build stage (generate, compile, bundle)', () => replay(buildRuns, {}, ROOT));
    await timed('deps stage (npm ci --omit=dev)', () => replay(stage(stages, 'deps').lines, { context: ROOT }, deps));
    await timed('runtime stage (COPY)', () => replay(stage(stages, 'runtime').lines, { deps, build: ROOT }, app));
    lockDown(app);
    const before = snapshot(app);

    const started = await timed('a broker of its own', () => startBroker(kafkaDir));
    broker = started.child;
    await dropOwnDatabase();

    const first = await timed('setup', () => runSetup(app, scratch, { KAFKA_BROKERS: started.brokers.join(',') }));
    const output = `${first.stdout}${first.stderr}`;
    if (!check(`setup exits 0 as ${UNPRIVILEGED} over the root-owned image tree`, first.status === 0, output)) return;

    const topics = await topicsOnBroker(started.brokers);
    const missing = allTopicSpecs().filter((spec) => (topics.get(spec.name) ?? 0) < spec.partitions);
    check(
      `every contract topic exists with its partitions (${allTopicSpecs().length})`,
      missing.length === 0,
      `missing or short: ${missing.map((spec) => spec.name).join(', ')}`,
    );

    const migrations = readdirSync(join(ROOT, 'prisma/migrations'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const applied = (
      await query<{ migration_name: string }>(
        DATABASE_URL,
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1',
      )
    ).map((row) => row.migration_name);
    check(`every migration is applied (${migrations.length})`, JSON.stringify(applied) === JSON.stringify(migrations), `applied: ${applied.join(', ')}`);

    const counts = async () =>
      (
        await query<{ events: number; venues: number; users: number }>(
          DATABASE_URL,
          'SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM venues)::int AS venues, (SELECT count(*) FROM users)::int AS users',
        )
      )[0]!;
    const empty = await counts();
    check('without SEED_DEMO_DATA nothing is seeded', empty.events === 0 && empty.venues === 0 && empty.users === 0, JSON.stringify(empty));

    const second = await timed('setup with demo data', () => runSetup(app, scratch, { KAFKA_BROKERS: started.brokers.join(','), SEED_DEMO_DATA: 'true' }));
    if (check('setup again with SEED_DEMO_DATA=true exits 0 (topics and migrations already there)', second.status === 0, `${second.stdout}${second.stderr}`)) {
      const events = (await query<{ id: string }>(DATABASE_URL, 'SELECT id FROM events ORDER BY id')).map((row) => row.id);
      const seeded = await counts();
      check(
        'SEED_DEMO_DATA=true seeds the demo events, and no user (production is never in demo mode)',
        DEMO_EVENTS.every((id) => events.includes(id)) && seeded.users === 0,
        `events: ${events.join(', ')}; users: ${seeded.users}`,
      );
    }
    check('nothing in the image tree was written', snapshot(app) === before);
  } catch (error) {
    check('the check ran to its end', false, error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await stopBroker(broker);
    await dropOwnDatabase().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

function nobodyUid(): number {
  const id = run('id', ['-u', UNPRIVILEGED], { cwd: ROOT });
  if (id.status !== 0) throw new Error(`there is no user ${UNPRIVILEGED}`);
  return Number(id.stdout.trim());
}

main().finally(() => {
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  if (process.env.REPORT) writeFileSync(process.env.REPORT, JSON.stringify({ passed, failed }));
  process.exit(failed > 0 ? 1 : 0);
});
