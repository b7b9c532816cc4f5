'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FilterMask } from '@/lib/seat-map/attributes';
import { toLayout, type Camera, type Point } from '@/lib/seat-map/camera';
import { seatName } from '@/lib/seat-map/describe';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { firstSeat } from '@/lib/seat-map/navigation';
import { seatStateAt, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import { leftWords, levelAt, sectionAt, sectionAvailable, sectionCamera, sectionSeats, sectionTotals } from '@/lib/seat-map/sections';
import { seatAt as seatNear } from '@/lib/seat-map/spatial-index';
import styles from '../seat-map.module.css';
import { CanvasTooltip } from './canvas-tooltip';
import { UNMEASURED_VIEW, type CanvasView } from './canvas-view';
import { SectionPicker } from './section-picker';
import { SectionTooltip } from './section-tooltip';
import { useCanvasFocus } from './use-canvas-focus';
import { useCanvasGestures } from './use-canvas-gestures';
import { useCanvasViewport } from './use-canvas-viewport';
import { useFocusRing } from './use-focus-ring';
import { useMapViewHook } from './use-map-view-hook';
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
 * Large venues: seats painted on a canvas, with pan (drag), zoom (wheel, pinch, buttons, + and − keys), hit-testing
 * for hover and click, and repainting only the seats whose look changed. A venue of several sections shows them
 * zoomed out, each with the seats it has left; a click or tap on one zooms into it. Keyboard focus is a seat index,
 * drawn as a ring and announced through a live region.
 */
export function CanvasSeatMap({ layout, state, onToggle, mask = null }: CanvasSeatMapProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const view = useRef<CanvasView>(UNMEASURED_VIEW);
  // Hidden whenever the camera moves: they would point at the wrong place.
  const [tooltipAt, setTooltipAt] = useState<Point | null>(null);
  const [hoverSection, setHoverSection] = useState<number | null>(null);
  // The section in the middle of the view while seats show.
  const [inView, setInView] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const sectionMap = layout.sections;
  const totals = useMemo(() => sectionMap && sectionTotals(sectionMap, mask), [sectionMap, mask]);
  const available = useMemo(() => sectionMap && sectionAvailable(sectionMap, state.statuses, mask), [sectionMap, state.statuses, mask]);
  const sections = useMemo(
    () => (sectionMap && totals && available ? { map: sectionMap, counts: { totals, available } } : null),
    [sectionMap, totals, available],
  );

  const onCameraMove = useCallback(
    (camera: Camera) => {
      setTooltipAt(null);
      setHoverSection(null);
      if (!sectionMap) return;
      if (levelAt(layout, camera.scale, true) === 'sections') return setInView(null);
      const middle = sectionAt(sectionMap, toLayout(camera, view.current.width / 2, view.current.height / 2));
      if (middle >= 0) setInView(middle);
    },
    [layout, sectionMap],
  );

  const painter = useSeatPainter(frameRef, baseRef, layout, { state, mask, sections }, view);
  const viewport = useCanvasViewport({ frameRef, layout, sectioned: sectionMap !== null, view, schedulePaint: painter.schedulePaint, onCameraMove });
  const focus = useCanvasFocus({ layout, viewport, onToggle, setTooltipAt });
  const { focusSeat } = focus;
  const seatsShow = viewport.level === 'seats';

  // With a filter on, the keyboard starts from the first seat it lets through.
  useEffect(() => {
    if (mask) focusSeat(firstSeat(layout, mask));
  }, [layout, mask, focusSeat]);

  const zoomToSection = (index: number) => {
    const section = sectionMap?.sections[index];
    if (!sectionMap || !section || !sections) return;
    viewport.glideTo(sectionCamera(layout, section, view.current.width, view.current.height));
    focusSeat(firstSeat(layout, sectionSeats(sectionMap, index, mask)));
    setAnnouncement(`Section ${section.name}: ${leftWords(sections.counts.available[index] ?? 0, sections.counts.totals[index] ?? 0)}.`);
  };

  const seatAt = (point: Point) => {
    const seat = seatNear(layout, point.x, point.y, layout.pitch * 0.6);
    return seat >= 0 ? seat : null;
  };
  const sectionUnder = (point: Point) => {
    const section = sectionMap ? sectionAt(sectionMap, point) : -1;
    return section >= 0 ? section : null;
  };

  const pointer = useCanvasGestures({
    frameRef,
    viewport,
    onPoint: (point) => {
      if (seatsShow) return focus.pointAt(seatAt(point));
      focus.pointAt(null);
      setHoverSection(sectionUnder(point));
    },
    onPick: (point) => {
      if (!seatsShow) {
        const section = sectionUnder(point);
        if (section !== null) zoomToSection(section);
        return;
      }
      const seat = seatAt(point);
      if (seat === null) return;
      focusSeat(seat);
      onToggle(layout.seats[seat]!.id);
    },
  });
  const hovered = hoverSection === null ? null : (sectionMap?.sections[hoverSection] ?? null);
  useFocusRing(overlayRef, painter.palette, layout, viewport, seatsShow ? focus.pointedSeat : null, seatsShow ? null : hovered);
  useMapViewHook(layout, view, sections);
  const focusedSeat = layout.seats[focus.focusIndex];
  const sectionCount = sectionMap ? `, in ${sectionMap.sections.length} sections` : '';

  return (
    <div className={styles.canvasWrap}>
      <div
        ref={frameRef}
        className={styles.canvasFrame}
        role="application"
        aria-roledescription="seat map"
        aria-label={`Seat map, ${layout.seats.length.toLocaleString('en-US')} seats${sectionCount}. Arrow keys move between seats, Enter or Space selects, plus and minus zoom. Drag to pan.`}
        tabIndex={0}
        onKeyDown={focus.onKeyDown}
        onFocus={focus.onFocus}
        onBlur={focus.onBlur}
        data-level={viewport.level}
      >
        <canvas ref={baseRef} className={styles.canvas} />
        <canvas
          ref={overlayRef}
          className={`${styles.canvas} ${styles.overlay}`}
          {...pointer}
          onPointerLeave={() => {
            focus.pointerLeft();
            setHoverSection(null);
          }}
          data-hover-seat={focus.hover === null || !seatsShow ? undefined : layout.seats[focus.hover]!.id}
          data-hover-section={hovered?.name}
        />
        {seatsShow ? <CanvasTooltip layout={layout} state={state} seat={focus.pointedSeat} at={tooltipAt} /> : null}
        {hovered && sections && hoverSection !== null ? (
          <SectionTooltip
            section={hovered}
            available={sections.counts.available[hoverSection] ?? 0}
            total={sections.counts.totals[hoverSection] ?? 0}
            camera={view.current.camera}
          />
        ) : null}
      </div>
      {sections ? (
        <SectionPicker
          map={sections.map}
          counts={sections.counts}
          current={seatsShow ? inView : null}
          onPick={zoomToSection}
          onOverview={viewport.showWholeVenue}
        />
      ) : null}
      <ZoomControls viewport={viewport} sectioned={sections !== null} />
      <p className="visually-hidden" aria-live="polite">
        {focus.keyboardFocused && focusedSeat && seatsShow ? seatName(layout, focusedSeat, seatStateAt(state, focus.focusIndex)) : announcement}
      </p>
    </div>
  );
}
