import { attributeWords } from '@/lib/seat-map/attributes';
import type { LayoutSeat, SeatLayout } from '@/lib/seat-map/layout';
import { STATE_WORDS } from '@/lib/seat-map/describe';
import type { SeatState } from '@/lib/seat-map/seat-map-state';
import { formatMoney } from '@/lib/format';
import styles from './seat-map.module.css';

/** About the tooltip's height: a seat closer than this to the top gets its tooltip below. */
const TOOLTIP_ROOM_PX = 90;

export interface TooltipTarget {
  index: number;
  /** Where to point, in pixels from the map frame's top-left corner. */
  x: number;
  y: number;
}

/** The label, tier, price and features of the seat under the pointer or keyboard focus. Visual only: seats carry the same words. */
export function SeatTooltip({ layout, seat, state, x, y }: { layout: SeatLayout; seat: LayoutSeat; state: SeatState; x: number; y: number }) {
  const features = attributeWords(seat);
  return (
    // Near the top edge of the map there is no room above the seat: show it below instead.
    <div className={styles.tooltip} style={{ left: x, top: y }} data-below={y < TOOLTIP_ROOM_PX || undefined} aria-hidden="true">
      <strong>
        {layout.multiSection ? `Section ${seat.section} · ` : ''}Row {seat.row} · Seat {seat.number}
      </strong>
      <span>
        {seat.tier} · {formatMoney(seat.price)}
      </span>
      {features.length ? <span className={styles.tooltipFeatures}>{features.join(' · ')}</span> : null}
      <span className={styles.tooltipState} data-state={state}>
        {STATE_WORDS[state]}
      </span>
    </div>
  );
}
