import { useCallback, useEffect, type RefObject } from 'react';
import { fitCamera, toScreen, zoomAt, type Camera, type Point } from '@/lib/seat-map/camera';
import type { SeatLayout } from '@/lib/seat-map/layout';
import type { CanvasView } from './canvas-view';

export interface CanvasViewport {
  view: RefObject<CanvasView>;
  setCamera(camera: Camera): void;
  /** Zooms around (px, py) in frame pixels, or around the middle of the frame. */
  zoomBy(factor: number, px?: number, py?: number): void;
  showWholeVenue(): void;
  /** Where a seat's centre is, in pixels from the frame's top-left corner. */
  seatOnScreen(index: number): Point;
}

interface CanvasViewportOptions {
  frameRef: RefObject<HTMLElement | null>;
  layout: SeatLayout;
  view: RefObject<CanvasView>;
  schedulePaint(full: boolean): void;
  onCameraMove(): void;
}

const fitVenue = (layout: SeatLayout, width: number, height: number) => fitCamera(layout.bounds, width, height, layout.pitch * 2);

/**
 * The canvases' size and the camera over the venue. Every canvas in the frame takes the frame's size at the screen's
 * pixel density; the venue is fitted to the frame when it is first laid out, and kept where the person moved it on
 * later resizes.
 */
export function useCanvasViewport({ frameRef, layout, view, schedulePaint, onCameraMove }: CanvasViewportOptions): CanvasViewport {
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let fitted = false;
    const resize = () => {
      const { width, height } = frame.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      for (const canvas of frame.querySelectorAll('canvas')) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      const fit = fitVenue(layout, width, height);
      view.current = { camera: fitted ? view.current.camera : fit, fitScale: fit.scale, width, height, dpr };
      fitted = true;
      schedulePaint(true);
    };
    const observer = new ResizeObserver(resize);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [frameRef, layout, view, schedulePaint]);

  const setCamera = useCallback(
    (camera: Camera) => {
      view.current = { ...view.current, camera };
      schedulePaint(true);
      onCameraMove();
    },
    [view, schedulePaint, onCameraMove],
  );

  const zoomBy = useCallback(
    (factor: number, px?: number, py?: number) => {
      const { camera, width, height, fitScale } = view.current;
      setCamera(zoomAt(camera, factor, px ?? width / 2, py ?? height / 2, fitScale));
    },
    [view, setCamera],
  );

  const showWholeVenue = useCallback(() => setCamera(fitVenue(layout, view.current.width, view.current.height)), [layout, view, setCamera]);

  const seatOnScreen = useCallback(
    (index: number) => {
      const seat = layout.seats[index]!;
      return toScreen(view.current.camera, seat.x, seat.y);
    },
    [layout, view],
  );

  return { view, setCamera, zoomBy, showWholeVenue, seatOnScreen };
}
