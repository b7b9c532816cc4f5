export type TimerHandle = unknown;

interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The timer functions every JavaScript host has, browsers and Node alike;
 * typed here because the contracts compile without DOM or Node typings. Read
 * from `globalThis` at each call, so test fakes that replace them apply.
 */
export const timers: Timers = {
  setTimeout: (callback, ms) => (globalThis as unknown as Timers).setTimeout(callback, ms),
  clearTimeout: (handle) => (globalThis as unknown as Timers).clearTimeout(handle),
};
