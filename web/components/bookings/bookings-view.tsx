'use client';

import { useEffect, useId, useState } from 'react';
import Link from 'next/link';
import type { Booking, BookingStatus, EventSummary } from '@seatstorm/contracts';
import { cancelBooking, listEvents } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { formatEventDate, formatMoney } from '@/lib/format';
import { useBookingPages } from '@/lib/live';
import { labelsOf } from '@/lib/seat-labels';
import { useCountdown } from '@/lib/use-countdown';
import { SignInPrompt } from '../auth/sign-in-prompt';
import { useSession } from '../session/session-provider';
import { StatusPanel } from '../ui/status-panel';
import styles from './bookings.module.css';

const STATUS_WORDS: Record<BookingStatus, string> = {
  pending: 'Being decided',
  reserved: 'Held',
  paid: 'Paid — confirming',
  confirmed: 'Confirmed',
  refunded: 'Refunded',
  rejected: 'Not held',
  payment_failed: 'Payment failed',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

/** What the status filter offers: the statuses each choice asks GET /bookings for (none: all). */
const FILTERS = [
  { key: 'all', label: 'All bookings', status: undefined },
  { key: 'active', label: 'Held, paid or confirmed', status: ['reserved', 'paid', 'confirmed'] },
  { key: 'reserved', label: 'Held', status: ['reserved'] },
  { key: 'confirmed', label: 'Confirmed', status: ['confirmed'] },
  { key: 'refunded', label: 'Refunded', status: ['refunded'] },
  { key: 'ended', label: 'Ended without tickets', status: ['expired', 'cancelled', 'payment_failed', 'rejected'] },
] as const satisfies ReadonlyArray<{ key: string; label: string; status: readonly BookingStatus[] | undefined }>;
type FilterKey = (typeof FILTERS)[number]['key'];

export function BookingsView() {
  const { session } = useSession();
  const token = session?.token ?? null;
  const [filterKey, setFilterKey] = useState<FilterKey>('all');
  const filter = FILTERS.find((candidate) => candidate.key === filterKey) ?? FILTERS[0];
  const pages = useBookingPages(token, filter.status);
  const [events, setEvents] = useState<ReadonlyMap<string, EventSummary>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const filterId = useId();

  useEffect(() => {
    listEvents().then(
      (list) => setEvents(new Map(list.map((event) => [event.id, event]))),
      () => undefined,
    );
  }, []);

  // After "Show more", focus moves to the first booking it added, so keyboard and
  // screen-reader users carry on reading where the list grew (the button may be gone).
  useEffect(() => {
    if (!focusId) return;
    document.querySelector<HTMLElement>(`[data-booking-id="${CSS.escape(focusId)}"]`)?.focus();
    setFocusId(null);
  }, [focusId, pages.bookings]);

  if (!session) return <SignInPrompt title="Sign in to see your bookings" next="/bookings" />;

  async function showMore() {
    const added = await pages.loadMore();
    if (added.length === 0) return;
    setAnnouncement(`${added.length} more ${added.length === 1 ? 'booking' : 'bookings'} shown.`);
    setFocusId(added[0]!.id);
  }

  const list = pages.bookings ?? [];
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>My bookings</h1>
        <p className={styles.lede}>Holds, payments and tickets, updated as they change.</p>
      </header>
      <div className={styles.filter}>
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          value={filterKey}
          onChange={(event) => {
            setAnnouncement('');
            setFilterKey(event.target.value as FilterKey);
          }}
        >
          {FILTERS.map((choice) => (
            <option key={choice.key} value={choice.key}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {pages.error && !pages.bookings ? (
        <StatusPanel kind="offline" title="We can't load your bookings right now" headingLevel={2}>
          <p>{describeError(pages.error)} We&apos;ll keep trying.</p>
        </StatusPanel>
      ) : !pages.bookings ? (
        <p className={styles.empty}>Loading your bookings…</p>
      ) : list.length === 0 && filterKey !== 'all' ? (
        <StatusPanel title="No bookings like that" headingLevel={2}>
          <p>None of your bookings is {filter.label.toLowerCase()}. Choose another filter to see the rest.</p>
        </StatusPanel>
      ) : list.length === 0 ? (
        <StatusPanel
          title="No bookings yet"
          headingLevel={2}
          actions={
            <Link href="/" className="button">
              Find an event
            </Link>
          }
        >
          <p>Seats you hold or buy show up here.</p>
        </StatusPanel>
      ) : (
        <>
          <ul className={styles.list} aria-label={filter.label}>
            {list.map((booking) => (
              <li key={booking.id}>
                <BookingCard booking={booking} event={events.get(booking.eventId)} token={session.token} onChanged={pages.changed} />
              </li>
            ))}
          </ul>
          {pages.moreError ? (
            <p role="alert" className={styles.error}>
              {describeError(pages.moreError)}
            </p>
          ) : null}
          {pages.hasMore ? (
            <div className={styles.more}>
              <button type="button" className="button" data-variant="ghost" onClick={showMore} disabled={pages.loadingMore} aria-busy={pages.loadingMore}>
                {pages.loadingMore ? 'Loading more…' : 'Show more'}
              </button>
            </div>
          ) : null}
        </>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}

interface BookingCardProps {
  booking: Booking;
  event: EventSummary | undefined;
  token: string;
  onChanged(booking: Booking): void;
}

function BookingCard({ booking, event, token, onChanged }: BookingCardProps) {
  const countdown = useCountdown(booking.status === 'reserved' ? booking.expiresAt : null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refundable = booking.status === 'confirmed';
  const releasable = booking.status === 'reserved' && countdown?.phase !== 'expired';

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      onChanged(await cancelBooking(token, booking.id));
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <article className={styles.card} data-status={booking.status} data-booking-id={booking.id} tabIndex={-1}>
      <div className={styles.cardMain}>
        <p className={styles.status} data-status={booking.status}>
          {STATUS_WORDS[booking.status]}
          {countdown && countdown.phase !== 'expired' ? <span className={styles.clock}> · {countdown.label} left</span> : null}
        </p>
        <h2 className={styles.eventName}>
          <Link href={`/events/${booking.eventId}`}>{event?.name ?? booking.eventId}</Link>
        </h2>
        {event ? (
          <p className={styles.meta}>
            {event.venue.name} · {formatEventDate(event.startsAt)}
          </p>
        ) : null}
        <p className={styles.seats}>
          Seats <strong>{labelsOf(booking).join(', ')}</strong> · {formatMoney(booking.amount)}
        </p>
        {booking.reason && ['payment_failed', 'rejected'].includes(booking.status) ? <p className={styles.reason}>{booking.reason}</p> : null}
        {error ? (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        ) : null}
      </div>
      <div className={styles.actions}>
        {releasable ? (
          <>
            <Link href={`/checkout/${booking.id}`} className="button" data-size="small">
              Pay now
            </Link>
            <button type="button" className="button" data-variant="danger" data-size="small" onClick={cancel} disabled={busy}>
              {busy ? 'Releasing…' : 'Release'}
            </button>
          </>
        ) : null}
        {booking.status === 'confirmed' ? (
          <Link href={`/bookings/${booking.id}/tickets`} className="button" data-size="small">
            Tickets
          </Link>
        ) : null}
        {refundable && !confirming ? (
          <button type="button" className="button" data-variant="danger" data-size="small" onClick={() => setConfirming(true)}>
            Cancel and refund
          </button>
        ) : null}
        {refundable && confirming ? (
          <div className={styles.confirm} role="group" aria-label="Confirm the refund">
            <span>Give up these tickets for a refund?</span>
            <button type="button" className="button" data-variant="danger" data-size="small" onClick={cancel} disabled={busy}>
              {busy ? 'Refunding…' : 'Yes, refund'}
            </button>
            <button type="button" className="button" data-variant="ghost" data-size="small" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </div>
        ) : null}
      </div>
    </article>
  );
}
