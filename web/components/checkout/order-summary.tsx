import type { Booking } from '@seatstorm/contracts';
import type { Countdown } from '@/lib/countdown';
import { formatMoney } from '@/lib/format';
import { labelsOf } from '@/lib/seat-labels';
import { HoldTimer } from './hold-timer';
import styles from './checkout.module.css';

/** The booking's seats and total, with the time left to pay while it is held. */
export function OrderSummary({ booking, countdown }: { booking: Booking; countdown: Countdown | null }) {
  const seats = labelsOf(booking);
  return (
    <section className={styles.card} aria-labelledby="order-heading">
      <h2 id="order-heading" className={styles.cardTitle}>
        Your seats
      </h2>
      <ul className={styles.seats}>
        {seats.map((label) => (
          <li key={label} className={styles.seat}>
            {label}
          </li>
        ))}
      </ul>
      <p className={styles.total}>
        <span>
          Total for {seats.length} seat{seats.length === 1 ? '' : 's'}
        </span>
        <strong>{formatMoney(booking.amount)}</strong>
      </p>
      {countdown && booking.status === 'reserved' ? <HoldTimer countdown={countdown} /> : null}
    </section>
  );
}
