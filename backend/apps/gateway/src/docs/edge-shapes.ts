import { z } from 'zod';
import type { EventsController } from '../events/events.controller';
import type { HealthController } from '../health/health.controller';
import type { HealthReport } from '../health/health.service';

/** True when A and B are the same type: each assignable to the other, with the same keys (so no optional one extra). */
export type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

/** Compiles only when every entry is true: a list of type checks. */
export type AllTrue<T extends Record<string, true>> = T;

/**
 * A schema for an answer that is typed only in TypeScript, checked at compile
 * time to describe exactly that type: change one without the other and
 * `npm run typecheck` fails.
 */
export const describing =
  <T>() =>
  <S extends z.ZodType>(schema: S & (Same<z.output<S>, T> extends true ? unknown : never)): S =>
    schema;

const dependencyHealthSchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().nonnegative(),
  /** What the failing client said; left out in production (it goes to the log). */
  error: z.string().optional(),
});

/** GET /health: the gateway's dependencies, each up or down. */
export const healthReportSchema = describing<HealthReport>()(
  z.object({
    status: z.enum(['ok', 'degraded']),
    checks: z.object({ kafka: dependencyHealthSchema, postgres: dependencyHealthSchema, redis: dependencyHealthSchema }),
  }),
);

/** GET /health/live. */
export const livenessSchema = describing<ReturnType<HealthController['live']>>()(z.object({ status: z.literal('ok') }));

/** POST /events/:eventId/seats/block and …/unblock: the command sent, whose effect arrives on every map as a seat delta. */
export const commandAcceptedSchema = describing<Awaited<ReturnType<EventsController['block']>>>()(z.object({ commandId: z.string() }));
