import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManagedProcess, type LaunchOptions } from './launcher';
import { isRunning, stopProcess } from './process';

/** A Node process that runs `script`; `ready` is printed when the script says so. */
const node = (name: string, script: string, options: Partial<LaunchOptions> = {}): ManagedProcess =>
  new ManagedProcess({ name, command: process.execPath, args: ['-e', script], ready: { line: 'ready' }, readyTimeoutMs: 10_000, ...options });

// Prints a few lines, then `ready`, then waits; on SIGTERM says so and exits after `delay` ms.
const SERVER = (delay: number) => `
  for (let i = 0; i < 60; i++) console.log('line ' + i);
  console.log('ready');
  process.on('SIGTERM', () => { console.log('SIGTERM'); setTimeout(() => process.exit(0), ${delay}); });
  setInterval(() => undefined, 1000);
`;

const started: ManagedProcess[] = [];
const launch = async (managed: ManagedProcess) => {
  started.push(managed);
  await managed.start();
  return managed;
};

afterEach(async () => {
  await Promise.all(started.splice(0).map((managed) => managed.kill()));
});

describe('ManagedProcess', () => {
  it('resolves once the ready line is written, even when more lines than it keeps came after, and stops on SIGTERM', async () => {
    const server = await launch(node('server', `${SERVER(0)}; for (let i = 0; i < 100; i++) console.log('after ' + i);`));
    expect(server.running).toBe(true);
    await server.stop(5_000);
    expect(server.running).toBe(false);
    expect(server.recentOutput()).toContain('SIGTERM');
    expect(server.recentOutput().split('\n')).toHaveLength(40);
  });

  it('kills a process that outstays its grace period', async () => {
    const server = await launch(node('slow', SERVER(60_000)));
    const stopping = Date.now();
    await server.stop(300);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(await server.exit).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('kill is a SIGKILL, and the process starts again', async () => {
    const server = await launch(node('server', SERVER(0)));
    const first = server.pid!;
    await server.kill();
    expect(isRunning(first)).toBe(false);
    expect(server.recentOutput()).not.toContain('SIGTERM');
    await server.start();
    expect(server.pid).not.toBe(first);
  });

  it('fails with the last output when the process exits before it is ready', async () => {
    const failing = node('failing', "console.error('no config: DATABASE_URL'); process.exit(3)");
    await expect(failing.start()).rejects.toThrow(/failing exited before it was ready \(code 3, signal null\); its last output:\nno config: DATABASE_URL/);
    expect(failing.running).toBe(false);
  });

  it('kills a process that is not ready in time', async () => {
    const silent = node('silent', 'setInterval(() => undefined, 1000)', { readyTimeoutMs: 300 });
    await expect(silent.start()).rejects.toThrow(/silent was not ready within 0.3 s/);
    expect(silent.running).toBe(false);
  });

  it('with a log file, outlives its handle: another process can stop its group by pid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seatstorm-launcher-'));
    try {
      const logFile = join(dir, 'server.log');
      const server = await launch(node('logged', SERVER(0), { logFile }));
      const pid = server.pid!;
      expect(await stopProcess(pid, { graceMs: 5_000, group: true })).toBe('stopped');
      expect(readFileSync(logFile, 'utf8')).toContain('SIGTERM');
      expect(server.recentOutput()).toContain('SIGTERM');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
