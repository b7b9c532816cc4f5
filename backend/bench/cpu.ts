import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Pool } from 'pg';

/** Linux counts process CPU time in clock ticks of 1/100 s (CLK_TCK). */
const TICKS_PER_SECOND = 100;

/** A process's user + system CPU time so far, in ms; undefined once it is gone (or off Linux). */
export async function cpuMsOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is the 3rd field of the line, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface CpuShare {
  name: string;
  ms: number;
}

/**
 * CPU time spent by each part of the system over a span: the same machine
 * runs everything, and others use it too, so throughput alone says little;
 * the CPU each decision costs does not depend on what else runs.
 */
export class CpuMeter {
  private readonly before = new Map<number, number>();
  private selfBefore = process.cpuUsage();

  private constructor(
    private readonly processes: ReadonlyArray<{ name: string; pid: number | undefined }>,
    private readonly db: Pool,
  ) {}

  /** Starts counting for the given processes, the database's backends serving `db`'s database, and this process. */
  static async start(processes: ReadonlyArray<{ name: string; pid: number | undefined }>, db: Pool): Promise<CpuMeter> {
    const meter = new CpuMeter(processes, db);
    for (const pid of [...processes.map((p) => p.pid), ...(await meter.backends())]) {
      if (pid !== undefined) meter.before.set(pid, (await cpuMsOf(pid)) ?? 0);
    }
    meter.selfBefore = process.cpuUsage();
    return meter;
  }

  async stop(): Promise<CpuShare[]> {
    const self = process.cpuUsage(this.selfBefore);
    const spent = async (pid: number | undefined) => (pid === undefined ? 0 : Math.max(0, ((await cpuMsOf(pid)) ?? 0) - (this.before.get(pid) ?? 0)));
    const shares: CpuShare[] = [];
    for (const { name, pid } of this.processes) shares.push({ name, ms: await spent(pid) });
    // Backends opened during the span count from zero; one closed during it is lost (pools keep busy ones open).
    let database = 0;
    for (const pid of new Set([...(await this.backends()), ...this.before.keys()])) {
      if (!this.processes.some((p) => p.pid === pid)) database += await spent(pid);
    }
    shares.push({ name: 'PostgreSQL', ms: database }, { name: 'load generator', ms: (self.user + self.system) / 1000 });
    return shares;
  }

  private async backends(): Promise<number[]> {
    const { rows } = await this.db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
    return rows.map((row) => row.pid);
  }
}

export const CORES = availableParallelism();
