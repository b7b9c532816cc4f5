import { useId } from 'react';
import { countMatches, FILTER_LABELS, filterSummary, type SeatFilter } from '@/lib/seat-map/attributes';
import type { SeatMapState } from '@/lib/seat-map/seat-map-state';
import type { SeatFilterControl } from './use-seat-filter';
import styles from './seat-map.module.css';

/**
 * "Show: All seats / Wheelchair spaces / …" above the map and the list, and how many seats that leaves, said
 * aloud when it changes. The seats left out are dimmed on the map and left out of the list.
 */
export function SeatFilterBar({ control, state }: { control: SeatFilterControl; state: SeatMapState }) {
  const id = useId();
  const { filter, setFilter, mask, options } = control;
  if (options.length < 2) return null;
  return (
    <div className={styles.filterBar}>
      <label className={styles.filterLabel} htmlFor={id}>
        Show
      </label>
      <select id={id} className={styles.filterSelect} value={filter} onChange={(event) => setFilter(event.target.value as SeatFilter)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {FILTER_LABELS[option]}
          </option>
        ))}
      </select>
      <p className={styles.filterCount} aria-live="polite" data-testid="seat-filter-count">
        {filter === 'all' ? '' : filterSummary(filter, countMatches(state, mask))}
      </p>
    </div>
  );
}
