import { toScreen, type Camera } from '@/lib/seat-map/camera';
import type { PitchArea } from '@/lib/seat-map/stadium-pitch';
import type { CanvasPalette } from './canvas-palette';

export function drawPitch(ctx: CanvasRenderingContext2D, palette: CanvasPalette, area: PitchArea, camera: Camera) {
  const width = area.width * camera.scale;
  const height = area.height * camera.scale;
  const { x: cx, y: cy } = toScreen(camera, area.x, area.y);
  ctx.fillStyle = palette.pitch;
  ctx.beginPath();
  ctx.roundRect(cx - width / 2, cy - height / 2, width, height, Math.min(width, height) * 0.08);
  ctx.fill();
  ctx.fillStyle = palette.text;
  ctx.font = `600 ${Math.max(11, Math.min(28, height * 0.14))}px ${palette.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('PITCH', cx, cy);
}
