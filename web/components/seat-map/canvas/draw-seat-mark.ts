import type { SeatState } from '@/lib/seat-map/seat-map-state';
import type { CanvasPalette } from './canvas-palette';

/** The same symbols as the SVG map: tick, star, hatching, dot, cross, slash. */
export function drawSeatMark(ctx: CanvasRenderingContext2D, palette: CanvasPalette, state: SeatState, left: number, top: number, size: number) {
  const cx = left + size / 2;
  const cy = top + size / 2;
  const s = size / 2;
  ctx.strokeStyle = state === 'mine' ? palette.markDark : palette.mark;
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = Math.max(1, size * 0.12);
  ctx.lineCap = 'round';
  ctx.beginPath();
  switch (state) {
    case 'selected':
      ctx.moveTo(cx - s * 0.5, cy);
      ctx.lineTo(cx - s * 0.12, cy + s * 0.4);
      ctx.lineTo(cx + s * 0.55, cy - s * 0.4);
      ctx.stroke();
      break;
    case 'mine':
      for (let i = 0; i < 10; i += 1) {
        const radius = i % 2 === 0 ? s * 0.62 : s * 0.28;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        ctx.lineTo(cx + Math.cos(angle) * radius, cy + Math.sin(angle) * radius);
      }
      ctx.fill();
      break;
    case 'reserved':
      ctx.lineWidth = Math.max(1, size * 0.08);
      for (let offset = -size; offset < size; offset += Math.max(3, size / 3)) {
        ctx.moveTo(left + Math.max(0, offset), top + Math.max(0, -offset));
        ctx.lineTo(left + Math.min(size, size + offset), top + Math.min(size, size - offset));
      }
      ctx.stroke();
      break;
    case 'paid':
      ctx.arc(cx, cy, s * 0.28, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'confirmed':
      ctx.moveTo(cx - s * 0.4, cy - s * 0.4);
      ctx.lineTo(cx + s * 0.4, cy + s * 0.4);
      ctx.moveTo(cx + s * 0.4, cy - s * 0.4);
      ctx.lineTo(cx - s * 0.4, cy + s * 0.4);
      ctx.stroke();
      break;
    case 'blocked':
      ctx.strokeStyle = palette.states.blocked;
      ctx.moveTo(left + size * 0.2, top + size * 0.8);
      ctx.lineTo(left + size * 0.8, top + size * 0.2);
      ctx.stroke();
      break;
    case 'available':
      break;
  }
}
