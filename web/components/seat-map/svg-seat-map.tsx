'use client';

import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StandingArea } from '@seatstorm/contracts';
import { matchesMask, symbolOf, type FilterMask } from '@/lib/seat-map/attributes';
import type { LayoutSeat, SeatLayout } from '@/lib/seat-map/layout';
import { seatName } from '@/lib/seat-map/describe';
import { firstSeat } from '@/lib/seat-map/navigation';
import { seatStateAt, type SeatMapState, type SeatState } from '@/lib/seat-map/seat-map-state';
import { SeatMark } from './seat-mark';
import { SeatSymbolMark } from './seat-symbol';
import { SeatTooltip, type TooltipTarget } from './seat-tooltip';
import { useSeatKeyboard } from './use-seat-keyboard';
import styles from './seat-map.module.css';

interface SeatProps {
  layout: SeatLayout;
  seat: LayoutSeat;
  index: number;
  state: SeatState;
  size: number;
  tabbable: boolean;
  /** An admin may pick blocked seats too (to put them back on sale). */
  blockedSelectable: boolean;
  /** Left out by the filter: drawn faintly, still in its place and still a button. */
  dimmed: boolean;
  onToggle(seatId: string): void;
  onFocusSeat(index: number, element: SVGGElement): void;
}

const Seat = memo(function Seat({ layout, seat, index, state, size, tabbable, blockedSelectable, dimmed, onToggle, onFocusSeat }: SeatProps) {
  const half = size / 2;
  const selectable = state === 'available' || state === 'selected' || (blockedSelectable && state === 'blocked');
  // A taken seat shows its state's symbol instead: which is what decides whether it can be picked.
  const symbol = state === 'available' ? symbolOf(seat) : null;
  return (
    <g
      className={styles.seat}
      transform={`translate(${seat.x} ${seat.y})`}
      data-seat-id={seat.id}
      data-state={state}
      data-tier={layout.tierIndex[index]}
      data-dimmed={dimmed || undefined}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={seatName(layout, seat, state)}
      aria-pressed={state === 'selected'}
      aria-disabled={!selectable}
      onClick={() => onToggle(seat.id)}
      onFocus={(event) => onFocusSeat(index, event.currentTarget)}
      onPointerEnter={(event) => onFocusSeat(index, event.currentTarget)}
    >
      <rect className={styles.ring} x={-half - size * 0.18} y={-half - size * 0.18} width={size * 1.36} height={size * 1.36} rx={size * 0.34} />
      <rect className={styles.body} x={-half} y={-half} width={size} height={size} rx={size * 0.24} />
      <SeatMark state={state} size={size} />
      {symbol ? <SeatSymbolMark symbol={symbol} size={size} /> : null}
    </g>
  );
});

/** A standing area: its floor as a shape, named with the places it has left; the panel beside the map holds places. */
function StandingAreaShape({ area, pitch, chosen }: { area: StandingArea; pitch: number; chosen: boolean }) {
  const left = area.available === 0 ? 'sold out' : `${area.available} left`;
  return (
    <g
      className={styles.standingArea}
      data-area-id={area.id}
      data-available={area.available}
      data-chosen={chosen || undefined}
      data-sold-out={area.available === 0 || undefined}
      role="img"
      aria-label={`${area.id}, standing: ${area.available} of ${area.capacity} places left. Choose how many beside the map.`}
    >
      <rect x={area.x - area.width / 2} y={area.y - area.height / 2} width={area.width} height={area.height} rx={pitch * 0.6} />
      <text x={area.x} y={area.y} fontSize={pitch * 0.9} dominantBaseline="middle" textAnchor="middle">
        {area.id} · {left}
      </text>
    </g>
  );
}

/** On a narrow screen the map scrolls sideways rather than shrinking seats below a comfortable tap target. */
const MIN_SEAT_PX = 26;

interface SvgSeatMapProps {
  layout: SeatLayout;
  state: SeatMapState;
  onToggle(seatId: string): void;
  /** The seats the filter lets through; the others are dimmed. */
  mask?: FilterMask;
}

