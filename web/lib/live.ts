'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from 'react';
import type { Booking } from '@seatstorm/contracts';
import { createBooking, getBooking, getSeats, listBookings, type ApiAnswer } from './api';
import { initialSeatMapState, seatMapReducer, type SeatMapAction, type SeatMapState } from './seat-map/seat-map-state';

/**
 * The one place the seat map learns about changes. Pages use this hook and
 * the reducer's state; how changes arrive (polling the snapshot now, the
 * socket feed of versioned `seat.updated` deltas later) stays in here.
 */
export interface LiveSeatMap {
  state: SeatMapState;
  dispatch: Dispatch<SeatMapAction>;
  /** Holds seats for the signed-in person (idempotent by key); answers like POST /bookings. */
  hold(token: string, seatIds: readonly string[], idempotencyKey: string): Promise<ApiAnswer<Booking>>;
  /** Reloads the snapshot now (after a gap, or when the person asks). */
  resync(): void;
}

/** Small maps are cheap to reload; the 50,000-seat snapshot is megabytes, so it is polled less often. */
const POLL_MS_SMALL = 2_000;
const POLL_MS_LARGE = 5_000;
const LARGE_MAP_SEATS = 5_000;
const RETRY_MAX_MS = 8_000;

export function useLiveSeatMap(eventId: string): LiveSeatMap {
  const [state, dispatch] = useReducer(seatMapReducer, undefined, () => initialSeatMapState());
  const wakeRef = useRef<() => void>(() => undefined);
  const seatCount = state.layout?.seats.length ?? 0;
  const seatCountRef = useRef(seatCount);
  seatCountRef.current = seatCount;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let failures = 0;

    const poll = async () => {
      clearTimeout(timer);
      controller?.abort();
      controller = new AbortController();
      try {
        const snapshot = await getSeats(eventId, controller.signal);
        if (stopped) return;
        failures = 0;
        dispatch({ type: 'snapshot', snapshot });
      } catch {
        if (stopped || controller.signal.aborted) return;
        failures += 1;
        dispatch({ type: 'disconnected' });
      }
      const every = seatCountRef.current > LARGE_MAP_SEATS ? POLL_MS_LARGE : POLL_MS_SMALL;
      const delay = failures ? Math.min(RETRY_MAX_MS, 1_000 * 2 ** (failures - 1)) : every;
      timer = setTimeout(poll, delay);
    };
    wakeRef.current = () => void poll();
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    };
  }, [eventId]);

  const resync = useCallback(() => wakeRef.current(), []);

  const hold = useCallback(
    async (token: string, seatIds: readonly string[], idempotencyKey: string) => {
      const answer = await createBooking(token, { eventId, seatIds: [...seatIds] }, idempotencyKey);
      // The map should show the outcome now rather than at the next poll.
      wakeRef.current();
      return answer;
    },
    [eventId],
  );

  return { state, dispatch, hold, resync };
}

/** Bookings change on their own (payment outcomes, expiry): how often to look again until the socket pushes them. */
const BOOKINGS_POLL_MS = 3_000;

interface PolledResource<T> {
  data: T | null;
  error: unknown;
  /** Fetches now, e.g. right after this page changed something. */
  refresh(): void;
}

function usePolled<T>(load: ((signal: AbortSignal) => Promise<T>) | null, everyMs: number): PolledResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const wakeRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setData(null);
    if (!load) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const tick = async () => {
      clearTimeout(timer);
      controller?.abort();
      controller = new AbortController();
      try {
        const next = await load(controller.signal);
        if (stopped) return;
        setData(next);
        setError(null);
      } catch (cause) {
        if (stopped || controller.signal.aborted) return;
        setError(cause);
      }
      timer = setTimeout(tick, everyMs);
    };
    wakeRef.current = () => void tick();
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    };
  }, [load, everyMs]);

  const refresh = useCallback(() => wakeRef.current(), []);
  return { data, error, refresh };
}

/** The signed-in person's bookings, kept current. */
export function useMyBookings(token: string | null): PolledResource<Booking[]> {
  const load = useMemo(() => (token ? (signal: AbortSignal) => listBookings(token, signal) : null), [token]);
  return usePolled(load, BOOKINGS_POLL_MS);
}

/** One booking of the signed-in person, kept current (checkout watches its payment this way). */
export function useBooking(token: string | null, bookingId: string, everyMs = 1_000): PolledResource<Booking> {
  const load = useMemo(() => (token ? (signal: AbortSignal) => getBooking(token, bookingId, signal) : null), [token, bookingId]);
  return usePolled(load, everyMs);
}

const DECISION_POLL_MS = 1_000;
const DECISION_WAIT_MS = 60_000;

/**
 * A 202 hold is decided later (the booking service was slow or down): wait
 * for its decision. Resolves with the booking once it is no longer pending,
 * or with the pending booking when it takes longer than a minute.
 */
export async function awaitDecision(token: string, booking: Booking): Promise<Booking> {
  const deadline = Date.now() + DECISION_WAIT_MS;
  let current = booking;
  while (current.status === 'pending' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, DECISION_POLL_MS));
    try {
      current = await getBooking(token, booking.id);
    } catch {
      // The gateway may be briefly away too; keep waiting until the deadline.
    }
  }
  return current;
}
