import { toScreen, type Camera } from '@/lib/seat-map/camera';
import { availabilityOf, labelRoom, type SectionMap, type SectionShape } from '@/lib/seat-map/sections';
import type { CanvasPalette } from './canvas-palette';

/** Per section (as in SectionMap), the seats the filter lets through and how many of them are available. */
export interface SectionCounts {
  totals: Uint32Array;
  available: Uint32Array;
}

const MAX_FONT_PX = 14;
const MIN_FONT_PX = 9;
const LINE_HEIGHT = 1.2;
/** Room for the label's halo on either side. */
const HALO_ROOM = 1.1;
const HATCH_GAP_PX = 6;
/** How strongly a section is tinted with its colour. */
const TINT_OPACITY = 0.3;
/** A section with none of the seats the filter asks for: drawn faintly, named only. */
const EMPTY_OPACITY = 0.4;

function tracePath(ctx: CanvasRenderingContext2D, section: SectionShape, camera: Camera) {
  ctx.beginPath();
  for (const point of section.outline) {
    const { x, y } = toScreen(camera, point.x, point.y);
    ctx.lineTo(x, y);
  }
  ctx.closePath();
}

/** Diagonal lines across the outline just traced: a sold-out section reads as such without its colour. */
function hatch(ctx: CanvasRenderingContext2D, section: SectionShape, camera: Camera, colour: string) {
  const top = toScreen(camera, section.bounds.minX, section.bounds.minY);
  const bottom = toScreen(camera, section.bounds.maxX, section.bounds.maxY);
  const span = bottom.x - top.x + (bottom.y - top.y);
  ctx.save();
  ctx.clip();
  ctx.beginPath();
  for (let offset = 0; offset < span; offset += HATCH_GAP_PX) {
    ctx.moveTo(top.x + offset, top.y);
    ctx.lineTo(top.x + offset - (bottom.y - top.y), bottom.y);
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.restore();
}

/**
 * Labels to try, longest first: "S05 · 812 left", the same on two lines, then the bare count. A section the filter
 * leaves empty is only named.
 */
function labelsFor(name: string, available: number, total: number): string[][] {
  if (total === 0) return [[name], [name], [name]];
  const count = available.toLocaleString('en-US');
  const left = available === 0 ? 'Sold out' : `${count} left`;
  return [[`${name} · ${left}`], [name, left], [name, count]];
}

/** Text widths at 100 px, by font and text: the names never change and the counts seldom do, while a paint measures them all. */
const measured = new Map<string, number>();
const MEASURED_MAX = 2_000;

function widthAt100px(ctx: CanvasRenderingContext2D, fontFamily: string, text: string): number {
  const key = `${fontFamily}\n${text}`;
  let width = measured.get(key);
  if (width === undefined) {
    if (measured.size >= MEASURED_MAX) measured.clear();
    width = ctx.measureText(text).width;
    measured.set(key, width);
  }
  return width;
}

/**
 * One size for every label, so the map reads evenly: the largest at which every section's shortest label fits
 * inside it (within readable bounds); then each section says as much as fits at that size.
 */
function chooseLabels(ctx: CanvasRenderingContext2D, palette: CanvasPalette, map: SectionMap, counts: SectionCounts, camera: Camera) {
  ctx.font = `700 100px ${palette.fontFamily}`;
  // Text widths grow with the font size: measured once per line at 100 px.
  const widthPerPx = (line: string) => (widthAt100px(ctx, palette.fontFamily, line) / 100) * HALO_ROOM;
  const largest = (section: SectionShape, lines: readonly string[]) =>
    labelRoom(section, Math.max(...lines.map(widthPerPx)), lines.length * LINE_HEIGHT) * camera.scale;
  const options = map.sections.map((section, index) => labelsFor(section.name, counts.available[index] ?? 0, counts.totals[index] ?? 0));
  const fitting = Math.min(...map.sections.map((section, index) => largest(section, options[index]!.at(-1)!)));
  const size = Math.max(MIN_FONT_PX, Math.min(MAX_FONT_PX, fitting));
  const labels = options.map((choices, index) => choices.find((lines) => largest(map.sections[index]!, lines) >= size) ?? choices.at(-1)!);
  return { labels, size };
}

function drawLabel(ctx: CanvasRenderingContext2D, palette: CanvasPalette, section: SectionShape, lines: readonly string[], size: number, camera: Camera) {
  const centre = toScreen(camera, section.centre.x, section.centre.y);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  lines.forEach((line, i) => {
    const y = centre.y + (i - (lines.length - 1) / 2) * size * LINE_HEIGHT;
    ctx.font = `${i === 0 ? 700 : 600} ${size}px ${palette.fontFamily}`;
    // A halo in the map's background keeps a label legible over the tint and the hatching.
    ctx.strokeStyle = palette.background;
    ctx.lineWidth = 3;
    ctx.strokeText(line, centre.x, y);
    ctx.fillStyle = palette.ink;
    ctx.fillText(line, centre.x, y);
  });
}

/**
 * The venue zoomed out: each section as its outline, tinted by the share of its seats left (green, amber, grey and
 * hatched when none are). Sections with none of the seats the filter asks for are drawn faintly. Their labels are
 * `drawSectionLabels`'s.
 */
export function drawSectionShapes(ctx: CanvasRenderingContext2D, palette: CanvasPalette, map: SectionMap, counts: SectionCounts, camera: Camera) {
  map.sections.forEach((section, index) => {
    const total = counts.totals[index] ?? 0;
    const level = availabilityOf(counts.available[index] ?? 0, total);
    const colour = total === 0 ? palette.availability.none : palette.availability[level];
    const opacity = total === 0 ? EMPTY_OPACITY : 1;
    ctx.globalAlpha = opacity * TINT_OPACITY;
    ctx.fillStyle = colour;
    tracePath(ctx, section, camera);
    ctx.fill();
    ctx.globalAlpha = opacity;
    if (total > 0 && level === 'none') {
      hatch(ctx, section, camera, colour);
      tracePath(ctx, section, camera);
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  });
  ctx.globalAlpha = 1;
}

/** Each section's name and the count it has left, over its outline; a section the filter leaves empty, named faintly. */
export function drawSectionLabels(ctx: CanvasRenderingContext2D, palette: CanvasPalette, map: SectionMap, counts: SectionCounts, camera: Camera) {
  const { labels, size } = chooseLabels(ctx, palette, map, counts, camera);
  map.sections.forEach((section, index) => {
    ctx.globalAlpha = (counts.totals[index] ?? 0) === 0 ? EMPTY_OPACITY : 1;
    drawLabel(ctx, palette, section, labels[index] ?? [], size, camera);
  });
  ctx.globalAlpha = 1;
}

/** Whether two sets of section counts say the same: a new count object with the same figures needs no new paint. */
export function sameCounts(a: SectionCounts, b: SectionCounts): boolean {
  return equalArrays(a.totals, b.totals) && equalArrays(a.available, b.available);
}

function equalArrays(a: Uint32Array, b: Uint32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The outline of the section under the pointer, on the overlay. */
export function drawSectionHighlight(ctx: CanvasRenderingContext2D, palette: CanvasPalette, section: SectionShape, camera: Camera) {
  tracePath(ctx, section, camera);
  ctx.strokeStyle = palette.accent;
  ctx.lineWidth = 3;
  ctx.stroke();
}
