import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVICE_NAMES } from '@seatstorm/config';
import { metricsRegistry } from '@seatstorm/observability';
import { describe, expect, it } from 'vitest';

const backend = resolve(__dirname, '..');
const DASHBOARD = join(backend, 'deploy/grafana/dashboards/on-sale.json');
const PROMETHEUS = join(backend, 'deploy/prometheus/prometheus.yml');

interface Panel {
  type: string;
  title: string;
  targets?: Array<{ expr: string }>;
}

/** Every TypeScript file of the services and libraries, tests and generated code aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The metrics the code registers, by name, with their kind: read from the
 * source, since some are registered only while their service runs
 * (ScrapedGauge), plus what the process registry holds from the start
 * (Node's and the process's default metrics).
 */
function registeredMetrics(): Map<string, string> {
  const declared = new Map<string, string>();
  const declaration = /new (Counter|Gauge|Histogram|Summary|ScrapedGauge)(?:<[^>]*>)?\(\{\s*name: '(seatstorm_[a-z0-9_]+)'/g;
  for (const file of [...sources(join(backend, 'apps')), ...sources(join(backend, 'libs'))]) {
    for (const [, kind, name] of readFileSync(file, 'utf8').matchAll(declaration)) declared.set(name!, kind!);
  }
  for (const metric of metricsRegistry.getMetricsAsArray()) declared.set(metric.name, String(metric.type) === 'histogram' ? 'Histogram' : String(metric.type));
  return declared;
}

/** A series name as PromQL uses it: a histogram's _bucket, _count and _sum are its own. */
function isKnown(series: string, metrics: ReadonlyMap<string, string>): boolean {
  if (metrics.has(series)) return true;
  const suffix = /_(bucket|count|sum)$/.exec(series);
  return suffix !== null && ['Histogram', 'Summary'].includes(metrics.get(series.slice(0, suffix.index)) ?? '');
}

describe('the on-sale dashboard and the Prometheus configuration', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  const panels = dashboard.panels.filter((panel) => panel.type !== 'row');

  it('use only metrics the code registers, so they cannot drift from it', () => {
    const metrics = registeredMetrics();
    expect(metrics.size).toBeGreaterThan(20);
    const used = panels.flatMap((panel) => (panel.targets ?? []).flatMap(({ expr }) => expr.match(/seatstorm_[a-z0-9_]+/g) ?? []));
    expect(used.length).toBeGreaterThan(0);
    expect([...new Set(used)].filter((series) => !isKnown(series, metrics))).toEqual([]);
  });

  it('show what an operator watches during an on-sale, each panel with a query', () => {
    const titles = panels.map((panel) => panel.title);
    for (const wanted of ['Holds/s', 'Decisions/s', 'Hold latency p99', 'Conflicts', 'Consumer lag', 'Sockets', 'Outbox backlog', 'Waiting-room length']) {
      expect(titles).toContain(wanted);
    }
    expect(panels.every((panel) => (panel.targets ?? []).length > 0)).toBe(true);
  });

  it('scrape every service there is', () => {
    const names = /names:\s*\[([^\]]*)\]/
      .exec(readFileSync(PROMETHEUS, 'utf8'))?.[1]
      ?.split(',')
      .map((name) => name.trim());
    expect(names?.sort()).toEqual([...SERVICE_NAMES].sort());
  });
});
