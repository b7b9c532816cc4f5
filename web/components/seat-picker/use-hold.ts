import { useRef, useState } from 'react';
import type { Booking } from '@seatstorm/contracts';
import { ApiError } from '@/lib/api';
import { awaitDecision } from '@/lib/await-decision';
import { describeError, unavailableSeatIds } from '@/lib/errors';
import type { LiveSeatMap } from '@/lib/live';
import { useSession } from '../session/session-provider';

export interface Hold {
  /** True from sending the hold until it is decided. */
  busy: boolean;
  /** The last hold that went through here, which the list of bookings may not show yet. */
  justHeld: Booking | null;
  hold(seatIds: readonly string[]): Promise<void>;
}

function newIdempotencyKey(): string {
  return `hold-${crypto.randomUUID()}`;
}

/**
 * Holds seats for the signed-in person and tells the seat map how it went. A hold answered 202 waits for its
 * decision, which the owner's `booking.updated` push announces. `onHeld` runs once seats are held.
 */
export function useHold(live: LiveSeatMap, onHeld: () => void): Hold {
  const { session, signOut } = useSession();
  const { dispatch } = live;
  const [busy, setBusy] = useState(false);
  const [justHeld, setJustHeld] = useState<Booking | null>(null);
  // Retrying the same seats after a network failure reuses the key, so the gateway never holds twice.
  const keyRef = useRef<{ seats: string; key: string } | null>(null);

  async function hold(seatIds: readonly string[]) {
    if (!session || !seatIds.length) return;
    const seats = seatIds.join();
    if (keyRef.current?.seats !== seats) keyRef.current = { seats, key: newIdempotencyKey() };
    setBusy(true);
    dispatch({ type: 'hold-started' });
    try {
      const answer = await live.hold(session.token, seatIds, keyRef.current.key);
      let booking = answer.data;
      if (booking.status === 'pending') {
        dispatch({ type: 'hold-pending' });
        booking = await awaitDecision(session.token, booking);
      }
      keyRef.current = null;
      if (booking.status === 'reserved') {
        dispatch({ type: 'hold-succeeded', bookingId: booking.id, seatIds: booking.seatIds });
        setJustHeld(booking);
        onHeld();
      } else if (booking.status === 'pending') {
        dispatch({ type: 'hold-failed', lostSeatIds: [], message: 'Your hold is still being decided. Check My bookings in a moment.' });
      } else {
        dispatch({ type: 'hold-failed', lostSeatIds: [], message: booking.reason ?? 'Those seats could not be held. Pick again.' });
      }
    } catch (error) {
      const lost = unavailableSeatIds(error);
      if (lost.length) keyRef.current = null;
      dispatch({ type: 'hold-failed', lostSeatIds: lost, message: lost.length ? undefined : describeError(error) });
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') await signOut();
    } finally {
      setBusy(false);
    }
  }

  return { busy, justHeld, hold };
}
