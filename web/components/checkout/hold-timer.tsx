import type { Countdown } from '@/lib/countdown';
import styles from './checkout.module.css';

/** The time left to pay, spoken as a whole sentence rather than a ticking clock. */
export function HoldTimer({ countdown }: { countdown: Countdown }) {
  return (
    <div className={styles.timer} data-phase={countdown.phase} role="timer" aria-label={countdown.spoken}>
      <span className={styles.timerClock} aria-hidden="true">
        {countdown.label}
      </span>
      <span className={styles.timerText} aria-hidden="true">
        {countdown.phase === 'expired'
          ? 'Time is up'
          : countdown.phase === 'ending'
            ? 'Less than a minute left — pay now'
            : 'left to pay before the seats are released'}
      </span>
    </div>
  );
}
