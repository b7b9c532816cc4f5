/** One series of a Prometheus text exposition: its labels and value. */
export interface Series {
  labels: Record<string, string>;
  value: number;
}

/** Reads `url` (a /metrics endpoint) and returns the series of `name` (without suffixes such as _bucket). */
export async function scrape(url: string, name: string): Promise<Series[]> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return seriesOf(await response.text(), name);
}

/** The series of metric `name` in a Prometheus text exposition. */
export function seriesOf(text: string, name: string): Series[] {
  const line = new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`);
  return text.split('\n').flatMap((row) => {
    const match = line.exec(row);
    if (!match) return [];
    const labels = Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]));
    return [{ labels, value: Number(match[2]) }];
  });
}

/** The value of the one series of `name` whose labels include `labels`; 0 when there is none. */
export function valueOf(series: readonly Series[], labels: Record<string, string> = {}): number {
  const matching = series.filter((s) => Object.entries(labels).every(([key, value]) => s.labels[key] === value));
  if (matching.length > 1) throw new Error(`${matching.length} series match ${JSON.stringify(labels)}`);
  return matching[0]?.value ?? 0;
}
