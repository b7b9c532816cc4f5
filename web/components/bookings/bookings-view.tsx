'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import type { Booking, BookingStatus, EventSummary } from '@seatstorm/contracts';
import { cancelBooking, listEvents } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { formatEventDate, formatMoney } from '@/lib/format';
import { useMyBookings } from '@/lib/live';
import { labelsOf } from '@/lib/seat-labels';
import { useCountdown } from '@/lib/use-countdown';
import { SignInPrompt } from '../sign-in-prompt';
import { useSession } from '../session-provider';
import { StatusPanel } from '../status-panel';
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

export function BookingsView() {
  const { session } = useSession();
  const token = session?.token ?? null;
  const bookings = useMyBookings(token);
  const [events, setEvents] = useState<ReadonlyMap<string, EventSummary>>(new Map());

  useEffect(() => {
    listEvents().then((list) => setEvents(new Map(list.map((event) => [event.id, event]))), () => undefined);
  }, []);

  if (!session) return <SignInPrompt title="Sign in to see your bookings" next="/bookings" />;

  const list = [...(bookings.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>My bookings</h1>
        <p className={styles.lede}>Holds, payments and tickets, updated as they change.</p>
      </header>
      {bookings.error && !bookings.data ? (
        <StatusPanel kind="offline" title="We can't load your bookings right now" headingLevel={2}>
          <p>{describeError(bookings.error)} We&apos;ll keep trying.</p>
        </StatusPanel>
      ) : !bookings.data ? (
        <p className={styles.empty}>Loading your bookings…</p>
      ) : list.length === 0 ? (
        <StatusPanel title="No bookings yet" headingLevel={2} actions={<Link href="/" className="button">Find an event</Link>}>
          <p>Seats you hold or buy show up here.</p>
        </StatusPanel>
      ) : (
        <ul className={styles.list}>
          {list.map((booking) => (
            <li key={booking.id}>
              <BookingCard booking={booking} event={events.get(booking.eventId)} token={session.token} onChanged={bookings.refresh} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface BookingCardProps {
  booking: Booking;
  event: EventSummary | undefined;
  token: string;
  onChanged(): void;
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
      await cancelBooking(token, booking.id);
      onChanged();
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <article className={styles.card} data-status={booking.status} data-booking-id={booking.id}>
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
