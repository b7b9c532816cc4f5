import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { readPalette, type CanvasPalette } from './canvas-palette';
import type { CanvasView } from './canvas-view';
import { sameCounts } from './draw-sections';
import { paintSeatMap, paintSectionLabels, showsSections, type SeatMapScene } from './paint-seat-map';

/** For measuring how soon a large map is on screen (Performance API). */
export const FIRST_PAINT_MARK = 'seatmap:first-paint';

export interface SeatPainter {
  /** The colours, once read from the page; the focus ring uses them too. */
  palette: RefObject<CanvasPalette | null>;
  /** Paints in the next animation frame: everything (`full`), or only the seats whose look changed. */
  schedulePaint(full: boolean): void;
}

/** What changes between paints besides the camera: the seats' states, the filter and the sections' counts. */
export type PaintInputs = Pick<SeatMapScene, 'state' | 'mask' | 'sections'>;

/**
 * Keeps the seats on `canvasRef` equal to `inputs` as seen through `view`: at most one paint per animation frame,
 * and live changes repaint only the seats they changed. Colours come from the CSS around `frameRef`, again when
 * the colour scheme changes.
 */
export function useSeatPainter(
  frameRef: RefObject<HTMLElement | null>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  layout: SeatLayout,
  inputs: PaintInputs,
  view: RefObject<CanvasView>,
): SeatPainter {
  const paletteRef = useRef<CanvasPalette | null>(null);
  const paintedRef = useRef(new Uint16Array(0));
  const inputsRef = useRef(inputs);
  const fullPaintRef = useRef(true);
  const frameRequestRef = useRef(0);
  // The sections' counts and standing areas last painted: a change of state that leaves both as they were needs no
  // new paint zoomed out.
  const paintedSectionsRef = useRef<PaintInputs['sections']>(null);
  const paintedAreasRef = useRef<PaintInputs['state']['areas'] | null>(null);
  // The map's first paint of its sections leaves their labels (most of its cost) to the next frame, so that the page
  // never spends one long task on it; later paints draw them at once.
  const labelsLaterRef = useRef(true);
  const labelsFrameRef = useRef(0);
  const pitch = layout.hasPitch;
  inputsRef.current = inputs;

  const paint = useCallback(() => {
    frameRequestRef.current = 0;
    const ctx = canvasRef.current?.getContext('2d', { alpha: false });
    const palette = paletteRef.current;
    if (!ctx || !palette) return;
    const full = fullPaintRef.current;
    fullPaintRef.current = false;
    const scene: SeatMapScene = { ...inputsRef.current, layout, palette, view: view.current, pitch };
    const unchanged = samePaintedSections(paintedSectionsRef.current, scene.sections) && paintedAreasRef.current === scene.state.areas;
    if (!full && showsSections(scene) && unchanged) return;
    paintedSectionsRef.current = scene.sections;
    paintedAreasRef.current = scene.state.areas;
    const labelsLater = full && labelsLaterRef.current && showsSections(scene);
    paintSeatMap(ctx, scene, paintedRef.current, full, !labelsLater);
    if (labelsLater) {
      labelsLaterRef.current = false;
      labelsFrameRef.current = requestAnimationFrame(() => {
        labelsFrameRef.current = 0;
        // A full paint on its way draws them itself.
        if (!fullPaintRef.current) paintSectionLabels(ctx, { ...inputsRef.current, layout, palette, view: view.current, pitch });
      });
    }
    if (full && performance.getEntriesByName(FIRST_PAINT_MARK).length === 0) performance.mark(FIRST_PAINT_MARK);
  }, [canvasRef, layout, pitch, view]);

  const schedulePaint = useCallback(
    (full: boolean) => {
      if (full) fullPaintRef.current = true;
      if (!frameRequestRef.current) frameRequestRef.current = requestAnimationFrame(paint);
    },
    [paint],
  );

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    paintedRef.current = new Uint16Array(layout.seats.length);
    paletteRef.current = readPalette(frame);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => {
      paletteRef.current = readPalette(frame);
      schedulePaint(true);
    };
    scheme.addEventListener('change', onScheme);
    return () => {
      scheme.removeEventListener('change', onScheme);
      cancelAnimationFrame(frameRequestRef.current);
      cancelAnimationFrame(labelsFrameRef.current);
      frameRequestRef.current = 0;
      labelsFrameRef.current = 0;
    };
  }, [frameRef, layout, schedulePaint]);

  // Live changes: repaint only the seats whose look changed (a filter changes the look of most of them).
  const { state, mask } = inputs;
  useEffect(() => schedulePaint(false), [state, schedulePaint]);
  useEffect(() => schedulePaint(true), [mask, schedulePaint]);

  return { palette: paletteRef, schedulePaint };
}

function samePaintedSections(painted: PaintInputs['sections'], next: PaintInputs['sections']): boolean {
  if (painted === next) return true;
  return painted !== null && next !== null && painted.map === next.map && sameCounts(painted.counts, next.counts);
}
