import { useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { toLayout, zoomAt, type Camera, type Point } from '@/lib/seat-map/camera';
import type { CanvasViewport } from './use-canvas-viewport';
import { useWheelZoom } from './use-wheel-zoom';

/** A press that moves less than this is a click on a seat, not a drag. */
const CLICK_SLOP_PX = 5;

interface Drag {
  startX: number;
  startY: number;
  camera: Camera;
  moved: boolean;
  id: number;
}

interface Pinch {
  distance: number;
  midX: number;
  midY: number;
  camera: Camera;
}

interface CanvasGesturesOptions {
  frameRef: RefObject<HTMLElement | null>;
  viewport: CanvasViewport;
  /** The pointer moved to this point of the venue (layout units) without dragging. */
  onPoint(point: Point): void;
  /** A click or tap at this point of the venue. */
  onPick(point: Point): void;
}

export interface CanvasPointerHandlers {
  onPointerDown(event: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerMove(event: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerUp(event: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerCancel(event: ReactPointerEvent<HTMLCanvasElement>): void;
}

/**
 * Pointer, touch and wheel on the map: drag to pan, wheel or pinch to zoom, two fingers to pan, and a press that
 * barely moves picks what is under it.
 */
export function useCanvasGestures({ frameRef, viewport, onPoint, onPick }: CanvasGesturesOptions): CanvasPointerHandlers {
  const drag = useRef<Drag | null>(null);
  // Two fingers on a touch screen: pinch to zoom around their midpoint, move them to pan.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<Pinch | null>(null);
  const { view, zoomBy, setCamera } = viewport;

  useWheelZoom(frameRef, zoomBy);

  const pinchGeometry = () => {
    const [a, b] = [...pointers.current.values()];
    const rect = frameRef.current!.getBoundingClientRect();
    return { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), midX: (a!.x + b!.x) / 2 - rect.left, midY: (a!.y + b!.y) / 2 - rect.top };
  };

  const pointOf = (event: ReactPointerEvent) => {
    const rect = frameRef.current!.getBoundingClientRect();
    return toLayout(view.current.camera, event.clientX - rect.left, event.clientY - rect.top);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.current.size === 2) {
      drag.current = null;
      pinch.current = { ...pinchGeometry(), camera: view.current.camera };
      return;
    }
    drag.current = { startX: event.clientX, startY: event.clientY, camera: view.current.camera, moved: false, id: event.pointerId };
  };

  const release = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pointers.current.has(event.pointerId)) pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const start = pinch.current;
    if (start && pointers.current.size === 2) {
      const now = pinchGeometry();
      const zoomed = zoomAt(start.camera, now.distance / Math.max(1, start.distance), start.midX, start.midY, view.current.fitScale);
      setCamera({ ...zoomed, x: zoomed.x + now.midX - start.midX, y: zoomed.y + now.midY - start.midY });
      return;
    }
    const current = drag.current;
    if (current && current.id === event.pointerId) {
      const dx = event.clientX - current.startX;
      const dy = event.clientY - current.startY;
      if (current.moved || Math.hypot(dx, dy) > CLICK_SLOP_PX) {
        current.moved = true;
        setCamera({ ...current.camera, x: current.camera.x + dx, y: current.camera.y + dy });
        return;
      }
    }
    onPoint(pointOf(event));
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    release(event);
    const current = drag.current;
    drag.current = null;
    if (!current || current.moved) return;
    onPick(pointOf(event));
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: release };
}
