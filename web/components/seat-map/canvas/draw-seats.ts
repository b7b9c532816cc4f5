import { symbolOf } from '@/lib/seat-map/attributes';
import type { Camera } from '@/lib/seat-map/camera';
import type { SeatLayout } from '@/lib/seat-map/layout';
import type { CanvasPalette } from './canvas-palette';
import { drawSeatMark } from './draw-seat-mark';
import { drawSeatSymbol } from './draw-seat-symbol';
import { colourOfKey, isDimmedKey, stateOfKey } from './paint-key';

/** Below this many pixels per seat, symbols are unreadable: colour only (the list view and names carry the rest). */
const MARK_MIN_PX = 7;
/** A seat's own symbol (wheelchair space, companion seat, restricted view) has more detail than a state's mark. */
const SYMBOL_MIN_PX = 10;
/** How strongly a seat the filter leaves out is drawn: the same as the SVG map's dimmed seats. */
const DIMMED_ALPHA = 0.22;

export interface SeatRect {
  left: number;
  top: number;
  size: number;
}

/** A seat's pixel-snapped square: repainting it later covers it exactly, without touching its neighbours. */
export function seatRect(layout: SeatLayout, camera: Camera, index: number): SeatRect {
  const seat = layout.seats[index]!;
  const size = Math.max(1, Math.round(layout.pitch * 0.8 * camera.scale));
  return {
    left: Math.round(seat.x * camera.scale + camera.x - size / 2),
    top: Math.round(seat.y * camera.scale + camera.y - size / 2),
    size,
  };
}

/**
 * Fills every seat of one paint key (one colour) in one go: setting a canvas colour is the slow part. Available
 * seats carry their symbol, others their state's mark, once seats are large enough to read them.
 */
export function drawSeats(ctx: CanvasRenderingContext2D, palette: CanvasPalette, layout: SeatLayout, camera: Camera, indices: readonly number[], key: number) {
  const state = stateOfKey(key);
  const rects = indices.map((index) => seatRect(layout, camera, index));
  const size = rects[0]?.size ?? 0;
  ctx.globalAlpha = isDimmedKey(key) ? DIMMED_ALPHA : 1;
  if (state === 'blocked' && size >= MARK_MIN_PX) {
    ctx.strokeStyle = palette.states.blocked;
    ctx.lineWidth = 1;
    for (const { left, top, size } of rects) ctx.strokeRect(left + 0.5, top + 0.5, size - 1, size - 1);
  } else {
    ctx.fillStyle = colourOfKey(palette, key);
    for (const { left, top, size } of rects) ctx.fillRect(left, top, size, size);
  }
  if (state === 'available' && size >= SYMBOL_MIN_PX) {
    indices.forEach((index, i) => {
      const seat = layout.seats[index]!;
      const symbol = seat.attributes ? symbolOf(seat) : null;
      const { left, top } = rects[i]!;
      if (symbol) drawSeatSymbol(ctx, symbol, palette.mark, left, top, size);
    });
  } else if (state !== 'available' && size >= MARK_MIN_PX) {
    for (const { left, top, size } of rects) drawSeatMark(ctx, palette, state, left, top, size);
  }
  ctx.globalAlpha = 1;
}
