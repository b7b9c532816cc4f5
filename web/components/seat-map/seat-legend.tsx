import type { SeatLayout } from '@/lib/seat-map/layout';
import { STATE_WORDS } from '@/lib/seat-map/describe';
import type { SeatState } from '@/lib/seat-map/seat-map-state';
import { formatMoney } from '@/lib/format';
import { SeatMark } from './seat-mark';
import mapStyles from './seat-map.module.css';
import styles from './seat-legend.module.css';

function Swatch({ state, tier = 0 }: { state: SeatState; tier?: number }) {
  return (
    <svg viewBox="-0.62 -0.62 1.24 1.24" className={styles.swatch} aria-hidden="true">
      <g className={mapStyles.seat} data-state={state} data-tier={tier}>
        <rect className={mapStyles.body} x={-0.5} y={-0.5} width={1} height={1} rx={0.24} />
        <SeatMark state={state} size={1} />
      </g>
    </svg>
  );
}

const STATE_ITEMS: ReadonlyArray<Exclude<SeatState, 'available'>> = ['selected', 'mine', 'reserved', 'paid', 'confirmed', 'blocked'];

/** Available seats by tier and price, then what every other state looks like: colour and symbol. */
export function SeatLegend({ layout }: { layout: SeatLayout }) {
  return (
    <div className={styles.legend}>
      <h3 className="visually-hidden">Legend</h3>
      <ul className={styles.items} aria-label="Available seats by price">
        {layout.tiers.map((tier) => (
          <li key={tier.tier} className={styles.item}>
            <Swatch state="available" tier={tier.colour} />
            <span>
              {tier.tier} <strong>{formatMoney(tier.price)}</strong>
            </span>
          </li>
        ))}
      </ul>
      <ul className={styles.items} aria-label="Seat states">
        {STATE_ITEMS.map((state) => (
          <li key={state} className={styles.item}>
            <Swatch state={state} />
            <span>{STATE_WORDS[state].charAt(0).toUpperCase() + STATE_WORDS[state].slice(1)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
