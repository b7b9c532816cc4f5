import { useEffect, useState } from 'react';
import type { BestAvailable, Booking } from '@seatstorm/contracts';
import { ApiError } from '@/lib/api';
import { describeError } from '@/lib/errors';
import type { Hold } from './use-hold';

export interface BestAvailableRound {
  /** The hold best available made, shown until it is let go. */
  held: Booking | null;
  /** Why the last ask (or letting the seats go) did not work, in words for people. */
  refusal: string | null;
  ask(best: BestAvailable): Promise<void>;
  /** Lets the seats shown go, then asks again. */
  pickAgain(best: BestAvailable): Promise<void>;
}

/** A release refused because the hold already ended: its seats are free, so asking again is right. */
function alreadyOver(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'HOLD_EXPIRED' || error.code === 'INVALID_STATE');
}

/** A hold still worth showing with "Go to checkout": held, or paid and being confirmed. */
const SHOWN_STATUSES: ReadonlySet<Booking['status']> = new Set(['reserved', 'paid']);

/**
 * Best available, one round after another: ask for seats together, keep them or let them go and ask
 * again. The hold shown is as `bookings` (this person's holding bookings, kept current) has it once
 * they list it; it goes once it ends anywhere (released in another tab, expired, confirmed), whether
 * the list says so by its status or by no longer listing it.
 */
export function useBestAvailable(hold: Hold, bookings: readonly Booking[] | null): BestAvailableRound {
  const [held, setHeld] = useState<Booking | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The hold the list has shown: from then on, its absence from the list means it ended.
  const [listedId, setListedId] = useState<string | null>(null);
  const listed = held ? bookings?.find((booking) => booking.id === held.id) : undefined;
  useEffect(() => {
    if (listed) setListedId(listed.id);
  }, [listed]);

  async function ask(best: BestAvailable) {
    setRefusal(null);
    const answer = await hold.holdBest(best);
    if (typeof answer === 'string') setRefusal(answer);
    else setHeld(answer);
  }

  async function pickAgain(best: BestAvailable) {
    if (held) {
      setRefusal(null);
      try {
        await hold.release(held);
      } catch (error) {
        if (!alreadyOver(error)) {
          setRefusal(describeError(error));
          return;
        }
      }
      setHeld(null);
    }
    await ask(best);
  }

  const ended = held !== null && (listed ? !SHOWN_STATUSES.has(listed.status) : listedId === held.id);
  const current = held && !ended ? (listed ?? held) : null;
  return { held: current, refusal, ask, pickAgain };
}
