'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilterMask } from '@/lib/seat-map/attributes';
import type { Point } from '@/lib/seat-map/camera';
import { seatName } from '@/lib/seat-map/describe';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { firstSeat } from '@/lib/seat-map/navigation';
import { seatStateAt, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import styles from '../seat-map.module.css';
import { CanvasTooltip } from './canvas-tooltip';
import { UNMEASURED_VIEW, type CanvasView } from './canvas-view';
import { useCanvasFocus } from './use-canvas-focus';
import { useCanvasGestures } from './use-canvas-gestures';
import { useCanvasViewport } from './use-canvas-viewport';
import { useFocusRing } from './use-focus-ring';
import { useSeatPainter } from './use-seat-painter';
import { ZoomControls } from './zoom-controls';

interface CanvasSeatMapProps {
  layout: SeatLayout;
  state: SeatMapState;
  onToggle(seatId: string): void;
  /** The seats the filter lets through; the others are dimmed. */
  mask?: FilterMask;
}

/**
 * Large venues: seats painted on a canvas, with pan (drag), zoom (wheel,
 * pinch, buttons, + and − keys), hit-testing for hover and click, and repainting
 * only the seats whose look changed. Keyboard focus is a seat index, drawn
 * as a ring and announced through a live region.
 */
export function CanvasSeatMap({ layout, state, onToggle, mask = null }: CanvasSeatMapProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const view = useRef<CanvasView>(UNMEASURED_VIEW);
  // Hidden whenever the camera moves: it would point at the wrong place.
  const [tooltipAt, setTooltipAt] = useState<Point | null>(null);
  const hideTooltip = useCallback(() => setTooltipAt(null), []);

  const painter = useSeatPainter(frameRef, baseRef, layout, { state, mask }, view);
  const viewport = useCanvasViewport({ frameRef, layout, view, schedulePaint: painter.schedulePaint, onCameraMove: hideTooltip });
  const focus = useCanvasFocus({ layout, viewport, onToggle, setTooltipAt });
  const { focusSeat } = focus;

  // With a filter on, the keyboard starts from the first seat it lets through.
  useEffect(() => {
    if (mask) focusSeat(firstSeat(layout, mask));
  }, [layout, mask, focusSeat]);
  const pointer = useCanvasGestures({
    frameRef,
    layout,
    viewport,
    onPoint: focus.pointAt,
    onPick: (seat) => {
      focusSeat(seat);
      onToggle(layout.seats[seat]!.id);
    },
  });
  useFocusRing(overlayRef, painter.palette, layout, viewport, focus.pointedSeat);
  const focusedSeat = layout.seats[focus.focusIndex];

  return (
    <div className={styles.canvasWrap}>
      <div
        ref={frameRef}
        className={styles.canvasFrame}
        role="application"
        aria-roledescription="seat map"
        aria-label={`Seat map, ${layout.seats.length.toLocaleString('en-US')} seats. Arrow keys move between seats, Enter or Space selects, plus and minus zoom. Drag to pan.`}
        tabIndex={0}
        onKeyDown={focus.onKeyDown}
        onFocus={focus.onFocus}
        onBlur={focus.onBlur}
      >
        <canvas ref={baseRef} className={styles.canvas} />
        <canvas
          ref={overlayRef}
          className={`${styles.canvas} ${styles.overlay}`}
          {...pointer}
          onPointerLeave={focus.pointerLeft}
          data-hover-seat={focus.hover === null ? undefined : layout.seats[focus.hover]!.id}
        />
        <CanvasTooltip layout={layout} state={state} seat={focus.pointedSeat} at={tooltipAt} />
      </div>
      <ZoomControls viewport={viewport} />
      <p className="visually-hidden" aria-live="polite">
        {focus.keyboardFocused && focusedSeat ? seatName(layout, focusedSeat, seatStateAt(state, focus.focusIndex)) : ''}
      </p>
    </div>
  );
}
