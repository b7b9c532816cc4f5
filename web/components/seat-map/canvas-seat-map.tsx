'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { fitCamera, panToInclude, toLayout, zoomAt, type Camera } from '@/lib/seat-map/camera';
import { seatName } from '@/lib/seat-map/describe';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { firstSeat } from '@/lib/seat-map/navigation';
import { seatStateAt, type SeatMapState, type SeatState } from '@/lib/seat-map/seat-map-state';
import { buildSpatialIndex } from '@/lib/seat-map/spatial-index';
import { readPalette, tierColour, type CanvasPalette } from './canvas-palette';
import { SeatTooltip } from './seat-tooltip';
import { useSeatKeyboard } from './use-seat-keyboard';
import styles from './seat-map.module.css';

const STATE_CODES: readonly SeatState[] = ['available', 'selected', 'mine', 'reserved', 'paid', 'confirmed', 'blocked'];
const STATE_CODE = new Map(STATE_CODES.map((state, code) => [state, code]));
/** Below this many pixels per seat, symbols are unreadable: colour only (the list view and names carry the rest). */
const MARK_MIN_PX = 7;
const CLICK_SLOP_PX = 5;
export const FIRST_PAINT_MARK = 'seatmap:first-paint';

interface CanvasSeatMapProps {
  layout: SeatLayout;
  state: SeatMapState;
  onToggle(seatId: string): void;
}

/** What is painted per seat: state code × 8 + tier, plus one so 0 means "not painted". */
function paintKey(state: SeatMapState, layout: SeatLayout, index: number): number {
  return STATE_CODE.get(seatStateAt(state, index))! * 8 + layout.tierIndex[index]! + 1;
}

function seatColour(palette: CanvasPalette, key: number): string {
  const code = Math.floor((key - 1) / 8);
  const state = STATE_CODES[code]!;
  return state === 'available' ? tierColour(palette, (key - 1) % 8) : palette.states[state];
}

interface SeatRect {
  left: number;
  top: number;
  size: number;
}

/** A seat's pixel-snapped square: repainting it later covers it exactly, without touching its neighbours. */
function seatRect(layout: SeatLayout, camera: Camera, index: number): SeatRect {
  const seat = layout.seats[index]!;
  const size = Math.max(1, Math.round(layout.pitch * 0.8 * camera.scale));
  return {
    left: Math.round(seat.x * camera.scale + camera.x - size / 2),
    top: Math.round(seat.y * camera.scale + camera.y - size / 2),
    size,
  };
}

function stateOfKey(key: number): SeatState {
  return STATE_CODES[Math.floor((key - 1) / 8)]!;
}

/** Fills every seat of one paint key (one colour) in one go: setting a canvas colour is the slow part. */
function drawSeats(ctx: CanvasRenderingContext2D, palette: CanvasPalette, layout: SeatLayout, camera: Camera, indices: readonly number[], key: number) {
  const state = stateOfKey(key);
  const rects = indices.map((index) => seatRect(layout, camera, index));
  const outlined = state === 'blocked' && (rects[0]?.size ?? 0) >= MARK_MIN_PX;
  if (outlined) {
    ctx.strokeStyle = palette.states.blocked;
    ctx.lineWidth = 1;
    for (const { left, top, size } of rects) ctx.strokeRect(left + 0.5, top + 0.5, size - 1, size - 1);
  } else {
    ctx.fillStyle = seatColour(palette, key);
    for (const { left, top, size } of rects) ctx.fillRect(left, top, size, size);
  }
  if (state === 'available' || (rects[0]?.size ?? 0) < MARK_MIN_PX) return;
  for (const { left, top, size } of rects) drawMark(ctx, palette, state, left, top, size);
}

