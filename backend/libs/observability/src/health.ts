import type { DependencyHealth, HealthDependency, HealthReport } from '@seatstorm/contracts';

const CHECK_TIMEOUT_MS = 2000;

/**
 * Readiness of a process's dependencies: each ping run separately and in
 * parallel, each bounded in time. What a failing client said (an address, a
 * port, a driver's message) helps whoever runs Seatstorm locally and would
 * help an attacker map a production deployment: with `production`, the report
 * only says which dependency is down, and `onFailure` (the log) says why.
 */
export async function checkDependencies(
  pings: Record<HealthDependency, () => Promise<unknown>>,
  options: { production: boolean; onFailure?: (dependency: HealthDependency, error: string) => void },
): Promise<HealthReport> {
  const names = Object.keys(pings) as HealthDependency[];
  const results = await Promise.all(names.map((name) => measure(pings[name])));
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i]!])) as HealthReport['checks'];
  for (const name of names) {
    const { error } = checks[name];
    if (error) options.onFailure?.(name, error);
    if (options.production) delete checks[name].error;
  }
  return { status: results.every((check) => check.status === 'up') ? 'ok' : 'degraded', checks };
}

async function measure(probe: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 10) / 10;
