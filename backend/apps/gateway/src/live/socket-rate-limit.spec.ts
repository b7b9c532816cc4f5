import { describe, expect, it } from 'vitest';
import { TokenBucket } from './socket-rate-limit';

describe('TokenBucket', () => {
  it('allows a burst of perSecond, then refuses, naming the wait', () => {
    const bucket = new TokenBucket(10, 0);
    for (let i = 0; i < 10; i += 1) expect(bucket.take(0), `take ${i}`).toBeUndefined();
    expect(bucket.take(0)).toBe(100);
    expect(bucket.take(40)).toBe(60);
  });

  it('refills continuously at perSecond', () => {
    const bucket = new TokenBucket(10, 0);
    for (let i = 0; i < 10; i += 1) bucket.take(0);
    expect(bucket.take(100)).toBeUndefined();
    expect(bucket.take(100)).toBeDefined();
    expect(bucket.take(350)).toBeUndefined();
    expect(bucket.take(350)).toBeUndefined();
    expect(bucket.take(350)).toBeDefined();
  });

  it('never saves up more than one second of actions', () => {
    const bucket = new TokenBucket(3, 0);
    const allowed = Array.from({ length: 10 }, () => bucket.take(60_000) === undefined).filter(Boolean);
    expect(allowed).toHaveLength(3);
  });

  it('holds a steady pace of perSecond', () => {
    const bucket = new TokenBucket(5, 0);
    let allowed = 0;
    for (let now = 0; now < 10_000; now += 10) if (bucket.take(now) === undefined) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(5 + 49);
    expect(allowed).toBeLessThanOrEqual(5 + 50);
  });
});
