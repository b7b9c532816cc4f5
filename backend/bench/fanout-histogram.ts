/** Latencies in buckets of 0.1 ms: merges across processes, exact percentiles to that resolution. */
export class LatencyHistogram {
  private readonly buckets = new Map<number, number>();
  private total = 0;

  record(ms: number): void {
    const bucket = Math.max(0, Math.round(ms * 10));
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    this.total += 1;
  }

  get count(): number {
    return this.total;
  }

  /** A form that travels over IPC as JSON. */
  toJSON(): Array<[bucket: number, count: number]> {
    return [...this.buckets];
  }

  merge(entries: ReadonlyArray<readonly [number, number]>): void {
    for (const [bucket, count] of entries) {
      this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + count);
      this.total += count;
    }
  }

  /** The p-th percentile (0–100) in ms, nearest-rank; NaN when empty. */
  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (const bucket of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(bucket)!;
      if (seen >= rank) return bucket / 10;
    }
    return Number.NaN;
  }
}
