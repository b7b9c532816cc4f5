import styles from '../seat-map.module.css';
import type { CanvasViewport } from './use-canvas-viewport';

/** What one press of a zoom button zooms by. */
const BUTTON_ZOOM = 1.5;

/** `sectioned`: the whole venue is its sections, so the last button goes back to them. */
export function ZoomControls({ viewport, sectioned }: { viewport: CanvasViewport; sectioned: boolean }) {
  return (
    <div className={styles.zoomControls}>
      <button type="button" onClick={() => viewport.zoomBy(BUTTON_ZOOM)} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={() => viewport.zoomBy(1 / BUTTON_ZOOM)} aria-label="Zoom out">
        −
      </button>
      <button type="button" onClick={viewport.showWholeVenue} aria-label={sectioned ? 'Show all sections' : 'Show the whole venue'}>
        ⤢
      </button>
    </div>
  );
}