/** The same symbols as the SVG map: tick, star, hatching, dot, cross, slash. */
function drawMark(ctx: CanvasRenderingContext2D, palette: CanvasPalette, state: SeatState, left: number, top: number, size: number) {
  const cx = left + size / 2;
  const cy = top + size / 2;
  const s = size / 2;
  ctx.strokeStyle = state === 'mine' ? palette.markDark : palette.mark;
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = Math.max(1, size * 0.12);
  ctx.lineCap = 'round';
  ctx.beginPath();
  switch (state) {
    case 'selected':
      ctx.moveTo(cx - s * 0.5, cy);
      ctx.lineTo(cx - s * 0.12, cy + s * 0.4);
      ctx.lineTo(cx + s * 0.55, cy - s * 0.4);
      ctx.stroke();
      break;
    case 'mine':
      for (let i = 0; i < 10; i += 1) {
        const radius = i % 2 === 0 ? s * 0.62 : s * 0.28;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        ctx.lineTo(cx + Math.cos(angle) * radius, cy + Math.sin(angle) * radius);
      }
      ctx.fill();
      break;
    case 'reserved':
      ctx.lineWidth = Math.max(1, size * 0.08);
      for (let offset = -size; offset < size; offset += Math.max(3, size / 3)) {
        ctx.moveTo(left + Math.max(0, offset), top + Math.max(0, -offset));
        ctx.lineTo(left + Math.min(size, size + offset), top + Math.min(size, size - offset));
      }
      ctx.stroke();
      break;
    case 'paid':
      ctx.arc(cx, cy, s * 0.28, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'confirmed':
      ctx.moveTo(cx - s * 0.4, cy - s * 0.4);
      ctx.lineTo(cx + s * 0.4, cy + s * 0.4);
      ctx.moveTo(cx + s * 0.4, cy - s * 0.4);
      ctx.lineTo(cx - s * 0.4, cy + s * 0.4);
      ctx.stroke();
      break;
    case 'blocked':
      ctx.strokeStyle = palette.states.blocked;
      ctx.moveTo(left + size * 0.2, top + size * 0.8);
      ctx.lineTo(left + size * 0.8, top + size * 0.2);
      ctx.stroke();
      break;
    case 'available':
      break;
  }
}

/** True when the middle of the venue is empty: a stadium bowl around a pitch. */
function hasPitch(layout: SeatLayout): boolean {
  const { minX, minY, maxX, maxY } = layout.bounds;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const radius = Math.min(maxX - minX, maxY - minY) * 0.25;
  return layout.seats.length > 0 && !layout.seats.some((seat) => (seat.x - cx) ** 2 + (seat.y - cy) ** 2 < radius ** 2);
}

/**
 * Large venues: seats painted on a canvas, with pan (drag), zoom (wheel,
 * pinch, buttons, + and − keys), hit-testing for hover and click, and repainting
 * only the seats whose look changed. Keyboard focus is a seat index, drawn
 * as a ring and announced through a live region.
 */
export function CanvasSeatMap({ layout, state, onToggle }: CanvasSeatMapProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const cameraRef = useRef<Camera>({ scale: 1, x: 0, y: 0 });
  const fitScaleRef = useRef(1);
  const sizeRef = useRef({ width: 0, height: 0, dpr: 1 });
  const paletteRef = useRef<CanvasPalette | null>(null);
  const paintedRef = useRef<Uint16Array>(new Uint16Array(layout.seats.length));
  const stateRef = useRef(state);
  const fullPaintRef = useRef(true);
  const frameRequestRef = useRef(0);
  const [hover, setHover] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(() => firstSeat(layout));
  const [keyboardFocused, setKeyboardFocused] = useState(false);
  const [tooltipAt, setTooltipAt] = useState<{ x: number; y: number } | null>(null);
  const index = useMemo(() => buildSpatialIndex(layout), [layout]);
  const pitch = useMemo(() => hasPitch(layout), [layout]);
  stateRef.current = state;

  const paint = useCallback(() => {
    frameRequestRef.current = 0;
    const canvas = baseRef.current;
    const ctx = canvas?.getContext('2d', { alpha: false });
    const palette = paletteRef.current;
    if (!canvas || !ctx || !palette) return;
    const { width, height, dpr } = sizeRef.current;
    const camera = cameraRef.current;
    const current = stateRef.current;
    const painted = paintedRef.current;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const margin = layout.pitch * camera.scale;
    const visible = (i: number) => {
      const seat = layout.seats[i]!;
      const sx = seat.x * camera.scale + camera.x;
      const sy = seat.y * camera.scale + camera.y;
      return sx > -margin && sy > -margin && sx < width + margin && sy < height + margin;
    };

    const full = fullPaintRef.current;
    fullPaintRef.current = false;
    if (full) {
      ctx.fillStyle = palette.background;
      ctx.fillRect(0, 0, width, height);
      if (pitch) drawPitch(ctx, palette, layout, camera);
      painted.fill(0);
    }
    const byKey = new Map<number, number[]>();
    for (let i = 0; i < layout.seats.length; i += 1) {
      if (full ? !visible(i) : painted[i] === 0) continue;
      const key = paintKey(current, layout, i);
      if (!full && key === painted[i]) continue;
      painted[i] = key;
      const bucket = byKey.get(key);
      if (bucket) bucket.push(i);
      else byKey.set(key, [i]);
    }
    if (!full) {
      // Changed seats only: wipe each one's square, then draw it anew.
      ctx.fillStyle = palette.background;
      for (const bucket of byKey.values()) {
        for (const i of bucket) {
          const { left, top, size } = seatRect(layout, camera, i);
          ctx.fillRect(left, top, size, size);
        }
      }
    }
    for (const [key, bucket] of byKey) drawSeats(ctx, palette, layout, camera, bucket, key);
    // For measuring how soon a large map is on screen (Performance API).
    if (full && performance.getEntriesByName(FIRST_PAINT_MARK).length === 0) performance.mark(FIRST_PAINT_MARK);
  }, [layout, pitch]);

  const schedulePaint = useCallback(
    (full: boolean) => {
      if (full) fullPaintRef.current = true;
      if (!frameRequestRef.current) frameRequestRef.current = requestAnimationFrame(paint);
    },
    [paint],
  );

  // Size the canvases to the frame (and the screen's pixel density), fit the venue on first layout.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    paintedRef.current = new Uint16Array(layout.seats.length);
    paletteRef.current = readPalette(frame);
    let fitted = false;
    const resize = () => {
      const { width, height } = frame.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      sizeRef.current = { width, height, dpr };
      for (const canvas of [baseRef.current, overlayRef.current]) {
        if (!canvas) continue;
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      const fit = fitCamera(layout.bounds, width, height, layout.pitch * 2);
      fitScaleRef.current = fit.scale;
      if (!fitted) {
        cameraRef.current = fit;
        fitted = true;
      }
      schedulePaint(true);
    };
    const observer = new ResizeObserver(resize);
    observer.observe(frame);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => {
      paletteRef.current = readPalette(frame);
      schedulePaint(true);
    };
    scheme.addEventListener('change', onScheme);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', onScheme);
      cancelAnimationFrame(frameRequestRef.current);
      frameRequestRef.current = 0;
    };
  }, [layout, schedulePaint]);

  // Live changes: repaint only the seats whose look changed.
  useEffect(() => schedulePaint(false), [state, schedulePaint]);

  const setCamera = useCallback(
    (camera: Camera) => {
      cameraRef.current = camera;
      schedulePaint(true);
      setTooltipAt(null);
    },
    [schedulePaint],
  );

  const seatScreen = useCallback(
    (i: number) => {
      const seat = layout.seats[i]!;
      const camera = cameraRef.current;
      return { x: seat.x * camera.scale + camera.x, y: seat.y * camera.scale + camera.y };
    },
    [layout],
  );

  // Hover and keyboard focus rings live on the overlay, so they never disturb the seats underneath.
  const ringSeat = keyboardFocused ? focusIndex : hover;
  useEffect(() => {
    const canvas = overlayRef.current;
    const ctx = canvas?.getContext('2d');
    const palette = paletteRef.current;
    if (!canvas || !ctx || !palette) return;
    const { width, height, dpr } = sizeRef.current;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (ringSeat === null) return;
    const { x, y } = seatScreen(ringSeat);
    const size = Math.max(6, layout.pitch * 0.8 * cameraRef.current.scale) + 6;
    ctx.strokeStyle = palette.accent;
    ctx.lineWidth = 2.5;
    ctx.strokeRect(x - size / 2, y - size / 2, size, size);
  });

  const zoomBy = useCallback(
    (factor: number, px?: number, py?: number) => {
      const { width, height } = sizeRef.current;
      setCamera(zoomAt(cameraRef.current, factor, px ?? width / 2, py ?? height / 2, fitScaleRef.current));
    },
    [setCamera],
  );

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = frame.getBoundingClientRect();
      zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  const drag = useRef<{ startX: number; startY: number; camera: Camera; moved: boolean; id: number } | null>(null);
  // Two fingers on a touch screen: pinch to zoom around their midpoint, move them to pan.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number; midX: number; midY: number; camera: Camera } | null>(null);

  const pinchGeometry = () => {
    const [a, b] = [...pointers.current.values()];
    const rect = frameRef.current!.getBoundingClientRect();
    return { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), midX: (a!.x + b!.x) / 2 - rect.left, midY: (a!.y + b!.y) / 2 - rect.top };
  };

  const seatUnder = (event: ReactPointerEvent) => {
    const rect = frameRef.current!.getBoundingClientRect();
    const point = toLayout(cameraRef.current, event.clientX - rect.left, event.clientY - rect.top);
    return index.seatAt(point.x, point.y, layout.pitch * 0.6);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.current.size === 2) {
      drag.current = null;
      pinch.current = { ...pinchGeometry(), camera: cameraRef.current };
      return;
    }
    drag.current = { startX: event.clientX, startY: event.clientY, camera: cameraRef.current, moved: false, id: event.pointerId };
  };

  const onPointerEnd = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pointers.current.has(event.pointerId)) pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const start = pinch.current;
    if (start && pointers.current.size === 2) {
      const now = pinchGeometry();
      const zoomed = zoomAt(start.camera, now.distance / Math.max(1, start.distance), start.midX, start.midY, fitScaleRef.current);
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
    setKeyboardFocused(false);
    setHover(seat >= 0 ? seat : null);
    setTooltipAt(seat >= 0 ? seatScreen(seat) : null);
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    onPointerEnd(event);
    const current = drag.current;
    drag.current = null;
    if (!current || current.moved) return;
    const seat = seatUnder(event);
    if (seat >= 0) {
      setFocusIndex(seat);
      onToggle(layout.seats[seat]!.id);
    }
  };

  const moveFocus = useCallback(
    (next: number) => {
      setFocusIndex(next);
      setKeyboardFocused(true);
      const seat = layout.seats[next]!;
      const { width, height } = sizeRef.current;
      const camera = cameraRef.current;
      // Zoom in far enough to see single seats before moving seat by seat.
      const minScale = 14 / layout.pitch;
      const zoomed =
        camera.scale < minScale
          ? zoomAt(camera, minScale / camera.scale, seat.x * camera.scale + camera.x, seat.y * camera.scale + camera.y, fitScaleRef.current)
          : camera;
      const panned = panToInclude(zoomed, seat.x, seat.y, width, height, 48);
      if (panned !== camera) setCamera(panned);
      setTooltipAt(seatScreen(next));
    },
    [layout, seatScreen, setCamera],
  );
  const onSeatKey = useSeatKeyboard(layout, focusIndex, moveFocus, onToggle);

  const focusSeat = layout.seats[focusIndex];
  const tooltipSeatIndex = keyboardFocused ? focusIndex : hover;
  const tooltipSeat = tooltipSeatIndex === null ? undefined : layout.seats[tooltipSeatIndex];

  return (
    <div className={styles.canvasWrap}>
      <div
        ref={frameRef}
        className={styles.canvasFrame}
        role="application"
        aria-roledescription="seat map"
        aria-label={`Seat map, ${layout.seats.length.toLocaleString('en-US')} seats. Arrow keys move between seats, Enter or Space selects, plus and minus zoom. Drag to pan.`}
        tabIndex={0}
        onKeyDown={(event) => {
          if (event.key === '+' || event.key === '=') zoomBy(1.4);
          else if (event.key === '-') zoomBy(1 / 1.4);
          else onSeatKey(event);
        }}
        onFocus={(event) => {
          if (event.target === event.currentTarget && !event.currentTarget.matches(':focus-visible')) return;
          setKeyboardFocused(true);
          setTooltipAt(seatScreen(focusIndex));
        }}
        onBlur={() => {
          setKeyboardFocused(false);
          setTooltipAt(null);
        }}
      >
        <canvas ref={baseRef} className={styles.canvas} />
        <canvas
          ref={overlayRef}
          className={`${styles.canvas} ${styles.overlay}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerEnd}
          onPointerLeave={() => {
            setHover(null);
            if (!keyboardFocused) setTooltipAt(null);
          }}
          data-hover-seat={hover === null ? undefined : layout.seats[hover]!.id}
        />
        {tooltipAt && tooltipSeat && tooltipSeatIndex !== null ? (
          <SeatTooltip layout={layout} seat={tooltipSeat} state={seatStateAt(state, tooltipSeatIndex)} x={tooltipAt.x} y={tooltipAt.y - 6} />
        ) : null}
      </div>
      <div className={styles.zoomControls}>
        <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button
          type="button"
          onClick={() => setCamera(fitCamera(layout.bounds, sizeRef.current.width, sizeRef.current.height, layout.pitch * 2))}
          aria-label="Show the whole venue"
        >
          ⤢
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {keyboardFocused && focusSeat ? seatName(layout, focusSeat, seatStateAt(state, focusIndex)) : ''}
      </p>
    </div>
  );
}

function drawPitch(ctx: CanvasRenderingContext2D, palette: CanvasPalette, layout: SeatLayout, camera: Camera) {
  const { minX, minY, maxX, maxY } = layout.bounds;
  const width = (maxX - minX) * 0.42 * camera.scale;
  const height = (maxY - minY) * 0.27 * camera.scale;
  const cx = ((minX + maxX) / 2) * camera.scale + camera.x;
  const cy = ((minY + maxY) / 2) * camera.scale + camera.y;
  ctx.fillStyle = palette.pitch;
  ctx.beginPath();
  ctx.roundRect(cx - width / 2, cy - height / 2, width, height, Math.min(width, height) * 0.08);
  ctx.fill();
  ctx.fillStyle = palette.text;
  ctx.font = `600 ${Math.max(11, Math.min(28, height * 0.14))}px ${getComputedStyle(document.body).fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('PITCH', cx, cy);
}
