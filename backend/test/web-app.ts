import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../bench/bench-setup';
import { uniqueId } from './test-env';

const WEB_DIR = resolve(__dirname, '../../web');
/** What web/server.mjs prints once it listens. */
const READY_LINE = 'Seatstorm web app on';
const START_TIMEOUT_MS = 60_000;

export interface WebApp {
  /** e.g. http://127.0.0.1:41235 */
  url: string;
  close(): Promise<void>;
}

/**
 * The real web app (web/server.mjs and Next.js in development mode: no build
 * needed, each route compiled on its first request) in front of a stack's
 * gateway. It runs from a copy of web/ under .data/, so that its Next.js
 * output and dev-server lock never meet those of a developer's `npm run dev`.
 * The copy sits beside a link to the workspace's node_modules, as web/ sits
 * beside the real one: paths web/ gives relative to itself (the typeface
 * next/font loads from its package, app/fonts.ts) lead to the same files.
 */
export async function startWebApp(gatewayUrl: string, env: Record<string, string> = {}): Promise<WebApp> {
  const base = resolve(WEB_DIR, '../.data', uniqueId('web-test'));
  const dir = join(base, 'web');
  await cp(WEB_DIR, dir, { recursive: true, filter: (source) => !/^\/(node_modules|\.next)(\/|$)/.test(source.slice(WEB_DIR.length)) });
  await symlink(resolve(WEB_DIR, '../node_modules'), join(base, 'node_modules'), 'dir');
  const port = await freePort();
  const child = spawn(process.execPath, ['server.mjs', '--dev'], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      NEXT_TELEMETRY_DISABLED: '1',
      WEB_HOST: '127.0.0.1',
      WEB_PORT: String(port),
      GATEWAY_INTERNAL_URL: gatewayUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').catch(() => undefined);
  const output: string[] = [];
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(base, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`the web app did not start within ${START_TIMEOUT_MS} ms:\n${output.join('\n')}`)), START_TIMEOUT_MS);
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          output.push(line);
          if (line.includes(READY_LINE)) {
            clearTimeout(timer);
            ready();
          }
        });
      }
      void exited.then(() => {
        clearTimeout(timer);
        fail(new Error(`the web app exited during start-up:\n${output.join('\n')}`));
      });
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, close };
}
