'use client';

import { useRef, useState } from 'react';
import Link from 'next/link';
import type { BookingStatus } from '@seatstorm/contracts';
import { formatEventDate } from '@/lib/format';
import { useEventDetail } from '@/lib/use-event-detail';
import { SignInPrompt } from '../auth/sign-in-prompt';
import { useSession } from '../session/session-provider';
import { LoadFailedPanel } from '../ui/load-failed-panel';
import { StatusPanel } from '../ui/status-panel';
import { downloadTickets } from './download-tickets';
import { TicketCard } from './ticket-card';
import { useBookingTickets } from './use-booking-tickets';
import styles from './tickets.module.css';

/** Why a booking has no tickets (yet), by its status: tickets come with the confirmation. */
const NO_TICKETS: Partial<Record<BookingStatus, string>> = {
  reserved: 'Your seats are held. Pay for them and your tickets appear here.',
  pending: 'Your hold is still being decided.',
  paid: 'Your payment went through; the tickets appear here in a moment, once the booking is confirmed.',
};

/** A booking's tickets: one a seat, each with its QR code for the door, printable as a PDF. */
export function TicketsView({ bookingId }: { bookingId: string }) {
  const { session } = useSession();
  const tickets = useBookingTickets(session?.token ?? null, bookingId);
  const event = useEventDetail(tickets.data?.tickets[0]?.eventId);
  const list = useRef<HTMLDivElement>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  if (!session) return <SignInPrompt title="Sign in to see your tickets" next={`/bookings/${bookingId}/tickets`} />;
  if (tickets.error) {
    return <LoadFailedPanel title="We couldn't load these tickets" error={tickets.error} onRetry={tickets.reload} />;
  }
  if (!tickets.data) return <p className={styles.loading}>Loading your tickets…</p>;

  const { bookingStatus, tickets: all } = tickets.data;
  if (all.length === 0) {
    const waiting = NO_TICKETS[bookingStatus];
    return (
      <StatusPanel
        title={waiting ? 'No tickets yet' : 'This booking has no tickets'}
        actions={
          bookingStatus === 'reserved' ? (
            <Link href={`/checkout/${bookingId}`} className="button">
              Go to checkout
            </Link>
          ) : (
            <Link href="/bookings" className="button">
              My bookings
            </Link>
          )
        }
      >
        <p>{waiting ?? 'Tickets come with a confirmed booking, and this one was not confirmed.'}</p>
      </StatusPanel>
    );
  }

  async function download() {
    if (!list.current || !event) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadTickets(list.current, { name: event.name, venue: event.venue.name, startsAt: event.startsAt }, all, `tickets-${bookingId}.pdf`);
    } catch {
      setDownloadError('The PDF could not be made. Print this page instead.');
    } finally {
      setDownloading(false);
    }
  }

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{all.length === 1 ? 'Your ticket' : `Your ${all.length} tickets`}</h1>
          {event ? (
            <p className={styles.lede}>
              <Link href={`/events/${event.id}`}>{event.name}</Link> · {event.venue.name} · {formatEventDate(event.startsAt)}
            </p>
          ) : null}
        </div>
        <div className={styles.actions}>
          <button type="button" className="button" onClick={download} disabled={!event || downloading}>
            {downloading ? 'Making the PDF…' : 'Download PDF'}
          </button>
          <button type="button" className="button" data-variant="ghost" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      {bookingStatus === 'refunded' || bookingStatus === 'cancelled' ? (
        <p className={styles.notice} role="note">
          This booking was refunded: its tickets no longer get anyone in.
        </p>
      ) : null}
      {downloadError ? (
        <p role="alert" className={styles.notice}>
          {downloadError}
        </p>
      ) : null}
      <div className={styles.list} ref={list}>
        {all.map((ticket) => (
          <TicketCard key={ticket.id} ticket={ticket} />
        ))}
      </div>
    </div>
  );
}
