import type { Bounds } from './layout';

/** Screen pixel = layout unit × scale + offset. */
export interface Camera {
  scale: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 40;

/** The camera that shows all of `bounds` centred in a `width` × `height` viewport. */
export function fitCamera(bounds: Bounds, width: number, height: number, margin: number): Camera {
  const w = bounds.maxX - bounds.minX + margin * 2;
  const h = bounds.maxY - bounds.minY + margin * 2;
  const scale = Math.max(1e-3, Math.min(width / w, height / h));
  return {
    scale,
    x: width / 2 - ((bounds.minX + bounds.maxX) / 2) * scale,
    y: height / 2 - ((bounds.minY + bounds.maxY) / 2) * scale,
  };
}

/** Zooms by `factor` keeping the layout point under (px, py) where it is; zoom stays within [fit × MIN_ZOOM, fit × MAX_ZOOM]. */
export function zoomAt(camera: Camera, factor: number, px: number, py: number, fitScale: number): Camera {
  const scale = Math.min(fitScale * MAX_ZOOM, Math.max(fitScale * MIN_ZOOM, camera.scale * factor));
  const applied = scale / camera.scale;
  return { scale, x: px - (px - camera.x) * applied, y: py - (py - camera.y) * applied };
}

export interface Point {
  x: number;
  y: number;
}

export function toLayout(camera: Camera, px: number, py: number): Point {
  return { x: (px - camera.x) / camera.scale, y: (py - camera.y) / camera.scale };
}

export function toScreen(camera: Camera, x: number, y: number): Point {
  return { x: x * camera.scale + camera.x, y: y * camera.scale + camera.y };
}

/** Pans just enough to bring layout point (x, y) inside the viewport with `margin` pixels to spare. */
export function panToInclude(camera: Camera, x: number, y: number, width: number, height: number, margin: number): Camera {
  const { x: sx, y: sy } = toScreen(camera, x, y);
  let dx = 0;
  let dy = 0;
  if (sx < margin) dx = margin - sx;
  else if (sx > width - margin) dx = width - margin - sx;
  if (sy < margin) dy = margin - sy;
  else if (sy > height - margin) dy = height - margin - sy;
  return dx || dy ? { ...camera, x: camera.x + dx, y: camera.y + dy } : camera;
}

/**
 * The camera `t` (0 to 1) of the way from `from` to `to` in a `width` × `height` frame: the point at the frame's
 * middle moves in a straight line and the zoom changes at an even rate, so a zoom into a section looks steady.
 */
export function cameraBetween(from: Camera, to: Camera, t: number, width: number, height: number): Camera {
  const a = toLayout(from, width / 2, height / 2);
  const b = toLayout(to, width / 2, height / 2);
  const scale = Math.exp(Math.log(from.scale) + (Math.log(to.scale) - Math.log(from.scale)) * t);
  const x = a.x + (b.x - a.x) * t;
  const y = a.y + (b.y - a.y) * t;
  return { scale, x: width / 2 - x * scale, y: height / 2 - y * scale };
}
