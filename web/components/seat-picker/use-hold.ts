import { useRef, useState } from 'react';
import type { BestAvailable, Booking, StandingRequest } from '@seatstorm/contracts';
import { ApiError, isGatewayUnavailable } from '@/lib/api';
import { awaitDecision } from '@/lib/await-decision';
import { describeError, unavailableSeatIds } from '@/lib/errors';
import { releaseHold, type LiveSeatMap, type SeatChoice } from '@/lib/live';
import { useSession } from '../session/session-provider';

export interface Hold {
  /** True from sending a hold or a release until it is decided. */
  busy: boolean;
  /** The last hold that went through here, which the list of bookings may not show yet. */
  justHeld: Booking | null;
  /** Holds the seats picked and, beside them or alone, standing places of an area: all or nothing. */
  hold(seatIds: readonly string[], standing?: StandingRequest | null): Promise<void>;
  /**
   * Best available: the booking core picks `best.count` seats together. Answers the booking held,
   * or why there is none in words for people; the map shows the seats as this person's either way.
   */
  holdBest(best: BestAvailable): Promise<Booking | string>;
  /** Lets a hold go again; throws what the gateway answered when it could not. */
  release(booking: Booking): Promise<void>;
}

function newIdempotencyKey(): string {
  return `hold-${crypto.randomUUID()}`;
}

const STILL_DECIDING = 'Your hold is still being decided. Check My bookings in a moment.';

/**
 * Holds seats for the signed-in person and tells the seat map how it went. A hold answered 202 waits for its
 * decision, which the owner's `booking.updated` push announces. `onChanged` runs once seats are held or released.
 */
export function useHold(live: LiveSeatMap, onChanged: () => void): Hold {
  const { session, signOut } = useSession();
  const { dispatch } = live;
  const [busy, setBusy] = useState(false);
  const [justHeld, setJustHeld] = useState<Booking | null>(null);
  // Asking again for the same seats after a network failure reuses the key, so the gateway never holds twice.
  const keyRef = useRef<{ asked: string; key: string } | null>(null);

  /**
   * Sends a hold: the booking once held, else why not. A refusal goes on the map's notice when `announce`,
   * and seats someone else took always leave the selection.
   */
  async function send(choice: SeatChoice, announce: boolean): Promise<Booking | string> {
    if (!session) return 'Sign in to hold seats.';
    const asked = JSON.stringify(choice);
    if (keyRef.current?.asked !== asked) keyRef.current = { asked, key: newIdempotencyKey() };
    setBusy(true);
    dispatch({ type: 'hold-started' });
    try {
      const answer = await live.hold(session.token, choice, keyRef.current.key);
      let booking = answer.data;
      if (booking.status === 'pending') {
        dispatch({ type: 'hold-pending' });
        booking = await awaitDecision(session.token, booking);
      }
      keyRef.current = null;
      if (booking.status === 'reserved') {
        dispatch({ type: 'hold-succeeded', bookingId: booking.id, seatIds: booking.seatIds });
        setJustHeld(booking);
        onChanged();
        return booking;
      }
      const message = booking.status === 'pending' ? STILL_DECIDING : (booking.reason ?? 'Those seats could not be held. Pick again.');
      dispatch({ type: 'hold-failed', lostSeatIds: [], message: announce ? message : undefined });
      return message;
    } catch (error) {
      // Only an answer that never came may be asked for again under the same key: a decision is replayed as it was.
      if (!isGatewayUnavailable(error)) keyRef.current = null;
      const lost = unavailableSeatIds(error);
      const message = describeError(error);
      dispatch({ type: 'hold-failed', lostSeatIds: lost, message: announce && !lost.length ? message : undefined });
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') await signOut();
      return message;
    } finally {
      setBusy(false);
    }
  }

  async function hold(seatIds: readonly string[], standing?: StandingRequest | null) {
    if (seatIds.length || standing) await send({ seatIds, ...(standing ? { ga: standing } : {}) }, true);
  }

  function holdBest(best: BestAvailable) {
    return send({ best }, false);
  }

  async function release(booking: Booking) {
    if (!session) return;
    setBusy(true);
    try {
      await releaseHold(session.token, booking.id);
    } finally {
      setBusy(false);
    }
    setJustHeld((held) => (held?.id === booking.id ? null : held));
    onChanged();
  }

  return { busy, justHeld, hold, holdBest, release };
}
