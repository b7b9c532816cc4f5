import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { MAX_BACKOFF_MS, PollLoop, type PollLoopOptions } from './poll-loop';

const INTERVAL_MS = 1000;

/** A batch the test settles by hand, to hold a run in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('PollLoop', () => {
  let logger: { log: Mock<(...args: unknown[]) => void>; warn: Mock<(...args: unknown[]) => void> };
  let current: PollLoop | undefined;

  /** A started loop running `batch`. */
  const started = (batch: PollLoopOptions['batch'], options: Partial<PollLoopOptions> = {}) => {
    current = new PollLoop({ name: 'test loop', logger, intervalMs: INTERVAL_MS, batch, ...options });
    current.start();
    return current;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    logger = { log: vi.fn(), warn: vi.fn() };
  });

  afterEach(async () => {
    await current?.stop();
    current = undefined;
    vi.useRealTimers();
  });

  it('runs its first batch one interval after it starts', async () => {
    const batch = vi.fn(async () => false);
    started(batch);

    await vi.advanceTimersByTimeAsync(INTERVAL_MS - 1);
    expect(batch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(batch).toHaveBeenCalledTimes(1);
  });

  it('runs the next batch at once while batches come back full, then waits the interval', async () => {
    const batch = vi.fn<() => Promise<boolean>>().mockResolvedValueOnce(true).mockResolvedValueOnce(true).mockResolvedValue(false);
    started(batch);

    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(batch).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(INTERVAL_MS - 1);
    expect(batch).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(batch).toHaveBeenCalledTimes(4);
  });

  it('backs off while runs fail, up to its cap, logs the streak once, and recovers', async () => {
    let failing = true;
    const startedAt = Date.now();
    const runsAt: number[] = [];
    const batch = vi.fn(async () => {
      runsAt.push(Date.now() - startedAt);
      if (failing) throw new Error('database away');
      return false;
    });
    started(batch);

    // Tried again after the interval, then 2, 4, ... intervals, never more than MAX_BACKOFF_MS apart.
    await vi.advanceTimersByTimeAsync(INTERVAL_MS + INTERVAL_MS + 2 * INTERVAL_MS + 4 * INTERVAL_MS + 2 * MAX_BACKOFF_MS);
    const gaps = runsAt.slice(1).map((at, i) => at - runsAt[i]!);
    expect(runsAt[0]).toBe(INTERVAL_MS);
    expect(gaps).toEqual([INTERVAL_MS, 2 * INTERVAL_MS, 4 * INTERVAL_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith({ err: 'Error: database away' }, 'test loop failed; retrying');

    failing = false;
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS);
    expect(batch).toHaveBeenCalledTimes(7);
    expect(logger.log).toHaveBeenCalledWith({ failedRuns: 6 }, 'test loop recovered');

    // Recovered: back to the interval, and a new streak is logged again.
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(batch).toHaveBeenCalledTimes(8);
    failing = true;
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('runs now when asked, and the caller learns whether the run failed', async () => {
    const batch = vi.fn<() => Promise<boolean>>().mockRejectedValueOnce(new Error('broker away')).mockResolvedValue(false);
    const loop = started(batch);

    await expect(loop.runNow()).rejects.toThrow('broker away');
    await expect(loop.runNow()).resolves.toBeUndefined();
    expect(batch).toHaveBeenCalledTimes(2);
    // A run asked for puts the timer off: the next is one interval after it.
    await vi.advanceTimersByTimeAsync(INTERVAL_MS - 1);
    expect(batch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(batch).toHaveBeenCalledTimes(3);
  });

  it('answers calls during a run with that run, which goes round once more for them', async () => {
    const first = deferred<boolean>();
    const batch = vi.fn<() => Promise<boolean>>().mockReturnValueOnce(first.promise).mockResolvedValue(false);
    const around = vi.fn((pass: () => Promise<void>) => pass());
    const loop = started(batch, { around });

    const running = loop.runNow();
    const during = [loop.runNow(), loop.runNow()];
    expect(during[0]).toBe(running);
    first.resolve(false);
    await Promise.all([running, ...during]);

    expect(batch).toHaveBeenCalledTimes(2);
    // Each pass is wrapped on its own (a correlation id per sweep, say).
    expect(around).toHaveBeenCalledTimes(2);
  });

  it('stops after the batch in flight: stop waits for it, and no other batch starts', async () => {
    const inFlight = deferred<boolean>();
    const signals: AbortSignal[] = [];
    // Full, a few times: without the stop, the next batches would start at once.
    const batch = vi.fn((signal: AbortSignal) => {
      signals.push(signal);
      return signals.length === 1 ? inFlight.promise : Promise.resolve(signals.length < 5);
    });
    const loop = started(batch);
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(batch).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    expect(signals[0]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * INTERVAL_MS);
    expect(stopped).toBe(false);

    inFlight.resolve(true);
    await stopping;
    await loop.runNow();
    await vi.advanceTimersByTimeAsync(10 * INTERVAL_MS);
    expect(batch).toHaveBeenCalledTimes(1);
  });
});
