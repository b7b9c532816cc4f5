import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { BenchChild } from './child';
import { Latency } from './histogram';
import type { StepOrder, WorkerCommand, WorkerReport, WorkerSetup } from './load-worker';

const WORKER = resolve(__dirname, 'load-worker.ts');

export interface StepOutcome {
  offeredPerSecond: number;
  sent: number;
  shed: number;
  statuses: Record<string, number>;
  latency: Latency;
  /** The longest worker's span from its first due request to its last answer, s. */
  seconds: number;
  /** The generator's own CPU over the step, ms. */
  generatorCpuMs: number;
}

/**
 * The open-loop load generator: `workers` processes of load-worker.ts, each
 * sending its share of a constant arrival rate through REST or the socket,
 * merged into one outcome per step.
 */
export class LoadGenerator {
  private constructor(private readonly children: Array<BenchChild<WorkerCommand, WorkerReport>>) {}

  /** Forks the workers and waits until each has its connections (sockets signed in). */
  static async start(setup: Omit<WorkerSetup, 'connections' | 'sockets'> & { workers: number; connections: number; sockets: number }): Promise<LoadGenerator> {
    const { workers, connections, sockets, ...rest } = setup;
    const children = Array.from({ length: workers }, () => new BenchChild<WorkerCommand, WorkerReport>(WORKER));
    const generator = new LoadGenerator(children);
    try {
      const ready = await Promise.all(
        children.map((child, i) =>
          child.ask(
            {
              type: 'setup',
              ...rest,
              // Each worker signs in as its own share of the buyers.
              tokens: rest.tokens.filter((_, n) => n % workers === i),
              connections: Math.ceil(connections / workers),
              sockets: Math.ceil(sockets / workers),
            },
            'ready',
          ),
        ),
      );
      const failed = ready.reduce((sum, report) => sum + report.failed, 0);
      if (failed > 0) throw new Error(`${failed} of the generator's sockets could not connect`);
    } catch (error) {
      generator.stop();
      throw error;
    }
    return generator;
  }

  get pids(): number[] {
    return this.children.flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
  }

  async step(order: Omit<StepOrder, 'run' | 'rate' | 'maxInFlight'> & { rate: number; maxInFlight: number }): Promise<StepOutcome> {
    const workers = this.children.length;
    const run = randomUUID().slice(0, 8);
    const reports = await Promise.all(
      this.children.map((child) =>
        child.ask(
          {
            type: 'step',
            ...order,
            run,
            rate: order.rate / workers,
            maxInFlight: Math.ceil(order.maxInFlight / workers),
            ...(order.concurrency === undefined ? {} : { concurrency: Math.ceil(order.concurrency / workers) }),
          },
          'result',
        ),
      ),
    );
    const latency = new Latency();
    const statuses: Record<string, number> = {};
    for (const report of reports) {
      latency.add(Latency.decode(report.latency));
      for (const [status, n] of Object.entries(report.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    }
    return {
      offeredPerSecond: order.rate,
      sent: reports.reduce((sum, report) => sum + report.sent, 0),
      shed: reports.reduce((sum, report) => sum + report.shed, 0),
      statuses,
      latency,
      seconds: Math.max(...reports.map((report) => report.elapsedMs)) / 1000,
      generatorCpuMs: reports.reduce((sum, report) => sum + report.cpuMs, 0),
    };
  }

  stop(): void {
    for (const child of this.children) child.kill();
  }
}
