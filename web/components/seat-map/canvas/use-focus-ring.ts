import { useEffect, useRef, type RefObject } from 'react';
import type { SeatLayout } from '@/lib/seat-map/layout';
import type { SectionShape } from '@/lib/seat-map/sections';
import type { CanvasPalette } from './canvas-palette';
import { drawFocusRing } from './draw-focus-ring';
import { drawSectionHighlight } from './draw-sections';
import type { CanvasViewport } from './use-canvas-viewport';

/**
 * Draws the hover or keyboard focus ring of a seat, or the outline of the section under the pointer, on the overlay
 * canvas, so it never disturbs what is painted underneath.
 */
export function useFocusRing(
  overlayRef: RefObject<HTMLCanvasElement | null>,
  palette: RefObject<CanvasPalette | null>,
  layout: SeatLayout,
  viewport: CanvasViewport,
  seat: number | null,
  section: SectionShape | null,
) {
  // Whether the overlay shows anything: an empty overlay is left alone, since every change to a canvas costs a frame
  // the copy of its pixels to the compositor (a whole screen of them), and one never drawn on has none to copy.
  const drawnRef = useRef(false);
  // After every render: the ring follows the camera as well as the seat.
  useEffect(() => {
    const nothing = section === null && seat === null;
    if (nothing && !drawnRef.current) return;
    const ctx = overlayRef.current?.getContext('2d');
    if (!ctx || !palette.current) return;
    const { camera, width, height, dpr } = viewport.view.current;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (section) drawSectionHighlight(ctx, palette.current, section, camera);
    else if (seat !== null) drawFocusRing(ctx, palette.current, viewport.seatOnScreen(seat), layout.pitch * 0.8 * camera.scale);
    drawnRef.current = !nothing;
  });
}
