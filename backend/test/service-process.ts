import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppConfig, ServiceName } from '@seatstorm/config';
import { Kafka, logLevel } from 'kafkajs';

/** The built entry point (`npm run build -w @seatstorm/backend`); the integration global setup builds it. */
const MAIN = resolve(__dirname, '../dist/main.js');
/** What main.ts prints once every service it runs has started and its consumers have joined their groups. */
const READY_LINE = 'seatstorm ready:';
const OUTPUT_LINES_KEPT = 40;

export interface ServiceProcessOptions {
  /** The services the process runs (SERVICES). */
  services: ServiceName[];
  /** The configuration it runs with, e.g. a test stack's, so both share consumer groups, database and secrets. */
  config: AppConfig;
  /** Variables on top of `config`. */
  env?: Record<string, string>;
  /** Consumer groups (full names) that must be stable, with this process as their only member, before `start` resolves. */
  groups?: string[];
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Echo the process's output, prefixed with its services. */
  echo?: boolean;
  readyTimeoutMs?: number;
}

/** A configuration as the environment variables that produce it. */
export function envOf(config: AppConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]));
}

/**
 * Seatstorm services in a Node process of their own, run from `backend/dist`,
 * so a test can do what only a separate process allows: kill it outright
 * (SIGKILL: no shutdown hooks, no offset commits, transactions cut off) and
 * start it again. The process is also killed if the parent exits first.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private readonly output: string[] = [];
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(private readonly options: ServiceProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** The last lines the process wrote, for failure messages. */
  recentOutput(): string {
    return this.output.join('\n');
  }

  /** Spawns the process and resolves once it says it is ready and its consumer groups are stable. */
  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.name} is already running (pid ${this.child.pid})`);
    const timeoutMs = this.options.readyTimeoutMs ?? 60_000;
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), MAIN], {
      env: { ...process.env, ...envOf(this.options.config), SERVICES: this.options.services.join(','), ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    process.on('exit', this.killOnExit);
    // `once` rejects if the process could not be spawned at all: that ends it too.
    this.exited = once(child, 'exit')
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        process.off('exit', this.killOnExit);
        if (this.child === child) this.child = undefined;
      });

    const ready = new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(this.failure(`not ready within ${timeoutMs} ms`)), timeoutMs);
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          this.keep(line);
          if (line.includes(READY_LINE)) {
            clearTimeout(timer);
            resolveReady();
          }
        });
      }
      void this.exited?.then(() => {
        clearTimeout(timer);
        reject(this.failure(`exited before it was ready (code ${child.exitCode}, signal ${child.signalCode})`));
      });
    });
    try {
      await ready;
      await this.waitForGroups(timeoutMs);
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** SIGKILL, as a crash or an OOM killer would: resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (a graceful stop, which also writes a `--cpu-prof` profile), then SIGKILL if it lingers. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.child) return;
    const child = this.child;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  private get name(): string {
    return `service process [${this.options.services.join(',')}]`;
  }

  private keep(line: string): void {
    if (this.options.echo) process.stdout.write(`[${this.options.services.join(',')}] ${line}\n`);
    this.output.push(line);
    if (this.output.length > OUTPUT_LINES_KEPT) this.output.shift();
  }

  private failure(reason: string): Error {
    return new Error(`${this.name} ${reason}; its last output:\n${this.recentOutput() || '(none)'}`);
  }

  /**
   * "Ready" already means the consumers joined; this confirms it from the
   * broker's side. After a SIGKILL the old member stays in its groups until
   * its session times out, so a restart is only done once it has been dropped.
   */
  private async waitForGroups(timeoutMs: number): Promise<void> {
    const groups = this.options.groups ?? [];
    if (groups.length === 0) return;
    const admin = new Kafka({
      clientId: `${this.options.config.KAFKA_CLIENT_ID}-service-process`,
      brokers: this.options.config.KAFKA_BROKERS,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { groups: described } = await admin.describeGroups(groups);
        if (described.every((group) => group.state === 'Stable' && group.members.length === 1)) return;
        if (Date.now() > deadline) throw this.failure(`groups not stable: ${JSON.stringify(described.map((g) => [g.groupId, g.state, g.members.length]))}`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    } finally {
      await admin.disconnect();
    }
  }
}
