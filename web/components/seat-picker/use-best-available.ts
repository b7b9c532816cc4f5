import { useState } from 'react';
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

/**
 * Best available, one round after another: ask for seats together, keep them or let them go and ask
 * again. The hold shown is as `bookings` (this person's, kept current) has it once they list it.
 */
export function useBestAvailable(hold: Hold, bookings: readonly Booking[] | null): BestAvailableRound {
  const [held, setHeld] = useState<Booking | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

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

  const current = held && (bookings?.find((booking) => booking.id === held.id) ?? held);
  return { held: current, refusal, ask, pickAgain };
}
