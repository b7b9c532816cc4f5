import type { SeatLayout } from '@/lib/seat-map/layout';
import type { SeatMapState } from '@/lib/seat-map/seat-map-state';
import { CanvasSeatMap } from './canvas/canvas-seat-map';
import { SeatFilterBar } from './seat-filter-bar';
import { rendererFor } from './renderer';
import { SvgSeatMap } from './svg-seat-map';
import { useSeatFilterControl } from './use-seat-filter';
import styles from './seat-map.module.css';

/** The seat map in the renderer that suits the venue's size, under its filter. */
export function SeatMapView({ layout, state, onToggle }: { layout: SeatLayout; state: SeatMapState; onToggle(seatId: string): void }) {
  const filter = useSeatFilterControl(layout);
  return (
    <div className={styles.mapView}>
      <SeatFilterBar control={filter} state={state} />
      {rendererFor(layout) === 'canvas' ? (
        <CanvasSeatMap layout={layout} state={state} onToggle={onToggle} mask={filter.mask} />
      ) : (
        <SvgSeatMap layout={layout} state={state} onToggle={onToggle} mask={filter.mask} />
      )}
    </div>
  );
}