/** Small venues: one SVG element per seat, each a focusable button with `data-seat-id` and `data-state`. */
export function SvgSeatMap({ layout, state, onToggle, mask = null }: SvgSeatMapProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [tooltip, setTooltip] = useState<TooltipTarget | null>(null);
  const size = layout.pitch * 0.8;
  const { minX, minY, maxX, maxY } = layout.bounds;
  const pad = layout.pitch * 1.2;
  const stageGap = layout.pitch * 3.2;
  const viewBox = `${minX - pad} ${minY - pad - stageGap} ${maxX - minX + pad * 2} ${maxY - minY + pad * 2 + stageGap}`;

  // When the map is wider than a phone screen, start at its middle (the stage), not its left edge.
  useEffect(() => {
    const frame = frameRef.current;
    if (frame && frame.scrollWidth > frame.clientWidth) frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
  }, [layout]);

  const showTooltip = useCallback((index: number, element: Element) => {
    const frameElement = frameRef.current;
    if (!frameElement) return;
    const frame = frameElement.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    // The frame scrolls sideways on narrow screens; the tooltip lives in its scrolled content.
    setTooltip({ index, x: box.left + box.width / 2 - frame.left + frameElement.scrollLeft, y: box.top - frame.top + frameElement.scrollTop });
  }, []);

  const onFocusSeat = useCallback(
    (index: number, element: SVGGElement) => {
      if (element === document.activeElement) setFocusIndex(index);
      showTooltip(index, element);
    },
    [showTooltip],
  );

  const moveFocus = useCallback((index: number) => {
    setFocusIndex(index);
    frameRef.current?.querySelectorAll<SVGGElement>('[data-seat-id]')[index]?.focus();
  }, []);
  const onKeyDown = useSeatKeyboard(layout, focusIndex, moveFocus, onToggle);

  // With a filter on, Tab into the map lands on the first seat it lets through.
  useEffect(() => {
    if (mask) setFocusIndex(firstSeat(layout, mask));
  }, [layout, mask]);

  const states = useMemo(() => layout.seats.map((_, index) => seatStateAt(state, index)), [layout, state]);
  const tooltipSeat = tooltip ? layout.seats[tooltip.index] : undefined;

  return (
    <div ref={frameRef} className={styles.svgFrame} onPointerLeave={() => setTooltip(null)}>
      <svg
        className={styles.svg}
        viewBox={viewBox}
        style={{ minWidth: Math.round(((maxX - minX + pad * 2) / layout.pitch) * MIN_SEAT_PX) }}
        role="group"
        aria-label={`Seat map, ${layout.seats.length} seats. Arrow keys move between seats; Enter or Space selects.`}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setTooltip(null);
        }}
      >
        <g className={styles.stage} aria-hidden="true">
          <rect
            x={(minX + maxX) / 2 - (maxX - minX) * 0.3}
            y={minY - stageGap - pad * 0.2}
            width={(maxX - minX) * 0.6}
            height={layout.pitch * 1.6}
            rx={layout.pitch * 0.4}
          />
          <text x={(minX + maxX) / 2} y={minY - stageGap + layout.pitch * 0.6} fontSize={layout.pitch * 0.8}>
            STAGE
          </text>
        </g>
        {state.areas.map((area) => (
          <StandingAreaShape key={area.id} area={area} pitch={layout.pitch} chosen={state.standing?.areaId === area.id} />
        ))}
        {layout.seats.map((seat, index) => (
          <Seat
            key={seat.id}
            layout={layout}
            seat={seat}
            index={index}
            state={states[index]!}
            size={size}
            tabbable={index === focusIndex}
            blockedSelectable={state.mode === 'admin'}
            dimmed={!matchesMask(mask, index)}
            onToggle={onToggle}
            onFocusSeat={onFocusSeat}
          />
        ))}
      </svg>
      {tooltip && tooltipSeat ? <SeatTooltip layout={layout} seat={tooltipSeat} state={states[tooltip.index]!} x={tooltip.x} y={tooltip.y} /> : null}
    </div>
  );
}
