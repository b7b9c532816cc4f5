import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PushThrottle } from './push-throttle';

describe('PushThrottle', () => {
  let pushed: string[];
  let throttle: PushThrottle;

  beforeEach(() => {
    vi.useFakeTimers();
    pushed = [];
    throttle = new PushThrottle(
      1_000,
      (key) => pushed.push(key),
      () => Date.now(),
    );
  });
  afterEach(() => {
    throttle.close();
    vi.useRealTimers();
  });

  it('pushes the first change of a quiet key at once', () => {
    throttle.changed('evt_a');
    vi.advanceTimersByTime(0);
    expect(pushed).toEqual(['evt_a']);
  });

  it('folds the changes within an interval into one push at its end', () => {
    throttle.changed('evt_a');
    vi.advanceTimersByTime(0);
    for (let i = 0; i < 50; i += 1) {
      vi.advanceTimersByTime(10);
      throttle.changed('evt_a');
    }
    expect(pushed).toEqual(['evt_a']);
    vi.advanceTimersByTime(1_000);
    expect(pushed).toEqual(['evt_a', 'evt_a']);
    vi.advanceTimersByTime(5_000);
    expect(pushed).toEqual(['evt_a', 'evt_a']);
  });

  it('throttles each key on its own', () => {
    throttle.changed('evt_a');
    throttle.changed('evt_b');
    vi.advanceTimersByTime(0);
    expect(pushed.sort()).toEqual(['evt_a', 'evt_b']);
  });

  it('pushes nothing once closed', () => {
    throttle.changed('evt_a');
    throttle.close();
    vi.advanceTimersByTime(2_000);
    expect(pushed).toEqual([]);
  });
});
