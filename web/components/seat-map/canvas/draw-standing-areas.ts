import type { StandingArea } from '@seatstorm/contracts';
import { toScreen, type Camera } from '@/lib/seat-map/camera';
import type { CanvasPalette } from './canvas-palette';

/**
 * The standing areas (docs/architecture.md §15), each a shape named with the places it has left. Drawn on every
 * paint, over their own rectangle only (no seat lies in an area), so a live count costs no full repaint.
 */
export function drawStandingAreas(ctx: CanvasRenderingContext2D, palette: CanvasPalette, areas: readonly StandingArea[], camera: Camera) {
  for (const area of areas) {
    const width = area.width * camera.scale;
    const height = area.height * camera.scale;
    const { x: cx, y: cy } = toScreen(camera, area.x, area.y);
    ctx.fillStyle = palette.background;
    ctx.fillRect(cx - width / 2, cy - height / 2, width, height);
    ctx.fillStyle = palette.pitch;
    ctx.strokeStyle = palette.accent;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.roundRect(cx - width / 2, cy - height / 2, width, height, Math.min(width, height) * 0.08);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = palette.ink;
    ctx.font = `600 ${Math.max(11, Math.min(24, height * 0.12))}px ${palette.fontFamily}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(`${area.id} · ${area.available === 0 ? 'sold out' : `${area.available} left`}`, cx, cy);
  }
}
