import type { Camera } from '@/lib/seat-map/camera';

/** What the canvas shows: the camera, the frame's size in CSS pixels and the screen's pixel density. */
export interface CanvasView {
  camera: Camera;
  /** The scale that shows the whole venue; zoom is bounded around it. */
  fitScale: number;
  width: number;
  height: number;
  dpr: number;
}

/** Before the frame is measured. */
export const UNMEASURED_VIEW: CanvasView = { camera: { scale: 1, x: 0, y: 0 }, fitScale: 1, width: 0, height: 0, dpr: 1 };
