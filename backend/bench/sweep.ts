import { Topic } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { CpuMeter } from './cpu';
import type { BenchStack } from './bench-stack';
import { LoadGenerator } from './load/open-loop';
import type { HoldPath } from './load/load-worker';
import { log } from './report';
import type { Sweep, SweepStep } from './results';
import { copyStadium } from './stadium';

export interface SweepOptions {
  path: HoldPath;
  /** Arrival rates to try, lowest first; the sweep stops after the first one the path cannot keep up with. */
  rates: number[];
  seconds: number;
  p99TargetMs: number;
  tokens: string[];
  workers: number;
  /** REST: keep-alive connections in all. */
  connections: number;
  /** Socket path: holds one socket may send per second (the gateway's LIVE_HOLD_RATE_LIMIT, with a margin). */
  holdsPerSocket: number;
  /** Share of attempts aimed at the sought-after seats. */
  hotShare: number;
}

/** A request unanswered this long counts as timed out. */
const TIMEOUT_MS = 10_000;
/** Requests in flight beyond this (all workers) are shed: the step is far past capacity. */
const MAX_IN_FLIGHT = 20_000;
/** After a step, how long the booking core may take to decide what is still queued before the next step starts. */
const SETTLE_TIMEOUT_MS = 60_000;
/** …or until no command has been decided for this long. */
const STILL_MS = 3000;
/** Decided share of the requests sent, for a step to count as sustained. */
const SUSTAINED_SHARE = 0.99;
/** Below this share of the offered rate decided, the path is saturated: higher rates would only queue. */
const SATURATED_SHARE = 0.9;

/**
 * An open-loop sweep of one hold path on the 50,000-seat stadium: each step a
 * fresh copy of the map, a constant arrival rate for `seconds`, one seat per
 * attempt aimed mostly at the best sections (so conflicts grow as they sell
 * out, as in a real on-sale). A step is sustained when its p99 is within the
 * target and (nearly) every request got a decision: 201 or 409, not 202,
 * 429, a timeout or an error. The sweep goes on past steps that miss the
 * latency target, so the curve shows how latency grows, and stops once the
 * path no longer decides what arrives.
 */
export async function runSweep(stack: BenchStack, options: SweepOptions): Promise<Sweep> {
  const layout = await copyStadium(stack.db);
  const sockets = options.path === 'socket' ? Math.ceil(Math.max(...options.rates) / options.holdsPerSocket) : 0;
  log(`${options.path} sweep: ${options.path === 'socket' ? `${sockets} sockets` : `${options.connections} connections`} from ${options.workers} processes…`);
  const generator = await LoadGenerator.start({
    path: options.path,
    gatewayUrl: stack.gatewayUrl,
    tokens: options.tokens,
    workers: options.workers,
    connections: options.connections,
    sockets,
    labels: layout.labels,
    hotCount: layout.hotCount,
    hotShare: options.hotShare,
  });
  const steps: SweepStep[] = [];
  try {
    for (const rate of options.rates) {
      const { eventId } = steps.length === 0 ? layout : await copyStadium(stack.db);
      const meter = await CpuMeter.start([...stack.measured, ...generator.pids.map((pid, i) => ({ name: `generator ${i + 1}`, pid }))], stack.db);
      const outcome = await generator.step({ eventId, rate, seconds: options.seconds, timeoutMs: TIMEOUT_MS, maxInFlight: MAX_IN_FLIGHT });
      const cpu = await meter.stop();
      const decided = (outcome.statuses['201'] ?? 0) + (outcome.statuses['409'] ?? 0);
      const latency = outcome.latency.summary();
      const sustained = outcome.shed === 0 && latency.p99 <= options.p99TargetMs && decided >= SUSTAINED_SHARE * outcome.sent;
      const step: SweepStep = {
        offeredPerSecond: rate,
        sentPerSecond: outcome.sent / options.seconds,
        decidedPerSecond: decided / outcome.seconds,
        seconds: outcome.seconds,
        latency,
        statuses: { ...outcome.statuses, ...(outcome.shed > 0 ? { shed: outcome.shed } : {}) },
        cpuPer1000: cpu.filter(({ name }) => name !== 'load generator').map(({ name, ms }) => ({ name, ms: decided > 0 ? (ms * 1000) / decided : Number.NaN })),
        sustained,
      };
      steps.push(step);
      log(
        `  ${options.path} ${rate}/s: decided ${Math.round(step.decidedPerSecond)}/s, p50 ${latency.p50.toFixed(0)} ms, p99 ${latency.p99.toFixed(0)} ms, ` +
          `${JSON.stringify(step.statuses)}${sustained ? '' : ' — not sustained'}`,
      );
      await settle(stack.db, eventId, outcome.sent);
      const stages = await stagesOf(stack.db, eventId);
      step.stages = stages;
      log(`    issued → decided p50 ${stages.issuedToDecided.p50.toFixed(0)} ms, decided → published p50 ${stages.decidedToPublished.p50.toFixed(0)} ms`);
      if (outcome.shed > 0 || step.decidedPerSecond < SATURATED_SHARE * rate) break;
    }
  } finally {
    generator.stop();
  }
  const best = steps.filter((step) => step.sustained).at(-1);
  return { path: options.path, steps, sustainedPerSecond: best?.offeredPerSecond ?? 0, p99TargetMs: options.p99TargetMs };
}

/** The decisions' trace (issue → decision) and the outbox's publish times, for one event. */
async function stagesOf(db: Pool, eventId: string): Promise<NonNullable<SweepStep['stages']>> {
  const { rows } = await db.query<{ d50: number; d99: number; p50: number; p99: number }>(
    `WITH d AS (
       SELECT (payload->'trace'->>'decidedInMs')::float AS decided,
              extract(epoch FROM published_at - (payload->>'occurredAt')::timestamptz)::float * 1000 AS published
         FROM outbox_messages WHERE topic = $2 AND key = $1 AND payload ? 'trace')
     SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY decided) AS d50, percentile_disc(0.99) WITHIN GROUP (ORDER BY decided) AS d99,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY published) AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY published) AS p99 FROM d`,
    [eventId, Topic.BookingEvents],
  );
  const row = rows[0];
  return {
    issuedToDecided: { p50: row?.d50 ?? Number.NaN, p99: row?.d99 ?? Number.NaN },
    decidedToPublished: { p50: row?.p50 ?? Number.NaN, p99: row?.p99 ?? Number.NaN },
  };
}

/**
 * Waits until the booking core has decided every command the step sent for
 * `eventId` and the outbox has published them (or nothing moved for a few
 * seconds), bounded: the next step must not share the machine with this
 * one's backlog.
 */
async function settle(db: Pool, eventId: string, sent: number): Promise<void> {
  const giveUpAt = Date.now() + SETTLE_TIMEOUT_MS;
  let last = -1;
  let stillSince = Date.now();
  for (;;) {
    const { rows } = await db.query<{ decided: number; unpublished: number }>(
      `SELECT (SELECT count(*)::int FROM processed_commands WHERE event_id = $1) AS decided,
              (SELECT count(*)::int FROM outbox_messages WHERE published_at IS NULL) AS unpublished`,
      [eventId],
    );
    const { decided = 0, unpublished = 0 } = rows[0] ?? {};
    if ((decided >= sent && unpublished === 0) || Date.now() > giveUpAt) return;
    if (decided !== last) stillSince = Date.now();
    else if (Date.now() - stillSince > STILL_MS) return;
    last = decided;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
