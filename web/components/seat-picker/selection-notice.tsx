import type { Notice } from '@/lib/seat-map/seat-map-state';
import styles from './selection-panel.module.css';

/** The seat map's latest notice (a seat taken, a hold refused…), read out as it appears, until dismissed. */
export function SelectionNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }) {
  return (
    <div className={styles.noticeSlot} role="alert" aria-atomic="true">
      {notice ? (
        <p className={styles.notice} data-kind={notice.kind} key={notice.serial}>
          <span>{notice.message}</span>
          <button type="button" className={styles.dismiss} onClick={onDismiss} aria-label="Dismiss">
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
