import type { FilterMask } from '@/lib/seat-map/attributes';
import type { SeatLayout } from '@/lib/seat-map/layout';
import type { SeatMapState } from '@/lib/seat-map/seat-map-state';
import { levelAt, type SectionMap } from '@/lib/seat-map/sections';
import { pitchArea } from '@/lib/seat-map/stadium-pitch';
import type { CanvasPalette } from './canvas-palette';
import type { CanvasView } from './canvas-view';
import { drawPitch } from './draw-pitch';
import { drawSeats, seatRect } from './draw-seats';
import { drawStandingAreas } from './draw-standing-areas';
import { drawSectionLabels, drawSectionShapes, type SectionCounts } from './draw-sections';
import { paintKey } from './paint-key';

/** Everything one paint of the seat map depends on. */
export interface SeatMapScene {
  layout: SeatLayout;
  state: SeatMapState;
  palette: CanvasPalette;
  view: CanvasView;
  /** Whether the venue has a pitch in its middle to draw (see `hasPitch`). */
  pitch: boolean;
  /** The seats the filter lets through; the others are dimmed. */
  mask: FilterMask;
  /** A venue with a section view: its sections and their counts, drawn instead of seats while zoomed out. */
  sections: { map: SectionMap; counts: SectionCounts } | null;
}

/** Whether the scene shows the venue's sections (zoomed out) rather than its seats. */
export function showsSections({ layout, view, sections }: Pick<SeatMapScene, 'layout' | 'view' | 'sections'>): boolean {
  return sections !== null && levelAt(layout, view.camera.scale, true) === 'sections';
}

/**
 * Paints the seats on `ctx`. `painted` holds each seat's paint key as last painted (0: not painted) and is updated.
 * A full paint starts from an empty canvas and paints the seats on screen; otherwise only painted seats whose key
 * changed are painted again, which is what keeps live updates on a 50,000-seat map cheap. Zoomed out, a venue with
 * sections paints them instead, whole every time: forty outlines cost less than working out which changed; with
 * `sectionLabels` false, without their labels, which `paintSectionLabels` then adds.
 */
export function paintSeatMap(ctx: CanvasRenderingContext2D, scene: SeatMapScene, painted: Uint16Array, full: boolean, sectionLabels = true) {
  const { layout, state, palette, view, mask, sections } = scene;
  const { camera, width, height, dpr } = view;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (sections && showsSections(scene)) {
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, width, height);
    if (scene.pitch) drawPitch(ctx, palette, pitchArea(layout), camera);
    drawSectionShapes(ctx, palette, sections.map, sections.counts, camera);
    if (sectionLabels) drawSectionLabels(ctx, palette, sections.map, sections.counts, camera);
    drawStandingAreas(ctx, palette, state.areas, camera);
    painted.fill(0);
    return;
  }
  const margin = layout.pitch * camera.scale;
  // Runs for every seat on every frame of a pan: the arithmetic of `toScreen`, without an object per seat.
  const visible = (i: number) => {
    const seat = layout.seats[i]!;
    const sx = seat.x * camera.scale + camera.x;
    const sy = seat.y * camera.scale + camera.y;
    return sx > -margin && sy > -margin && sx < width + margin && sy < height + margin;
  };

  if (full) {
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, width, height);
    if (scene.pitch) drawPitch(ctx, palette, pitchArea(layout), camera);
    painted.fill(0);
  }
  drawStandingAreas(ctx, palette, state.areas, camera);
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < layout.seats.length; i += 1) {
    if (full ? !visible(i) : painted[i] === 0) continue;
    const key = paintKey(state, layout, i, mask);
    if (!full && key === painted[i]) continue;
    painted[i] = key;
    const bucket = byKey.get(key);
    if (bucket) bucket.push(i);
    else byKey.set(key, [i]);
  }
  if (!full) {
    // Changed seats only: wipe each one's square, then draw it anew.
    ctx.fillStyle = palette.background;
    for (const bucket of byKey.values()) {
      for (const i of bucket) {
        const { left, top, size } = seatRect(layout, camera, i);
        ctx.fillRect(left, top, size, size);
      }
    }
  }
  for (const [key, bucket] of byKey) drawSeats(ctx, palette, layout, camera, bucket, key);
}

/** The sections' labels over a paint of the section view made without them. */
export function paintSectionLabels(ctx: CanvasRenderingContext2D, scene: SeatMapScene) {
  const { palette, view, sections } = scene;
  if (!sections || !showsSections(scene)) return;
  ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
  drawSectionLabels(ctx, palette, sections.map, sections.counts, view.camera);
}
