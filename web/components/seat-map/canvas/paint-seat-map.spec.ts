import { describe, expect, it } from 'vitest';
import { initialSeatMapState, seatMapReducer, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import { buildSections, sectionAvailable, sectionTotals } from '@/lib/seat-map/sections';
import { venue } from '@/test/seat-snapshots';
import type { CanvasPalette } from './canvas-palette';
import type { CanvasView } from './canvas-view';
import { sameCounts } from './draw-sections';
import { paintSeatMap, paintSectionLabels } from './paint-seat-map';

const palette: CanvasPalette = {
  background: 'background',
  tiers: ['vip', 'regular'],
  states: { selected: 'selected', mine: 'mine', reserved: 'reserved', paid: 'paid', confirmed: 'confirmed', blocked: 'blocked' },
  mark: 'mark',
  markDark: 'mark-dark',
  accent: 'accent',
  pitch: 'pitch',
  text: 'text',
  ink: 'ink',
  availability: { plenty: 'plenty', some: 'some', none: 'none' },
  fontFamily: 'sans-serif',
};

/**
 * A 2D context that keeps the squares filled, each with its colour (and its opacity, when not opaque), the paths
 * filled and the text written; the rest of drawing does nothing. Text is 0.6 em wide a character.
 */
function recordingContext() {
  const filled: Array<{ colour: string; left: number; top: number; alpha?: number }> = [];
  const paths: string[] = [];
  const texts: string[] = [];
  const target: Record<string | symbol, unknown> = { fillStyle: '', globalAlpha: 1, font: '10px sans-serif' };
  const alpha = () => (target.globalAlpha === 1 ? {} : { alpha: Number(target.globalAlpha) });
  const calls: Record<string, (...args: never[]) => unknown> = {
    fillRect: (left: number, top: number) => filled.push({ colour: String(target.fillStyle), left, top, ...alpha() }),
    fill: () => paths.push(String(target.fillStyle)),
    fillText: (text: string) => texts.push(text),
    measureText: (text: string) => ({ width: text.length * 0.6 * Number(/(\d+(\.\d+)?)px/.exec(String(target.font))?.[1] ?? 10) }),
  };
  const ctx = new Proxy(target, {
    get: (_, key) => (typeof key === 'string' && key in calls ? calls[key] : key in target ? target[key] : () => undefined),
    set: (_, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, filled, paths, texts };
}

const loaded = seatMapReducer(initialSeatMapState(), { type: 'snapshot', snapshot: venue() });
// Ten pixels per layout unit: seat A1 (x = 1.2) is 12 px from the left; rows A and C are 0 and 32 px down.
const view: CanvasView = { camera: { scale: 10, x: 0, y: 0 }, fitScale: 10, width: 400, height: 300, dpr: 1 };
const paint = (ctx: CanvasRenderingContext2D, state: SeatMapState, painted: Uint16Array, full: boolean, at = view) =>
  paintSeatMap(ctx, { layout: loaded.layout!, state, palette, view: at, pitch: false, mask: null, sections: null }, painted, full);
const toggled = (label: string) => seatMapReducer(loaded, { type: 'toggle', seatId: `evt_test_${label}` });

describe('painting the canvas seat map', () => {
  it('draws each standing area with the places it has left, again on a live paint that changed only the count', () => {
    const area = { id: 'Floor', tier: 'Floor', price: 3500, capacity: 200, available: 12, x: 10, y: 20, width: 8, height: 4 };
    const withFloor = { ...loaded, areas: [area] };
    const first = recordingContext();
    const painted = new Uint16Array(15);
    paint(first.ctx, withFloor, painted, true);
    expect(first.texts).toContain('Floor · 12 left');

    const live = recordingContext();
    paint(live.ctx, { ...withFloor, areas: [{ ...area, available: 0 }] }, painted, false);
    expect(live.texts).toEqual(['Floor · sold out']);
  });

  it('paints the background, then every seat on screen in its tier colour', () => {
    const { ctx, filled } = recordingContext();
    paint(ctx, loaded, new Uint16Array(15), true);
    expect(filled[0]).toMatchObject({ colour: 'background', left: 0, top: 0 });
    expect(filled.filter((square) => square.colour === 'vip')).toHaveLength(3);
    expect(filled.filter((square) => square.colour === 'regular')).toHaveLength(12);
  });

  it('after a live change, wipes and paints only the seat that changed', () => {
    const painted = new Uint16Array(15);
    paint(recordingContext().ctx, loaded, painted, true);
    const { ctx, filled } = recordingContext();
    paint(ctx, toggled('A2'), painted, false);
    expect(filled).toEqual([
      { colour: 'background', left: 19, top: -5 },
      { colour: 'selected', left: 19, top: -5 },
    ]);
  });

  it('leaves a seat off screen unpainted until a full paint brings it into view', () => {
    const narrow = { ...view, width: 20 };
    const painted = new Uint16Array(15);
    paint(recordingContext().ctx, loaded, painted, true, narrow);
    const { ctx, filled } = recordingContext();
    paint(ctx, toggled('C9'), painted, false, narrow);
    expect(filled).toEqual([]);
  });
});

describe('painting what the filter leaves out, and sections', () => {
  it('paints the seats the filter leaves out faintly, in place', () => {
    const { ctx, filled } = recordingContext();
    const mask = Uint8Array.from(loaded.layout!.seats, (seat) => (seat.label === 'C3' ? 1 : 0));
    paintSeatMap(ctx, { layout: loaded.layout!, state: loaded, palette, view, pitch: false, mask, sections: null }, new Uint16Array(15), true);
    const seats = filled.slice(1);
    expect(seats).toHaveLength(15);
    expect(seats.filter((square) => square.alpha === undefined)).toEqual([{ colour: 'regular', left: 31, top: 27 }]);
    expect(seats.filter((square) => square.alpha !== undefined).every((square) => square.alpha! < 0.5)).toBe(true);
  });

  // Row A in a section of its own, the Balcony; Floor keeps row C, where two seats are taken.
  const twoSections = seatMapReducer(initialSeatMapState(), {
    type: 'snapshot',
    snapshot: venue(1, {
      A1: { section: 'Balcony' },
      A2: { section: 'Balcony' },
      A3: { section: 'Balcony' },
      C1: { status: 'reserved', bookingId: 'b' },
      C2: { status: 'paid', bookingId: 'b' },
    }),
  });
  const layout = twoSections.layout!;
  const map = buildSections(layout);
  const counts = { totals: sectionTotals(map, null), available: sectionAvailable(map, twoSections.statuses, null) };
  const sceneAt = (scale: number) => ({
    layout,
    state: twoSections,
    palette,
    view: { ...view, camera: { scale, x: 0, y: 0 } },
    pitch: false,
    mask: null,
    sections: { map, counts },
  });
  const paintAt = (ctx: CanvasRenderingContext2D, scale: number, sectionLabels = true) =>
    paintSeatMap(ctx, sceneAt(scale), new Uint16Array(15), true, sectionLabels);

  it('zoomed out, paints each section tinted by what it has left, with its name and count, and no seats', () => {
    const { ctx, filled, paths, texts } = recordingContext();
    // Seats 1.2 units apart at 4 px a unit: under 6 px apart, too close to make out.
    paintAt(ctx, 4);
    expect(filled).toEqual([{ colour: 'background', left: 0, top: 0 }]);
    expect(paths).toEqual(['plenty', 'plenty']);
    expect(texts).toEqual(['Balcony', '3', 'Floor', '10']);
  });

  it("can leave the sections' labels to a second paint, which writes them over the outlines and nothing else", () => {
    const { ctx, filled, paths, texts } = recordingContext();
    paintAt(ctx, 4, false);
    expect(paths).toEqual(['plenty', 'plenty']);
    expect(texts).toEqual([]);
    paintSectionLabels(ctx, sceneAt(4));
    expect(texts).toEqual(['Balcony', '3', 'Floor', '10']);
    expect(filled).toEqual([{ colour: 'background', left: 0, top: 0 }]);
    expect(paths).toEqual(['plenty', 'plenty']);
  });

  it('tells new section counts with the same figures from changed ones', () => {
    const same = { totals: Uint32Array.from(counts.totals), available: Uint32Array.from(counts.available) };
    const oneTaken = { ...same, available: same.available.map((n, i) => (i === 0 ? n - 1 : n)) };
    expect(sameCounts(counts, same)).toBe(true);
    expect(sameCounts(counts, oneTaken)).toBe(false);
  });

  it('zoomed in past that, paints seats', () => {
    const { ctx, filled, paths } = recordingContext();
    paintAt(ctx, 6);
    expect(filled).toHaveLength(16);
    expect(paths).toEqual([]);
  });
});
