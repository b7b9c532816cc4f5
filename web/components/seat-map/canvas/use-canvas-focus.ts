import { useCallback, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { panToInclude, toScreen, zoomAt, type Point } from '@/lib/seat-map/camera';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { firstSeat } from '@/lib/seat-map/navigation';
import { useSeatKeyboard } from '../use-seat-keyboard';
import type { CanvasViewport } from './use-canvas-viewport';

/** Seats this many pixels apart can be told apart: a keyboard move zooms in that far first. */
const KEYBOARD_SEAT_PX = 14;
/** A seat reached by keyboard is kept this far inside the frame's edge. */
const KEYBOARD_EDGE_PX = 48;
/** What one + or − key press zooms by. */
const KEY_ZOOM = 1.4;

interface CanvasFocusOptions {
  layout: SeatLayout;
  viewport: CanvasViewport;
  onToggle(seatId: string): void;
  /** Shows the tooltip at a point of the frame, or hides it (null). */
  setTooltipAt(point: Point | null): void;
}

export interface CanvasFocus {
  /** The seat keyboard focus is on: an index, as a canvas has no element per seat. */
  focusIndex: number;
  /** True while the keyboard leads; otherwise the pointer does. */
  keyboardFocused: boolean;
  /** The seat under the pointer. */
  hover: number | null;
  /** The seat the ring and the tooltip are on: the focused one while the keyboard leads, else the one under the pointer. */
  pointedSeat: number | null;
  /** The pointer moved over a seat, or off the seats (null): it leads now. */
  pointAt(seat: number | null): void;
  /** The pointer left the map. */
  pointerLeft(): void;
  /** A click on a seat moves focus to it. */
  focusSeat(index: number): void;
  onKeyDown(event: KeyboardEvent): void;
  onFocus(event: FocusEvent<HTMLElement>): void;
  onBlur(): void;
}

/**
 * Focus on the canvas map, shared by keyboard and pointer: arrows move a focus index from seat to seat, zooming in
 * and panning so it stays in view, Enter or Space picks it, + and − zoom; moving the pointer hands the lead to it.
 */
export function useCanvasFocus({ layout, viewport, onToggle, setTooltipAt }: CanvasFocusOptions): CanvasFocus {
  const [focusIndex, setFocusIndex] = useState(() => firstSeat(layout));
  const [keyboardFocused, setKeyboardFocused] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const { view, setCamera, zoomBy, seatOnScreen } = viewport;

  const moveFocus = useCallback(
    (next: number) => {
      setFocusIndex(next);
      setKeyboardFocused(true);
      const seat = layout.seats[next]!;
      const { camera, width, height, fitScale } = view.current;
      const minScale = KEYBOARD_SEAT_PX / layout.pitch;
      const onScreen = toScreen(camera, seat.x, seat.y);
      const zoomed = camera.scale < minScale ? zoomAt(camera, minScale / camera.scale, onScreen.x, onScreen.y, fitScale) : camera;
      const panned = panToInclude(zoomed, seat.x, seat.y, width, height, KEYBOARD_EDGE_PX);
      if (panned !== camera) setCamera(panned);
      setTooltipAt(seatOnScreen(next));
    },
    [layout, view, setCamera, seatOnScreen, setTooltipAt],
  );
  const onSeatKey = useSeatKeyboard(layout, focusIndex, moveFocus, onToggle);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') zoomBy(KEY_ZOOM);
    else if (event.key === '-') zoomBy(1 / KEY_ZOOM);
    else onSeatKey(event);
  };

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    // Focus that came with a click leaves the pointer leading.
    if (event.target === event.currentTarget && !event.currentTarget.matches(':focus-visible')) return;
    setKeyboardFocused(true);
    setTooltipAt(seatOnScreen(focusIndex));
  };

  const onBlur = () => {
    setKeyboardFocused(false);
    setTooltipAt(null);
  };

  const pointAt = (seat: number | null) => {
    setKeyboardFocused(false);
    setHover(seat);
    setTooltipAt(seat === null ? null : seatOnScreen(seat));
  };

  const pointerLeft = () => {
    setHover(null);
    if (!keyboardFocused) setTooltipAt(null);
  };

  return {
    focusIndex,
    keyboardFocused,
    hover,
    pointedSeat: keyboardFocused ? focusIndex : hover,
    pointAt,
    pointerLeft,
    focusSeat: setFocusIndex,
    onKeyDown,
    onFocus,
    onBlur,
  };
}
