import styles from './seat-map.module.css';

/** Shared SVG definitions (the hatching of reserved seats), rendered once per page for the map and the legend. */
export function SeatPatterns() {
  return (
    <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true" focusable="false">
      <defs>
        <pattern id="seat-hatch" patternUnits="userSpaceOnUse" width="0.32" height="0.32" patternTransform="rotate(45)">
          <rect width="0.12" height="0.32" className={styles.hatch} />
        </pattern>
      </defs>
    </svg>
  );
}
