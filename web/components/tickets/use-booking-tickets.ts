import { useCallback, useEffect, useState } from 'react';
import type { BookingTickets } from '@seatstorm/contracts';
import { getBookingTickets } from '@/lib/api';

export interface BookingTicketsState {
  data: BookingTickets | null;
  error: unknown;
  reload(): void;
}

/** A booking's tickets, loaded once the person is known; `reload` asks again (a failed load, a refund elsewhere). */
export function useBookingTickets(token: string | null, bookingId: string): BookingTicketsState {
  const [data, setData] = useState<BookingTickets | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    getBookingTickets(token, bookingId, abort.signal).then(
      (tickets) => {
        setData(tickets);
        setError(null);
      },
      (cause: unknown) => {
        if (!abort.signal.aborted) setError(cause);
      },
    );
    return () => abort.abort();
  }, [token, bookingId, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, reload };
}
