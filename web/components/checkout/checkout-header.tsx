import type { EventDetail } from '@seatstorm/contracts';
import { formatEventDate } from '@/lib/format';
import styles from './checkout.module.css';

/** The event being paid for, once it has loaded. */
export function CheckoutHeader({ event }: { event: EventDetail | null }) {
  return (
    <header className={styles.header}>
      <p className={styles.eyebrow}>Checkout</p>
      <h1 className={styles.title}>{event?.name ?? 'Your booking'}</h1>
      {event ? (
        <p className={styles.meta}>
          {event.venue.name} · {event.venue.city} · {formatEventDate(event.startsAt)}
        </p>
      ) : null}
    </header>
  );
}
