'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Booking } from '@seatstorm/contracts';
import { formatMoney } from '@/lib/format';
import { labelsOf } from '@/lib/seat-labels';
import { useCountdown } from '@/lib/use-countdown';
import styles from './selection-panel.module.css';

interface HoldCardProps {
  booking: Booking;
  /** Where the seats are, in place of their labels. */
  summary?: string;
  /** More ways on, beside the way to checkout. */
  children?: ReactNode;
}

/** A hold with its seats, total, time left and the way to checkout. */
export function HoldCard({ booking, summary, children }: HoldCardProps) {
  const countdown = useCountdown(booking.expiresAt);
  return (
    <div className={styles.holdCard} data-phase={countdown?.phase}>
      <p className={styles.holdSeats}>
        {summary ?? labelsOf(booking).join(', ')} · {formatMoney(booking.amount)}
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
      <div className={styles.holdActions}>
        {countdown?.phase !== 'expired' ? (
          <Link href={`/checkout/${booking.id}`} className="button" data-size="small">
            Go to checkout
          </Link>
        ) : null}
        {children}
      </div>
    </div>
  );
}
