import { useMemo, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { toLayout, zoomAt, type Camera } from '@/lib/seat-map/camera';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { buildSpatialIndex } from '@/lib/seat-map/spatial-index';
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
  layout: SeatLayout;
  viewport: CanvasViewport;
  /** The pointer moved over a seat, or off the seats (null), without dragging. */
  onPoint(seat: number | null): void;
  /** A seat was clicked or tapped. */
  onPick(seat: number): void;
}

export interface CanvasPointerHandlers {
  onPointerDown(event: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerMove(event: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerUp(event: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerCancel(event: ReactPointerEvent<HTMLCanvasElement>): void;
}

/**
 * Pointer, touch and wheel on the map: drag to pan, wheel or pinch to zoom, two fingers to pan, and a press that
 * barely moves picks the seat under it. Hit-testing goes through a spatial index, not the 50,000 seats.
 */
export function useCanvasGestures({ frameRef, layout, viewport, onPoint, onPick }: CanvasGesturesOptions): CanvasPointerHandlers {
  const index = useMemo(() => buildSpatialIndex(layout), [layout]);
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

  const seatUnder = (event: ReactPointerEvent) => {
    const rect = frameRef.current!.getBoundingClientRect();
    const point = toLayout(view.current.camera, event.clientX - rect.left, event.clientY - rect.top);
    return index.seatAt(point.x, point.y, layout.pitch * 0.6);
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
    const seat = seatUnder(event);
    onPoint(seat >= 0 ? seat : null);
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    release(event);
    const current = drag.current;
    drag.current = null;
    if (!current || current.moved) return;
    const seat = seatUnder(event);
    if (seat >= 0) onPick(seat);
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: release };
}
