import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { cameraBetween, fitCamera, toScreen, zoomAt, type Camera, type Point } from '@/lib/seat-map/camera';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { levelAt, type MapLevel } from '@/lib/seat-map/sections';
import type { CanvasView } from './canvas-view';

export interface CanvasViewport {
  view: RefObject<CanvasView>;
  /** What the map draws at the camera's zoom: sections or seats. */
  level: MapLevel;
  setCamera(camera: Camera): void;
  /** Moves the camera to `camera` over a moment (at once where the person asks for reduced motion). */
  glideTo(camera: Camera): void;
  /** Zooms around (px, py) in frame pixels, or around the middle of the frame. */
  zoomBy(factor: number, px?: number, py?: number): void;
  showWholeVenue(): void;
  /** Where a seat's centre is, in pixels from the frame's top-left corner. */
  seatOnScreen(index: number): Point;
}

interface CanvasViewportOptions {
  frameRef: RefObject<HTMLElement | null>;
  layout: SeatLayout;
  /** The venue has a section view: zoomed out, it shows sections. */
  sectioned: boolean;
  view: RefObject<CanvasView>;
  schedulePaint(full: boolean): void;
  onCameraMove(camera: Camera): void;
}

const GLIDE_MS = 350;

const fitVenue = (layout: SeatLayout, width: number, height: number) => fitCamera(layout.bounds, width, height, layout.pitch * 2);

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/**
 * The canvases' size and the camera over the venue. Every canvas in the frame takes the frame's size at the screen's
 * pixel density; the venue is fitted to the frame when it is first laid out, and kept where the person moved it on
 * later resizes.
 */
export function useCanvasViewport({ frameRef, layout, sectioned, view, schedulePaint, onCameraMove }: CanvasViewportOptions): CanvasViewport {
  const [level, setLevel] = useState<MapLevel>(() => levelAt(layout, view.current.camera.scale, sectioned));
  const glide = useRef(0);
  // Read when the camera moves, so a new callback never refits the venue.
  const onCameraMoveRef = useRef(onCameraMove);
  onCameraMoveRef.current = onCameraMove;

  const show = useCallback(
    (camera: Camera) => {
      view.current = { ...view.current, camera };
      setLevel(levelAt(layout, camera.scale, sectioned));
      schedulePaint(true);
      onCameraMoveRef.current(camera);
    },
    [layout, sectioned, view, schedulePaint],
  );

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
      view.current = { ...view.current, fitScale: fit.scale, width, height, dpr };
      show(fitted ? view.current.camera : fit);
      fitted = true;
    };
    const observer = new ResizeObserver(resize);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [frameRef, layout, view, show]);

  useEffect(() => () => cancelAnimationFrame(glide.current), []);

  // Anything the person does with the camera stops a glide under way.
  const setCamera = useCallback(
    (camera: Camera) => {
      cancelAnimationFrame(glide.current);
      show(camera);
    },
    [show],
  );

  const glideTo = useCallback(
    (target: Camera) => {
      cancelAnimationFrame(glide.current);
      if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return show(target);
      const from = view.current.camera;
      const started = performance.now();
      const step = (now: number) => {
        const t = Math.min(1, (now - started) / GLIDE_MS);
        const { width, height } = view.current;
        show(t === 1 ? target : cameraBetween(from, target, easeInOut(t), width, height));
        if (t < 1) glide.current = requestAnimationFrame(step);
      };
      glide.current = requestAnimationFrame(step);
    },
    [view, show],
  );

  const zoomBy = useCallback(
    (factor: number, px?: number, py?: number) => {
      const { camera, width, height, fitScale } = view.current;
      setCamera(zoomAt(camera, factor, px ?? width / 2, py ?? height / 2, fitScale));
    },
    [view, setCamera],
  );

  const showWholeVenue = useCallback(() => glideTo(fitVenue(layout, view.current.width, view.current.height)), [layout, view, glideTo]);

  const seatOnScreen = useCallback(
    (index: number) => {
      const seat = layout.seats[index]!;
      return toScreen(view.current.camera, seat.x, seat.y);
    },
    [layout, view],
  );

  return { view, level, setCamera, glideTo, zoomBy, showWholeVenue, seatOnScreen };
}
