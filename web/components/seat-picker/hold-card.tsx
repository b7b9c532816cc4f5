'use client';

import Link from 'next/link';
import type { Booking } from '@seatstorm/contracts';
import { formatMoney } from '@/lib/format';
import { labelsOf } from '@/lib/seat-labels';
import { useCountdown } from '@/lib/use-countdown';
import styles from './selection-panel.module.css';

/** A hold with its seats, total, time left and the way to checkout. */
export function HoldCard({ booking }: { booking: Booking }) {
  const countdown = useCountdown(booking.expiresAt);
  return (
    <div className={styles.holdCard} data-phase={countdown?.phase}>
      <p className={styles.holdSeats}>
        {labelsOf(booking).join(', ')} · {formatMoney(booking.amount)}
      </p>
      {countdown ? (
        <p className={styles.holdTime}>
          {countdown.phase === 'expired' ? (
            'Your hold expired — the seats are released.'
          ) : (
            <>
              <strong className={styles.holdClock}>{countdown.label}</strong> left to pay
            </>
          )}
        </p>
      ) : null}
      {countdown?.phase !== 'expired' ? (
        <Link href={`/checkout/${booking.id}`} className="button" data-size="small">
          Go to checkout
        </Link>
      ) : null}
    </div>
  );
}
