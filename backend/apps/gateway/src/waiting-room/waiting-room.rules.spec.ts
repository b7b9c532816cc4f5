import { aheadNow, estimatedWaitSeconds } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { admissionsDue, nextAdaptiveRate, p90, type AdaptivePolicy } from './waiting-room.rules';

const policy: AdaptivePolicy = { targetDecisionMs: 500, minPerMinute: 60, maxPerMinute: 30_000 };

describe('adaptive admission', () => {
  it('grows by up to 10 % a tick while decisions are far under the target', () => {
    expect(nextAdaptiveRate(1000, { count: 50, p90Ms: 0 }, policy)).toBeCloseTo(1100);
    expect(nextAdaptiveRate(1000, { count: 50, p90Ms: 250 }, policy)).toBeCloseTo(1050);
    expect(nextAdaptiveRate(1000, { count: 50, p90Ms: 500 }, policy)).toBeCloseTo(1000);
  });

  it('shrinks in proportion to the overshoot, at most by half a tick', () => {
    expect(nextAdaptiveRate(1000, { count: 50, p90Ms: 625 }, policy)).toBeCloseTo(800);
    expect(nextAdaptiveRate(1000, { count: 50, p90Ms: 1000 }, policy)).toBeCloseTo(500);
    expect(nextAdaptiveRate(1000, { count: 50, p90Ms: 10_000 }, policy)).toBeCloseTo(500);
  });

  it('stays where it is without holds to learn from, and within its bounds', () => {
    expect(nextAdaptiveRate(1234, { count: 0, p90Ms: 0 }, policy)).toBe(1234);
    expect(nextAdaptiveRate(29_900, { count: 5, p90Ms: 0 }, policy)).toBe(30_000);
    expect(nextAdaptiveRate(70, { count: 5, p90Ms: 5000 }, policy)).toBe(60);
  });

  it('settles where the booking core keeps its target: a core whose latency grows with the rate', () => {
    // Decisions take 100 ms at rest plus 1 ms per buyer admitted per minute beyond 2,000 (an overloaded core).
    const latency = (rate: number) => 100 + Math.max(0, rate - 2000);
    let rate = 600;
    for (let tick = 0; tick < 200; tick += 1) rate = nextAdaptiveRate(rate, { count: 100, p90Ms: latency(rate) }, policy);
    expect(latency(rate)).toBeLessThanOrEqual(policy.targetDecisionMs * 1.1);
    expect(rate).toBeGreaterThan(2000);
  });
});

describe('admissions per tick', () => {
  it('carries fractions over, so the rate is kept exactly over time', () => {
    let carry = 0;
    const admitted: number[] = [];
    for (let tick = 0; tick < 4; tick += 1) {
      const due = admissionsDue(90, 1000, carry);
      admitted.push(due.admit);
      carry = due.carry;
    }
    expect(admitted).toEqual([1, 2, 1, 2]);
    expect(admissionsDue(0, 1000, 0.5)).toEqual({ admit: 0, carry: 0 });
  });
});

describe('what a waiting page shows', () => {
  it('counts down the people ahead by everyone admitted since it read its place', () => {
    expect(aheadNow(10, 100, 104)).toBe(6);
    expect(aheadNow(3, 100, 120)).toBe(0);
    expect(aheadNow(3, 100, 90)).toBe(3);
  });

  it('estimates the wait from the rate, and gives none while nobody is admitted', () => {
    expect(estimatedWaitSeconds(59, 60)).toBe(60);
    expect(estimatedWaitSeconds(0, 600)).toBe(1);
    expect(estimatedWaitSeconds(10, 0)).toBeNull();
  });

  it('takes the 90th percentile by nearest rank', () => {
    expect(p90([])).toBe(0);
    expect(p90([5])).toBe(5);
    expect(p90(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(90);
  });
});
