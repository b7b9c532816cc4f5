/**
 * The hold countdown: pure functions of an expiry instant and "now", so the
 * display is testable without timers.
 */

export type CountdownPhase = 'running' | 'ending' | 'expired';

/** Under this, the countdown warns: a person needs time to type a card number. */
export const ENDING_SOON_MS = 60_000;

export interface Countdown {
  /** Milliseconds left, never negative. */
  remainingMs: number;
  /** "9:58", "0:07", "1:02:03" past an hour. */
  label: string;
  phase: CountdownPhase;
  /** "9 minutes 58 seconds left", for screen readers. */
  spoken: string;
}

function plural(value: number, unit: string): string {
  return `${value} ${unit}${value === 1 ? '' : 's'}`;
}

export function countdownTo(expiresAt: string | Date, nowMs: number): Countdown {
  const end = typeof expiresAt === 'string' ? Date.parse(expiresAt) : expiresAt.getTime();
  const remainingMs = Number.isFinite(end) ? Math.max(0, end - nowMs) : 0;
  // Round up: "0:01" until the last millisecond, and "0:00" only once it is over.
  const totalSeconds = Math.ceil(remainingMs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  const label = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
  const phase: CountdownPhase = remainingMs <= 0 ? 'expired' : remainingMs <= ENDING_SOON_MS ? 'ending' : 'running';
  const parts = [hours ? plural(hours, 'hour') : '', minutes ? plural(minutes, 'minute') : '', seconds || totalSeconds === 0 ? plural(seconds, 'second') : ''];
  const spoken = phase === 'expired' ? 'Time is up' : `${parts.filter(Boolean).join(' ')} left`;
  return { remainingMs, label, phase, spoken };
}

/** How long until the display next changes: the next whole second. */
export function msUntilNextTick(expiresAt: string | Date, nowMs: number): number {
  const { remainingMs } = countdownTo(expiresAt, nowMs);
  if (remainingMs <= 0) return Infinity;
  const intoSecond = remainingMs % 1000;
  return intoSecond === 0 ? 1000 : intoSecond;
}
