/**
 * The running stack of `npm start` and `npm run dev`, once scripts/start.sh or
 * scripts/dev.sh has prepared it (dependencies, infrastructure, database,
 * builds): every backend service in one process and the web app, through the
 * launcher every harness shares (@seatstorm/infra). Each process runs in a
 * group of its own with its output prefixed here; Ctrl-C stops them
 * gracefully (SIGKILL for one that lingers), and so does one exiting on its
 * own, which fails the run. Ports come from GATEWAY_PORT and WEB_PORT.
 *
 *   node --import tsx scripts/local-stack.ts start|dev [--elapsed <seconds spent preparing>]
 */
import { resolve } from 'node:path';
import { ManagedProcess, type LaunchOptions } from '@seatstorm/infra';

const ROOT = resolve(__dirname, '..');
const GATEWAY_PORT = process.env.GATEWAY_PORT ?? '3000';
const WEB_PORT = process.env.WEB_PORT ?? '3001';
const STOP_GRACE_MS = 20_000;

type Mode = 'start' | 'dev';

const backend = (nodeFlags: string[], readyTimeoutMs: number): LaunchOptions => ({
  name: 'backend',
  command: process.execPath,
  args: [...nodeFlags, '--enable-source-maps', 'backend/dist/main.js'],
  ready: { url: `http://127.0.0.1:${GATEWAY_PORT}/health` },
  readyTimeoutMs,
});

const web = (script: 'start' | 'dev', readyTimeoutMs: number): LaunchOptions => ({
  name: 'web',
  command: 'npm',
  args: ['run', '--silent', script, '-w', '@seatstorm/web'],
  ready: { url: `http://127.0.0.1:${WEB_PORT}/` },
  readyTimeoutMs,
});

/** Each mode's processes, in waves: a wave starts once the one before it is ready. */
const WAVES: Record<Mode, LaunchOptions[][]> = {
  start: [[backend([], 120_000), web('start', 120_000)]],
  dev: [
    // SWC's watcher (backend/.swcrc) compiles the whole backend once, then each saved file.
    [
      {
        name: 'build',
        command: 'npm',
        args: ['run', '--silent', 'build', '-w', '@seatstorm/backend', '--', '--watch'],
        ready: { line: 'Watching for file changes' },
      },
    ],
    // node --watch restarts the services on each recompiled file; next dev reloads the browser.
    [backend(['--watch'], 180_000), web('dev', 180_000)],
  ],
};

const STOPPING = '\nstopping… (the infrastructure keeps running: npm run infra:down stops it)';

async function main(mode: Mode, elapsedBefore: number): Promise<number> {
  const started = Date.now();
  const running: ManagedProcess[] = [];
  const stopAll = () => Promise.all(running.map((service) => service.stop(STOP_GRACE_MS)));
  // Every Ctrl-C lands here (the processes have groups of their own): the first stops them, later ones wait for that.
  const stopRequested = new Promise<'stop'>((resolveStop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolveStop('stop'));
  });

  for (const wave of WAVES[mode]) {
    const starting = wave.map((options) => new ManagedProcess({ ...options, cwd: ROOT, env: { GATEWAY_PORT, WEB_PORT }, echo: true, group: true }));
    running.push(...starting);
    const ready = Promise.all(starting.map((service) => service.start())).then(() => 'ready' as const);
    ready.catch(() => undefined); // Stopped while starting: its failure is expected.
    try {
      if ((await Promise.race([ready, stopRequested])) === 'stop') {
        console.log(STOPPING);
        await stopAll();
        return 0;
      }
    } catch (error) {
      console.error(`\x1b[31m✗ Seatstorm did not start: ${error instanceof Error ? error.message : String(error)}\x1b[0m`);
      await stopAll();
      return 1;
    }
  }

  const seconds = elapsedBefore + Math.round((Date.now() - started) / 1000);
  console.log(`\n\x1b[1;32m✓ Seatstorm is up ${mode === 'dev' ? 'in watch mode' : `in ${seconds}s`}\x1b[0m`);
  console.log(`  open  http://localhost:${WEB_PORT}`);
  console.log(`  API   http://localhost:${GATEWAY_PORT}/events  ·  health http://localhost:${GATEWAY_PORT}/health`);
  console.log('  Ctrl-C stops the services.\n');

  const firstExit = Promise.race(running.map((service) => service.exit.then((status) => ({ service, status }))));
  const outcome = await Promise.race([stopRequested, firstExit]);
  if (outcome === 'stop') {
    console.log(STOPPING);
    await stopAll();
    return 0;
  }
  const { service, status } = outcome;
  console.error(`\x1b[31m✗ ${service.name} stopped unexpectedly (code ${status.code}, signal ${status.signal}): see its log above\x1b[0m`);
  await stopAll();
  return 1;
}

const [mode, ...rest] = process.argv.slice(2);
if (mode !== 'start' && mode !== 'dev') {
  console.error('usage: node --import tsx scripts/local-stack.ts start|dev [--elapsed <seconds>]');
  process.exit(2);
}
const elapsedAt = rest.indexOf('--elapsed');
main(mode, elapsedAt === -1 ? 0 : Number(rest[elapsedAt + 1]) || 0).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
