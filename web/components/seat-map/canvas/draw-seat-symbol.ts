import type { SeatSymbol } from '@/lib/seat-map/attributes';
import { STROKE_WIDTH, SYMBOL_PATHS } from '../seat-symbol-paths';

const paths = new Map<SeatSymbol, { stroke: Path2D | null; fill: Path2D | null }>();

/** The symbols' paths, made on first use (Path2D exists only in a browser). */
function pathsOf(symbol: SeatSymbol) {
  let made = paths.get(symbol);
  if (!made) {
    const { stroke, fill } = SYMBOL_PATHS[symbol];
    made = { stroke: stroke ? new Path2D(stroke) : null, fill: fill ? new Path2D(fill) : null };
    paths.set(symbol, made);
  }
  return made;
}

/** The same symbol as the SVG map's, in the seat square at (left, top), `size` wide, in `colour`. */
export function drawSeatSymbol(ctx: CanvasRenderingContext2D, symbol: SeatSymbol, colour: string, left: number, top: number, size: number) {
  const { stroke, fill } = pathsOf(symbol);
  ctx.save();
  ctx.translate(left + size / 2, top + size / 2);
  ctx.scale(size, size);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = STROKE_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (stroke) ctx.stroke(stroke);
  if (fill) ctx.fill(fill);
  ctx.restore();
}
