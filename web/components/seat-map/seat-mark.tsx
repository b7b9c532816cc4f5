import type { SeatState } from '@/lib/seat-map/seat-map-state';
import styles from './seat-map.module.css';

/**
 * The symbol inside a seat, so each state reads without colour:
 * a tick when selected, a star when yours, hatching when reserved,
 * a dot when paid, a cross when sold, a slash when blocked.
 */
export function SeatMark({ state, size }: { state: SeatState; size: number }) {
  const s = size / 2;
  switch (state) {
    case 'selected':
      return <path className={styles.mark} d={`M${-s * 0.5} 0 L${-s * 0.12} ${s * 0.4} L${s * 0.55} ${-s * 0.4}`} strokeWidth={size * 0.14} />;
    case 'mine':
      return <path className={styles.markFill} d={starPath(s * 0.62)} />;
    case 'reserved':
      return <rect x={-s} y={-s} width={size} height={size} rx={size * 0.24} fill="url(#seat-hatch)" />;
    case 'paid':
      return <circle className={styles.markFill} r={s * 0.28} />;
    case 'confirmed':
      return (
        <path
          className={styles.mark}
          d={`M${-s * 0.4} ${-s * 0.4} L${s * 0.4} ${s * 0.4} M${s * 0.4} ${-s * 0.4} L${-s * 0.4} ${s * 0.4}`}
          strokeWidth={size * 0.12}
        />
      );
    case 'blocked':
      return <path className={styles.markMuted} d={`M${-s * 0.55} ${s * 0.55} L${s * 0.55} ${-s * 0.55}`} strokeWidth={size * 0.1} />;
    case 'available':
      return null;
  }
}

/** A five-pointed star of outer radius `r`, centred on the origin. */
export function starPath(r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(Math.cos(angle) * radius).toFixed(3)} ${(Math.sin(angle) * radius).toFixed(3)}`);
  }
  return `M${points.join(' L')} Z`;
}
