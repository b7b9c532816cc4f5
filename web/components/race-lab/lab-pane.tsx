'use client';

import { useEffect, useRef, useState } from 'react';
import type { AuthResult, EventDetail } from '@seatstorm/contracts';
import { describeError, unavailableSeatIds } from '@/lib/errors';
import { labSession } from '@/lib/lab-sessions';
import { useLiveSeatMap, useMyBookings } from '@/lib/live';
import { seatStateOf } from '@/lib/seat-map/seat-map-state';
import { SeatMapView } from '../seat-map/seat-map-view';
import styles from './race-lab.module.css';

export interface RaceSignal {
  serial: number;
  seatId: string;
}

export interface PaneResult {
  outcome: 'racing' | 'won' | 'lost' | 'error';
  message: string;
  /** From pressing Race! to the answer, as this browser measured it. */
  ms?: number;
  bookingId?: string;
  token: string;
}

interface LabPaneProps {
  name: string;
  email: string;
  event: EventDetail;
  target: string | null;
  race: RaceSignal | null;
  result: PaneResult | undefined;
  onPick(seatId: string): void;
  onResult(name: string, result: PaneResult): void;
}

/** One racer: their own sign-in, socket and live map; holds the target seat when the race starts. */
export function LabPane({ name, email, event, target, race, result, onPick, onResult }: LabPaneProps) {
  const [session, setSession] = useState<AuthResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useLiveSeatMap(event, session?.token ?? null);
  const { state, dispatch, hold } = live;
  const layout = state.layout;
  const raced = useRef(0);
  const bookings = useMyBookings(session?.token ?? null, event.id);

  // This racer's own holds show as theirs (a star), the others' as reserved.
  useEffect(() => {
    if (bookings.data) dispatch({ type: 'my-bookings', bookingIds: bookings.data.map((booking) => booking.id) });
  }, [bookings.data, dispatch]);

  useEffect(() => {
    labSession(email).then(setSession, (cause: unknown) => setError(describeError(cause)));
  }, [email]);

  // The race target shows as this pane's selection.
  useEffect(() => {
    dispatch({ type: 'clear-selection' });
    if (target) dispatch({ type: 'toggle', seatId: target });
  }, [target, dispatch, layout]);

  useEffect(() => {
    if (!race || !session || raced.current === race.serial) return;
    raced.current = race.serial;
    const started = performance.now();
    const key = `lab-${race.serial}-${crypto.randomUUID()}`;
    dispatch({ type: 'hold-started' });
    onResult(name, { outcome: 'racing', message: 'Holding…', token: session.token });
    hold(session.token, { seatIds: [race.seatId] }, key).then(
      ({ data }) => {
        const ms = Math.round(performance.now() - started);
        if (data.status === 'reserved') {
          dispatch({ type: 'hold-succeeded', bookingId: data.id, seatIds: data.seatIds });
          onResult(name, { outcome: 'won', message: 'Won — the seat is held', ms, bookingId: data.id, token: session.token });
        } else {
          dispatch({ type: 'hold-failed', lostSeatIds: [], message: data.reason ?? 'Still being decided.' });
          onResult(name, { outcome: 'lost', message: data.reason ?? 'Still being decided', ms, token: session.token });
        }
      },
      (cause: unknown) => {
        const ms = Math.round(performance.now() - started);
        const lost = unavailableSeatIds(cause);
        dispatch({ type: 'hold-failed', lostSeatIds: lost, message: lost.length ? undefined : describeError(cause) });
        onResult(
          name,
          lost.length
            ? { outcome: 'lost', message: 'Lost — someone else was first', ms, token: session.token }
            : { outcome: 'error', message: describeError(cause), ms, token: session.token },
        );
      },
    );
  }, [race, session, dispatch, hold, name, onResult]);

  const targetState = target ? seatStateOf(state, target) : null;

  return (
    <section className={styles.pane} data-outcome={result?.outcome} aria-labelledby={`pane-${name}`}>
      <header className={styles.paneHeader}>
        <span className={styles.avatar} aria-hidden="true">
          {name.charAt(0)}
        </span>
        <h2 id={`pane-${name}`} className={styles.paneName}>
          {name}
        </h2>
        <span className={styles.paneSync} data-sync={state.sync}>
          {error ? 'Signed out' : !session ? 'Signing in…' : state.sync === 'live' ? 'Live' : state.sync === 'reconnecting' ? 'Reconnecting…' : 'Loading…'}
        </span>
      </header>
      <div className={styles.paneMap} data-sync={state.sync}>
        {layout ? <SeatMapView layout={layout} state={state} onToggle={onPick} /> : <p className={styles.paneLoading}>{error ?? 'Loading the seat map…'}</p>}
      </div>
      <p className={styles.result} data-outcome={result?.outcome ?? 'idle'} role="status">
        {result ? (
          <>
            <strong>{result.message}</strong>
            {result.ms !== undefined ? <span> · answered in {result.ms} ms</span> : null}
          </>
        ) : target ? (
          `Target seat is ${targetState === 'selected' ? 'free' : (targetState ?? 'unknown')} here.`
        ) : (
          'Pick a seat to race for.'
        )}
      </p>
    </section>
  );
}
