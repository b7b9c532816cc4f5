import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { pollUntil } from './wait';

export interface CommandResult {
  /** False when the executable is not installed (ENOENT). */
  found: boolean;
  /** Exit code; null when the command was killed (timeout) or never ran. */
  code: number | null;
  timedOut: boolean;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/** Runs a command to completion, never longer than `timeoutMs`. */
export function runCommand(command: string, args: readonly string[], { timeoutMs, cwd }: { timeoutMs: number; cwd?: string }): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const append = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ found: error.code !== 'ENOENT', code: null, timedOut, output: output || error.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ found: true, code, timedOut, output });
    });
  });
}

/**
 * Starts a long-lived process in its own session, so it outlives this one and
 * a Ctrl-C in the terminal that ran `infra up` does not reach it.
 */
export function startDetached(command: string, args: readonly string[], { logFile, cwd }: { logFile: string; cwd: string }): number {
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', log, log] });
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** An exited child that nobody has reaped yet still answers signal 0. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** The command line of a process, or undefined when it cannot be read. */
export function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    // No /proc (macOS): ask ps.
    const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 ? ps.stdout.trim() : undefined;
  }
}

export type StopOutcome = 'stopped' | 'killed' | 'not-running';

/**
 * SIGTERM, then SIGKILL if the process is still there after `graceMs`. With
 * `group`, the signals go to the process group `pid` leads (a process started
 * `detached`), so that its children stop too (npm → next-server).
 */
export async function stopProcess(pid: number, { graceMs, group = false }: { graceMs: number; group?: boolean }): Promise<StopOutcome> {
  if (!signalProcess(pid, 'SIGTERM', { group })) return 'not-running';
  if (await pollUntil(() => !isRunning(pid), { timeoutMs: graceMs, intervalMs: 100 })) return 'stopped';
  signalProcess(pid, 'SIGKILL', { group });
  if (await pollUntil(() => !isRunning(pid), { timeoutMs: 5_000, intervalMs: 100 })) return 'killed';
  throw new Error(`process ${pid} survived SIGKILL`);
}

/** Sends a signal to a process (or the group it leads); false when there is no such process. */
export function signalProcess(pid: number, name: NodeJS.Signals, { group = false }: { group?: boolean } = {}): boolean {
  try {
    process.kill(group ? -pid : pid, name);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
