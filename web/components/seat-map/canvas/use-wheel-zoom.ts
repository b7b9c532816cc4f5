import { useEffect, type RefObject } from 'react';

/** How much one pixel of wheel travel zooms (exponentially, so a flick and many small turns agree). */
const WHEEL_ZOOM_PER_PX = 0.0015;

/** The mouse wheel or a trackpad's scroll zooms the map around the pointer instead of scrolling the page. */
export function useWheelZoom(frameRef: RefObject<HTMLElement | null>, zoomBy: (factor: number, px: number, py: number) => void) {
  // A non-passive listener: React's onWheel is passive and could not keep the page from scrolling.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = frame.getBoundingClientRect();
      zoomBy(Math.exp(-event.deltaY * WHEEL_ZOOM_PER_PX), event.clientX - rect.left, event.clientY - rect.top);
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, [frameRef, zoomBy]);
}
