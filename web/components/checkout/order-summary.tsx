import type { Booking } from '@seatstorm/contracts';
import type { Countdown } from '@/lib/countdown';
import { formatMoney } from '@/lib/format';
import { labelsOf, splitPlaces } from '@/lib/seat-labels';
import { FormAlert } from '../ui/form-alert';
import { HoldTimer } from './hold-timer';
import { MoreTime } from './more-time';
import type { Extension } from './use-extension';
import styles from './checkout.module.css';

interface OrderSummaryProps {
  booking: Booking;
  countdown: Countdown | null;
  /** Asking for more time, while the hold awaits payment; null while it cannot be asked for (paying). */
  extension: Extension | null;
}

/** The booking's seats and total, with the time left to pay while it is held, and more time when it runs short. */
export function OrderSummary({ booking, countdown, extension }: OrderSummaryProps) {
  const seats = labelsOf(booking);
  const { seats: seated, places } = splitPlaces(booking);
  const placeCount = [...places.values()].reduce((sum, count) => sum + count, 0);
  const counted = [
    seated.length > 0 || placeCount === 0 ? `${seated.length} seat${seated.length === 1 ? '' : 's'}` : '',
    placeCount > 0 ? `${placeCount} standing place${placeCount === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const held = countdown && booking.status === 'reserved';
  // Under a minute, a person typing a card number may not make it: offer more time while extensions are left.
  const offerMoreTime = held && extension && countdown.phase === 'ending' && booking.extensionsLeft > 0;
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
        <span>Total for {counted}</span>
        <strong>{formatMoney(booking.amount)}</strong>
      </p>
      {held ? <HoldTimer countdown={countdown} /> : null}
      {offerMoreTime ? <MoreTime extension={extension} extensionsLeft={booking.extensionsLeft} /> : null}
      {held && extension ? <FormAlert message={extension.error} /> : null}
    </section>
  );
}
