/**
 * The waiting room's arithmetic, as pure functions (docs/architecture.md §8):
 * how many buyers one tick admits, and how the adaptive rate follows the
 * booking core. The store applies them atomically in Redis; nothing here reads
 * a clock or a connection.
 */

export interface AdaptivePolicy {
  /** Hold decisions (p90) at or under this are "keeping up". */
  targetDecisionMs: number;
  minPerMinute: number;
  maxPerMinute: number;
}

/** What the gateways measured of hold decisions since the last tick. */
export interface DecisionSignal {
  /** Hold requests answered (decided, or pending when the wait ran out). */
  count: number;
  /** Their 90th percentile, in ms; a pending answer counts as the full wait. */
  p90Ms: number;
}

/** Most the rate grows in one tick while decisions are instant: +10 %. */
const MAX_GROWTH = 0.1;
/** Most the rate shrinks in one tick however late decisions are: halved. */
const MAX_SHRINK = 0.5;

/**
 * The next adaptive rate (buyers per minute), from the current one and the
 * decision latency of the last tick, L the target and p the measured p90:
 *
 *     p ≤ L:  rate × (1 + 0.1 · (1 − p / L))     grow, faster the more headroom
 *     p > L:  rate × max(0.5, L / p)             shrink in proportion to the overshoot
 *
 * clamped to [min, max]. Without holds in the tick there is nothing to learn
 * and the rate stays. Proportional decrease (at most halving) and slow growth
 * (at most +10 % a tick) keep the booking core near its target instead of
 * oscillating between overload and idle.
 */
export function nextAdaptiveRate(current: number, signal: DecisionSignal, policy: AdaptivePolicy): number {
  const clamp = (rate: number) => Math.min(policy.maxPerMinute, Math.max(policy.minPerMinute, rate));
  if (signal.count === 0) return clamp(current);
  const ratio = signal.p90Ms / policy.targetDecisionMs;
  const factor = ratio <= 1 ? 1 + MAX_GROWTH * (1 - ratio) : Math.max(MAX_SHRINK, 1 / ratio);
  return clamp(current * factor);
}

/**
 * How many buyers a tick admits: the rate over the time since the last tick,
 * plus the fraction the last tick could not admit (so 90 a minute on 1-second
 * ticks admits 1, 2, 1, 2, …). `elapsedMs` is capped by the caller, so a room
 * nobody ticked for a while does not let in a burst.
 */
export function admissionsDue(perMinute: number, elapsedMs: number, carry: number): { admit: number; carry: number } {
  if (perMinute <= 0 || elapsedMs <= 0) return { admit: 0, carry: 0 };
  const due = carry + (perMinute * elapsedMs) / 60_000;
  const admit = Math.floor(due);
  return { admit, carry: due - admit };
}

/** The 90th percentile of some durations (nearest rank), 0 for none. */
export function p90(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)]!;
}
