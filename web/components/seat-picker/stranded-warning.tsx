import type { LayoutSeat } from '@/lib/seat-map/layout';
import { strandedWarning } from '@/lib/stranded-seats';
import styles from './selection-panel.module.css';

/** Which seats the selection would leave on their own, said as the selection changes (the event refuses such holds). */
export function StrandedWarning({ id, stranded }: { id: string; stranded: readonly LayoutSeat[] }) {
  return (
    <div className={styles.noticeSlot} role="status" aria-atomic="true">
      {stranded.length ? (
        <p id={id} className={styles.notice} data-kind="stranded" data-testid="orphan-warning">
          <span>{strandedWarning(stranded)}</span>
        </p>
      ) : null}
    </div>
  );
}
