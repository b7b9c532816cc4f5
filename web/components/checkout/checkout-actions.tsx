import Link from 'next/link';
import type { Outcome } from '@/lib/booking-outcome';
import styles from './checkout.module.css';

interface CheckoutActionsProps {
  outcome: Outcome;
  bookingId: string;
  eventId: string;
  cancelling: boolean;
  onCancel(): void;
}

/** The ways on from where the booking stands: release the held seats, pick again, or see the tickets and bookings. */
export function CheckoutActions({ outcome, bookingId, eventId, cancelling, onCancel }: CheckoutActionsProps) {
  return (
    <div className={styles.actions}>
      {outcome.kind === 'awaiting-payment' ? (
        <button type="button" className="button" data-variant="danger" onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Releasing…' : 'Release these seats'}
        </button>
      ) : null}
      {outcome.tone === 'error' || outcome.kind === 'cancelled' ? (
        <Link href={`/events/${eventId}`} className="button">
          Pick seats again
        </Link>
      ) : null}
      {outcome.kind === 'confirmed' ? (
        <Link href={`/bookings/${bookingId}/tickets`} className="button">
          View your tickets
        </Link>
      ) : null}
      {outcome.kind === 'confirmed' || outcome.kind === 'confirming' ? (
        <Link href="/bookings" className="button" data-variant="ghost">
          See my bookings
        </Link>
      ) : null}
    </div>
  );
}
