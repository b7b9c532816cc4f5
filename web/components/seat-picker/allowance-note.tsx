import type { SeatMapState } from '@/lib/seat-map/seat-map-state';
import styles from './selection-panel.module.css';

/** How many more seats this buyer may hold at the event, under its per-buyer limit. */
export function AllowanceNote({ allowance }: { allowance: NonNullable<SeatMapState['allowance']> }) {
  const { remaining, limit } = allowance;
  return (
    <p className={styles.allowance} data-testid="allowance">
      {remaining === 0
        ? `You hold the most seats one buyer can have at this event (${limit}).`
        : `You can hold ${remaining} more seat${remaining === 1 ? '' : 's'} at this event (${limit} per buyer).`}
    </p>
  );
}
