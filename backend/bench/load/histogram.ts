import * as hdr from 'hdr-histogram-js';
import type { LatencySummary } from '../results';

/** Up to an hour, in microseconds, to three significant digits. */
const HIGHEST_US = 3_600_000_000;

/**
 * Latencies in an HDR histogram (hdr-histogram-js): constant memory however
 * many samples, exact to three significant digits, and mergeable across the
 * load generator's processes through its compressed encoding.
 */
export class Latency {
  private readonly histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3 });

  static decode(encoded: string): Latency {
    const latency = new Latency();
    latency.histogram.add(hdr.decodeFromCompressedBase64(encoded));
    return latency;
  }

  record(ms: number): void {
    this.histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000))));
  }

  add(other: Latency): void {
    this.histogram.add(other.histogram);
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** The form that travels between processes. */
  encode(): string {
    return hdr.encodeIntoCompressedBase64(this.histogram);
  }

  summary(): LatencySummary {
    const at = (p: number) => (this.count === 0 ? Number.NaN : this.histogram.getValueAtPercentile(p) / 1000);
    return { p50: at(50), p95: at(95), p99: at(99), max: this.count === 0 ? Number.NaN : this.histogram.maxValue / 1000, count: this.count };
  }
}
