/** The p-th percentile (0–100) of `sorted`, nearest-rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentilesOf(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: percentile(sorted, 100) };
}

export const formatMs = ({ p50, p95, p99, max }: Percentiles): string =>
  [p50, p95, p99, max].map((value) => (Number.isNaN(value) ? '–' : value.toFixed(value < 10 ? 1 : 0))).join(' / ');

export const formatRate = (count: number, seconds: number): string => (seconds > 0 ? Math.round(count / seconds).toLocaleString('en-US') : '–');

export const formatCount = (count: number): string => count.toLocaleString('en-US');

/** Prints a titled two-column table. */
export function printTable(title: string, rows: ReadonlyArray<readonly [string, string]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n`);
}

export function log(message: string): void {
  process.stdout.write(`[bench] ${message}\n`);
}
