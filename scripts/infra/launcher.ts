import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isPortFree } from './ports';
import { signalProcess, stopProcess } from './process';
import { sleep } from './wait';

const LINES_KEPT = 40;
const READY_POLL_MS = 100;
const URL_TIMEOUT_MS = 3_000;
/** How long an exited process's last lines may take to arrive once it has gone. */
const OUTPUT_DRAIN_MS = 1_000;

/** What "serves" means for a process; every given condition must hold. */
export interface Readiness {
  /** Text of a line the process writes once it serves (backend/main.ts: `seatstorm ready`). */
  line?: string;
  /** A URL that answers 2xx once it serves (checked once `line` has been written). */
  url?: string;
}

export interface LaunchOptions {
  /** Names the process in its echoed output (`[name] …`) and in errors. */
  name: string;
  command: string;
  args?: readonly string[];
  cwd?: string;
  /** Variables on top of this process's environment. */
  env?: Record<string, string>;
  /**
   * Where the output goes. Without it, the output is read here line by line,
   * kept for recentOutput() and echoed when `echo` is set, and the process is
   * killed when this one exits. With it, the process appends to this file
   * itself and outlives this one, in a process group of its own, so that any
   * process can stop it by its pid (stopProcess with `group`).
   */
  logFile?: string;
  /** Echo each line, prefixed with `[name]` (without `logFile`). */
  echo?: boolean;
  /**
   * A process group of its own: the signals reach its children (npm →
   * next-server), and a Ctrl-C in the terminal reaches only this process,
   * which stops it once. Always so with `logFile`.
   */
  group?: boolean;
  ready?: Readiness;
  readyTimeoutMs?: number;
  /** A port that must be free before it starts: something else serving there would pass for it. */
  port?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One operating-system process the way every Seatstorm harness runs one: the
 * services under `npm start` and `npm run dev` (scripts/local-stack.ts), the
 * Playwright stack's parts (playwright/stack) and the integration tests',
 * benches' and chaos runs' services (backend/test/service-process.ts).
 * `start` resolves once it serves; `stop` is graceful (SIGTERM, then SIGKILL
 * after a grace period); `kill` is a crash.
 */
export class ManagedProcess {
  private child?: ChildProcess;
  private exited: Promise<ExitStatus> = Promise.resolve({ code: null, signal: null });
  private readonly lines: string[] = [];
  private readyLineWritten = false;
  private logFrom = 0;
  private readonly killOnExit = () => {
    if (this.child?.pid !== undefined) signalProcess(this.child.pid, 'SIGKILL', { group: this.group });
  };

  constructor(readonly options: LaunchOptions) {}

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** From the spawn until the process has exited. */
  get running(): boolean {
    return this.child !== undefined;
  }

  /** Resolves when the process has exited (at once when it is not running). */
  get exit(): Promise<ExitStatus> {
    return this.exited;
  }

  /** The last lines the process wrote since its latest start, for failure messages. */
  recentOutput(): string {
    if (this.options.logFile === undefined) return this.lines.join('\n');
    return this.logSinceStart().trimEnd().split('\n').slice(-LINES_KEPT).join('\n');
  }

  /** Spawns the process and resolves once it is ready; if it is not, kills it and rejects with its last output. */
  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.name} is already running (pid ${this.child.pid})`);
    const { port, ready = {}, readyTimeoutMs = 60_000 } = this.options;
    if (port !== undefined && !(await isPortFree('127.0.0.1', port))) {
      throw new Error(`${this.name}: port ${port} is already in use by another process; stop it (or a stack left from an earlier run) first`);
    }
    const child = this.spawn();
    const deadline = Date.now() + readyTimeoutMs;
    let exit: ExitStatus | undefined;
    void this.exited.then((status) => (exit = status));
    try {
      while (!(await this.isReady(ready))) {
        if (exit) throw this.failure(`exited before it was ready (code ${exit.code}, signal ${exit.signal})`);
        if (Date.now() > deadline) throw this.failure(`was not ready within ${readyTimeoutMs / 1000} s`);
        await sleep(READY_POLL_MS);
      }
    } catch (error) {
      if (this.child === child) await this.kill();
      throw error;
    }
  }

  /** SIGTERM (the process finishes what it started), then SIGKILL if it is still there after `graceMs`; resolves once it is gone. */
  async stop(graceMs = 15_000): Promise<void> {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    await stopProcess(pid, { graceMs, group: this.group });
    await this.exited;
  }

  /** SIGKILL, as a crash or an OOM killer would (no shutdown hooks); resolves once the process is gone. */
  async kill(): Promise<void> {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    signalProcess(pid, 'SIGKILL', { group: this.group });
    await this.exited;
  }

  private get group(): boolean {
    return this.options.logFile !== undefined || this.options.group === true;
  }

  private spawn(): ChildProcess {
    const { command, args = [], cwd, env, logFile } = this.options;
    this.lines.length = 0;
    this.readyLineWritten = false;
    let child: ChildProcess;
    if (logFile === undefined) {
      child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: this.group });
      for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => this.keep(line));
      process.on('exit', this.killOnExit);
    } else {
      this.logFrom = existsSync(logFile) ? statSync(logFile).size : 0;
      const out = openSync(logFile, 'a');
      try {
        child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: true });
      } finally {
        closeSync(out);
      }
      child.unref();
    }
    this.child = child;
    // An 'error' instead of an 'exit' when it could not be spawned at all; piped output is read to its end first.
    this.exited = new Promise<ExitStatus>((resolveExit) => {
      const done = async (status: ExitStatus) => {
        if (logFile === undefined) await Promise.race([once(child, 'close').catch(() => undefined), sleep(OUTPUT_DRAIN_MS)]);
        process.off('exit', this.killOnExit);
        if (this.child === child) this.child = undefined;
        resolveExit(status);
      };
      child.once('exit', (code, signal) => void done({ code, signal }));
      child.once('error', (error) => {
        this.keep(`${this.name}: ${error.message}`);
        if (child.pid === undefined) void done({ code: null, signal: null });
      });
    });
    return child;
  }

  private async isReady({ line, url }: Readiness): Promise<boolean> {
    if (line !== undefined && !(this.options.logFile === undefined ? this.readyLineWritten : this.logSinceStart().includes(line))) return false;
    return url === undefined || (await answers(url));
  }

  private keep(line: string): void {
    if (this.options.echo) process.stdout.write(`[${this.name}] ${line}\n`);
    // Noted as it passes: a chatty process may write more than the lines kept before the next look.
    const readyLine = this.options.ready?.line;
    if (readyLine !== undefined && line.includes(readyLine)) this.readyLineWritten = true;
    this.lines.push(line);
    if (this.lines.length > LINES_KEPT) this.lines.shift();
  }

  private logSinceStart(): string {
    try {
      return readFileSync(this.options.logFile!, 'utf8').slice(this.logFrom);
    } catch {
      return '';
    }
  }

  private failure(reason: string): Error {
    return new Error(`${this.name} ${reason}; its last output:\n${this.recentOutput() || '(none)'}`);
  }
}

/** Starts a process and resolves, once it is ready, with its handle. */
export async function launch(options: LaunchOptions): Promise<ManagedProcess> {
  const launched = new ManagedProcess(options);
  await launched.start();
  return launched;
}

/** Whether `url` answers 2xx within a few seconds. */
async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(URL_TIMEOUT_MS) })).ok;
  } catch {
    return false;
  }
}
