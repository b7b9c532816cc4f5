import { z } from 'zod';

/** One dependency's answer to its readiness check. */
export const dependencyHealthSchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().nonnegative(),
  /** What the failing client said; left out in production (it goes to the log). */
  error: z.string().optional(),
});
export type DependencyHealth = z.infer<typeof dependencyHealthSchema>;

/**
 * GET /health, on the gateway and on every process's OPS_PORT: each
 * dependency up or down; 200 when all are up (`ok`), else 503 (`degraded`).
 */
export const healthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ kafka: dependencyHealthSchema, postgres: dependencyHealthSchema, redis: dependencyHealthSchema }),
});
export type HealthReport = z.infer<typeof healthReportSchema>;
/** What a process's readiness checks: every service needs all three. */
export type HealthDependency = keyof HealthReport['checks'];

/** GET /health/live: the process is up and serving. */
export const livenessSchema = z.object({ status: z.literal('ok') });
export type Liveness = z.infer<typeof livenessSchema>;
