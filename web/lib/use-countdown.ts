'use client';

import { useEffect, useState } from 'react';
import { countdownTo, msUntilNextTick, type Countdown } from './countdown';

/** A countdown to `expiresAt` that re-renders on every whole second, and stops at zero. */
export function useCountdown(expiresAt: string | null): Countdown | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const delay = msUntilNextTick(expiresAt, now);
    if (!Number.isFinite(delay)) return;
    const timer = setTimeout(() => setNow(Date.now()), delay + 5);
    return () => clearTimeout(timer);
  }, [expiresAt, now]);
  return expiresAt ? countdownTo(expiresAt, now) : null;
}
