import type { SeatSymbol } from '@/lib/seat-map/attributes';
import { STROKE_WIDTH, SYMBOL_PATHS } from './seat-symbol-paths';
import styles from './seat-map.module.css';

/** A seat's symbol (wheelchair space, companion seat, restricted view), `size` wide, centred on the origin. */
export function SeatSymbolMark({ symbol, size }: { symbol: SeatSymbol; size: number }) {
  const { stroke, fill } = SYMBOL_PATHS[symbol];
  return (
    <g transform={`scale(${size})`} data-symbol={symbol}>
      {stroke ? <path className={styles.symbolStroke} d={stroke} strokeWidth={STROKE_WIDTH} /> : null}
      {fill ? <path className={styles.symbolFill} d={fill} /> : null}
    </g>
  );
}
