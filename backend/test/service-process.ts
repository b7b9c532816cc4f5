import { resolve } from 'node:path';
import type { AppConfig, ServiceName } from '@seatstorm/config';
import { ManagedProcess } from '@seatstorm/infra';
import { Kafka, logLevel } from 'kafkajs';

/** The built entry point (`npm run build -w @seatstorm/backend`); the integration global setup builds it. */
const MAIN = resolve(__dirname, '../dist/main.js');
/** What main.ts prints once every service it runs has started and its consumers have joined their groups. */
const READY_LINE = 'seatstorm ready:';

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
 * Seatstorm services in a Node process of their own, run from `backend/dist`
 * by the launcher every harness shares (@seatstorm/infra), so a test can do
 * what only a separate process allows: kill it outright (SIGKILL: no shutdown
 * hooks, no offset commits, transactions cut off) and start it again. The
 * process is also killed if the parent exits first.
 */
export class ServiceProcess {
  private readonly managed: ManagedProcess;

  constructor(private readonly options: ServiceProcessOptions) {
    this.managed = new ManagedProcess({
      name: options.services.join(','),
      command: process.execPath,
      args: [...(options.nodeArgs ?? []), MAIN],
      env: { ...envOf(options.config), SERVICES: options.services.join(','), ...options.env },
      echo: options.echo,
      ready: { line: READY_LINE },
      readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
    });
  }

  get pid(): number | undefined {
    return this.managed.pid;
  }

  get running(): boolean {
    return this.managed.running;
  }

  /** The last lines the process wrote, for failure messages. */
  recentOutput(): string {
    return this.managed.recentOutput();
  }

  /** Spawns the process and resolves once it says it is ready and its consumer groups are stable. */
  async start(): Promise<void> {
    await this.managed.start();
    try {
      await this.waitForGroups(this.options.readyTimeoutMs ?? 60_000);
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** SIGKILL, as a crash or an OOM killer would: resolves once the process is gone. */
  async kill(): Promise<void> {
    await this.managed.kill();
  }

  /** SIGTERM (a graceful stop, which also writes a `--cpu-prof` profile), then SIGKILL if it lingers. */
  async stop(graceMs = 15_000): Promise<void> {
    await this.managed.stop(graceMs);
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
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
        if (Date.now() > deadline) {
          const states = JSON.stringify(described.map((g) => [g.groupId, g.state, g.members.length]));
          throw new Error(`${this.managed.name}: groups not stable: ${states}; its last output:\n${this.recentOutput() || '(none)'}`);
        }
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    } finally {
      await admin.disconnect();
    }
  }
}
