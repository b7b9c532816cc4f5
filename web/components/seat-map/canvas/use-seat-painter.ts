import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { readPalette, type CanvasPalette } from './canvas-palette';
import type { CanvasView } from './canvas-view';
import { paintSeatMap, showsSections, type SeatMapScene } from './paint-seat-map';

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
  // The sections' counts last painted: a change of state that leaves them as they were needs no new paint zoomed out.
  const paintedSectionsRef = useRef<PaintInputs['sections']>(null);
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
    if (!full && showsSections(scene) && scene.sections === paintedSectionsRef.current) return;
    paintedSectionsRef.current = scene.sections;
    paintSeatMap(ctx, scene, paintedRef.current, full);
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
      frameRequestRef.current = 0;
    };
  }, [frameRef, layout, schedulePaint]);

  // Live changes: repaint only the seats whose look changed (a filter changes the look of most of them).
  const { state, mask } = inputs;
  useEffect(() => schedulePaint(false), [state, schedulePaint]);
  useEffect(() => schedulePaint(true), [mask, schedulePaint]);

  return { palette: paletteRef, schedulePaint };
}
