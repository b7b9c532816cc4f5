import { useState } from 'react';
import type { Booking } from '@seatstorm/contracts';
import { extendBooking } from '@/lib/api';
import { describeError } from '@/lib/errors';

export interface Extension {
  extending: boolean;
  /** Why the last ask for more time was refused, in words for people. */
  error: string | null;
  extend(): Promise<void>;
}

/** Asks for more time on a hold; the booking then shows its new expiry at once (other tabs hear it pushed). */
export function useExtension(token: string | null, bookingId: string, booking: { changed(booking: Booking): void }): Extension {
  const [extending, setExtending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function extend() {
    if (!token) return;
    setExtending(true);
    setError(null);
    try {
      booking.changed(await extendBooking(token, bookingId));
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setExtending(false);
    }
  }

  return { extending, error, extend };
}
