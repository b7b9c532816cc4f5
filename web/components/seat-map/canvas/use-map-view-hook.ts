import { useEffect, useRef, type RefObject } from 'react';
import { toLayout, toScreen } from '@/lib/seat-map/camera';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { levelAt, sectionAt, type SectionMap } from '@/lib/seat-map/sections';
import type { SeatMapViewHook } from '@/lib/seat-map/test-hook';
import type { CanvasView } from './canvas-view';
import type { SectionCounts } from './draw-sections';

/**
 * Publishes what the canvas map shows on `window.__seatstormMapView` (see SeatMapViewHook), read from the camera and
 * the counts at the moment a test asks.
 */
export function useMapViewHook(layout: SeatLayout, view: RefObject<CanvasView>, sections: { map: SectionMap; counts: SectionCounts } | null) {
  const sectionsRef = useRef(sections);
  sectionsRef.current = sections;
  useEffect(() => {
    const level = () => levelAt(layout, view.current.camera.scale, sectionsRef.current !== null);
    const hook: SeatMapViewHook = {
      eventId: layout.eventId,
      level,
      section() {
        const map = sectionsRef.current?.map;
        if (!map || level() === 'sections') return null;
        const { camera, width, height } = view.current;
        return map.sections[sectionAt(map, toLayout(camera, width / 2, height / 2))]?.name ?? null;
      },
      sections() {
        const current = sectionsRef.current;
        if (!current) return [];
        return current.map.sections.map((section, index) => ({
          name: section.name,
          available: current.counts.available[index] ?? 0,
          total: current.counts.totals[index] ?? 0,
          ...toScreen(view.current.camera, section.centre.x, section.centre.y),
        }));
      },
      visibleSeats() {
        const seen: Record<string, number> = {};
        if (level() === 'sections') return seen;
        const { camera, width, height } = view.current;
        for (const seat of layout.seats) {
          const { x, y } = toScreen(camera, seat.x, seat.y);
          if (x >= 0 && y >= 0 && x <= width && y <= height) seen[seat.section] = (seen[seat.section] ?? 0) + 1;
        }
        return seen;
      },
      seatOnScreen(seatId) {
        const seat = layout.seats[layout.indexById.get(seatId) ?? -1];
        return seat ? toScreen(view.current.camera, seat.x, seat.y) : null;
      },
    };
    window.__seatstormMapView = hook;
    return () => {
      if (window.__seatstormMapView === hook) delete window.__seatstormMapView;
    };
  }, [layout, view]);
}
