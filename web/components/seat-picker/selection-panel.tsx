'use client';

import { useRef, useState } from 'react';
import Link from 'next/link';
import type { Booking, EventDetail } from '@seatstorm/contracts';
import { ApiError } from '@/lib/api';
import { isDemoMode } from '@/lib/config';
import { describeError, unavailableSeatIds } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { awaitDecision, type LiveSeatMap, type useMyBookings } from '@/lib/live';
import { DemoSignIn } from '../auth/demo-sign-in';
import { HoldCard } from './hold-card';
import { useSession } from '../session/session-provider';
import styles from './selection-panel.module.css';

interface SelectionPanelProps {
  event: EventDetail;
  live: LiveSeatMap;
  bookings: ReturnType<typeof useMyBookings>;
}

function newIdempotencyKey(): string {
  return `hold-${crypto.randomUUID()}`;
}

/** The selection, its total and the Hold button; then the holds this person has for the event. */
export function SelectionPanel({ event, live, bookings }: SelectionPanelProps) {
  const { session, signOut } = useSession();
  const { state, dispatch } = live;
  const layout = state.layout;
  const [busy, setBusy] = useState(false);
  const [justHeld, setJustHeld] = useState<Booking | null>(null);
  // Retrying the same seats after a network failure reuses the key, so the gateway never holds twice.
  const keyRef = useRef<{ seats: string; key: string } | null>(null);

  const selected = layout ? state.selected.map((index) => layout.seats[index]!) : [];
  const total = selected.reduce((sum, seat) => sum + seat.price, 0);
  const holds = mergeHolds(bookings.data ?? [], justHeld).filter((b) => b.eventId === event.id && b.status === 'reserved');

  async function hold() {
    if (!session || !selected.length) return;
    const seatIds = selected.map((seat) => seat.id);
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
        bookings.refresh();
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

  const inSync = state.sync === 'live';
  const count = selected.length;

  return (
    <aside className={styles.panel} aria-labelledby="selection-heading">
      <h2 id="selection-heading" className={styles.heading}>
        Your seats
      </h2>

      <div className={styles.noticeSlot} role="alert" aria-atomic="true">
        {state.notice ? (
          <p className={styles.notice} data-kind={state.notice.kind} key={state.notice.serial}>
            <span>{state.notice.message}</span>
            <button type="button" className={styles.dismiss} onClick={() => dispatch({ type: 'dismiss-notice' })} aria-label="Dismiss">
              ×
            </button>
          </p>
        ) : null}
      </div>

      {count === 0 ? (
        <p className={styles.empty}>
          Pick up to {Math.min(state.maxSeats, state.allowance?.remaining ?? state.maxSeats)} seats on the map. You&apos;ll have a few minutes to pay once you
          hold them.
        </p>
      ) : (
        <ul className={styles.selected} aria-label="Selected seats">
          {selected.map((seat) => (
            <li key={seat.id} className={styles.selectedSeat}>
              <span className={styles.seatLabel}>{seat.label}</span>
              <span className={styles.seatTier}>{seat.tier}</span>
              <span className={styles.seatPrice}>{formatMoney(seat.price)}</span>
              <button
                type="button"
                className={styles.remove}
                onClick={() => dispatch({ type: 'toggle', seatId: seat.id })}
                aria-label={`Remove seat ${seat.label}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}

      {count > 0 ? (
        <p className={styles.total}>
          <span>Total</span>
          <strong>{formatMoney(total)}</strong>
        </p>
      ) : null}

      {session && state.allowance ? (
        <p className={styles.allowance} data-testid="allowance">
          {state.allowance.remaining === 0
            ? `You hold the most seats one buyer can have at this event (${state.allowance.limit}).`
            : `You can hold ${state.allowance.remaining} more seat${state.allowance.remaining === 1 ? '' : 's'} at this event (${state.allowance.limit} per buyer).`}
        </p>
      ) : null}

      {session ? (
        <button type="button" className={`button ${styles.hold}`} disabled={count === 0 || busy || !inSync} onClick={hold} data-testid="hold-button">
          {busy ? 'Holding…' : count === 0 ? 'Hold seats' : `Hold ${count} seat${count === 1 ? '' : 's'}`}
        </button>
      ) : (
        <div className={styles.signIn}>
          <p>Sign in to hold seats.</p>
          {isDemoMode() ? <DemoSignIn /> : null}
          <Link href={`/login?next=${encodeURIComponent(`/events/${event.id}`)}`} className="button" data-variant="ghost">
            Sign in with email
          </Link>
        </div>
      )}

      {holds.length ? (
        <div className={styles.holds}>
          <h3 className={styles.subheading}>Held for you</h3>
          {holds.map((booking) => (
            <HoldCard key={booking.id} booking={booking} />
          ))}
        </div>
      ) : null}
    </aside>
  );
}

/** The list from the server plus a hold made a moment ago that the list may not show yet. */
function mergeHolds(list: readonly Booking[], recent: Booking | null): Booking[] {
  if (!recent || list.some((booking) => booking.id === recent.id)) return [...list];
  return [recent, ...list];
}
