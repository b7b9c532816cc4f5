import type { Point } from '@/lib/seat-map/camera';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { seatStateAt, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import { SeatTooltip } from '../seat-tooltip';

/** Clear of the focus ring. */
const ABOVE_SEAT_PX = 6;

/** The tooltip of the seat under the pointer or keyboard focus, pointing at `at` (frame pixels); nothing without both. */
export function CanvasTooltip({ layout, state, seat, at }: { layout: SeatLayout; state: SeatMapState; seat: number | null; at: Point | null }) {
  const target = seat === null ? undefined : layout.seats[seat];
  if (!at || !target || seat === null) return null;
  return <SeatTooltip layout={layout} seat={target} state={seatStateAt(state, seat)} x={at.x} y={at.y - ABOVE_SEAT_PX} />;
}
