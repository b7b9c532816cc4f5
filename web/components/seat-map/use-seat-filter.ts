import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { filterMask, SEAT_FILTERS, type FilterMask, type SeatFilter } from '@/lib/seat-map/attributes';
import type { SeatLayout } from '@/lib/seat-map/layout';

/**
 * The "Show" filter of each event's seat map, kept outside the map and the list so that switching between them
 * keeps it: both read and set it through this hook.
 */
const filters = new Map<string, SeatFilter>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function useSeatFilter(eventId: string): [SeatFilter, (filter: SeatFilter) => void] {
  const filter = useSyncExternalStore(
    subscribe,
    (): SeatFilter => filters.get(eventId) ?? 'all',
    (): SeatFilter => 'all',
  );
  const setFilter = useCallback(
    (next: SeatFilter) => {
      filters.set(eventId, next);
      for (const listener of listeners) listener();
    },
    [eventId],
  );
  return [filter, setFilter];
}

export interface SeatFilterControl {
  filter: SeatFilter;
  setFilter(filter: SeatFilter): void;
  /** The seats the filter lets through (filterMask). */
  mask: FilterMask;
  /** The filters worth offering at this venue: every seat, and each attribute some of its seats have. */
  options: readonly SeatFilter[];
}

/** The filter of `layout`'s event, with the seats it lets through. */
export function useSeatFilterControl(layout: SeatLayout): SeatFilterControl {
  const [filter, setFilter] = useSeatFilter(layout.eventId);
  const options = useMemo(() => SEAT_FILTERS.filter((option) => option === 'all' || layout.attributeTiers.has(option)), [layout]);
  const shown = options.includes(filter) ? filter : 'all';
  const mask = useMemo(() => filterMask(layout, shown), [layout, shown]);
  return { filter: shown, setFilter, mask, options };
}
