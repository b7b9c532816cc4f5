import styles from '../seat-map.module.css';
import type { CanvasViewport } from './use-canvas-viewport';

/** What one press of a zoom button zooms by. */
const BUTTON_ZOOM = 1.5;

export function ZoomControls({ viewport }: { viewport: CanvasViewport }) {
  return (
    <div className={styles.zoomControls}>
      <button type="button" onClick={() => viewport.zoomBy(BUTTON_ZOOM)} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={() => viewport.zoomBy(1 / BUTTON_ZOOM)} aria-label="Zoom out">
        −
      </button>
      <button type="button" onClick={viewport.showWholeVenue} aria-label="Show the whole venue">
        ⤢
      </button>
    </div>
  );
}
