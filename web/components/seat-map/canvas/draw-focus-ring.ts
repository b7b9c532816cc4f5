import type { Point } from '@/lib/seat-map/camera';
import type { CanvasPalette } from './canvas-palette';

/** A square around the seat centred at `centre`, clear of the seat's own edge even where seats are a few pixels wide. */
export function drawFocusRing(ctx: CanvasRenderingContext2D, palette: CanvasPalette, centre: Point, seatPx: number) {
  const size = Math.max(6, seatPx) + 6;
  ctx.strokeStyle = palette.accent;
  ctx.lineWidth = 2.5;
  ctx.strokeRect(centre.x - size / 2, centre.y - size / 2, size, size);
}
