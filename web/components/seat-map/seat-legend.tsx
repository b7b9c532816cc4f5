import { useMemo } from 'react';
import { ATTRIBUTE_WORDS, SEAT_SYMBOLS, type SeatSymbol } from '@/lib/seat-map/attributes';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { STATE_WORDS } from '@/lib/seat-map/describe';
import type { SeatState } from '@/lib/seat-map/seat-map-state';
import type { Availability } from '@/lib/seat-map/sections';
import { formatMoney } from '@/lib/format';
import { rendererFor } from './renderer';
import { SeatMark } from './seat-mark';
import { SeatSymbolMark } from './seat-symbol';
import mapStyles from './seat-map.module.css';
import styles from './seat-legend.module.css';

function Swatch({ state, tier = 0, symbol = null }: { state: SeatState; tier?: number; symbol?: SeatSymbol | null }) {
  return (
    <svg viewBox="-0.62 -0.62 1.24 1.24" className={styles.swatch} aria-hidden="true">
      <g className={mapStyles.seat} data-state={state} data-tier={tier}>
        <rect className={mapStyles.body} x={-0.5} y={-0.5} width={1} height={1} rx={0.24} />
        <SeatMark state={state} size={1} />
        {symbol ? <SeatSymbolMark symbol={symbol} size={1} /> : null}
      </g>
    </svg>
  );
}

const STATE_ITEMS: ReadonlyArray<Exclude<SeatState, 'available'>> = ['selected', 'mine', 'reserved', 'paid', 'confirmed', 'blocked'];

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** The symbols this venue's seats carry, each with the tier of the first seat that has it (to draw its swatch in). */
function symbolsIn(layout: SeatLayout): Array<{ symbol: SeatSymbol; tier: number }> {
  return SEAT_SYMBOLS.flatMap((symbol) => {
    const tier = layout.attributeTiers.get(symbol);
    return tier === undefined ? [] : [{ symbol, tier }];
  });
}

const SECTION_ITEMS: ReadonlyArray<{ availability: Availability; words: string }> = [
  { availability: 'plenty', words: '40% or more left' },
  { availability: 'some', words: 'Fewer left' },
  { availability: 'none', words: 'Sold out' },
];

/** A section's tint and outline, hatched when it is sold out, as the canvas map draws it zoomed out. */
function SectionSwatch({ availability }: { availability: Availability }) {
  return (
    <svg viewBox="0 0 16 16" className={styles.swatch} aria-hidden="true" data-availability={availability}>
      <rect className={styles.sectionSwatch} x={1} y={1} width={14} height={14} rx={2} />
      {availability === 'none' ? <path className={styles.sectionHatch} d="M1 9 L9 1 M1 15 L15 1 M7 15 L15 7" /> : null}
    </svg>
  );
}

/**
 * Available seats by tier and price, what every other state looks like (colour and symbol), the seats' features,
 * and, for a venue shown by sections when zoomed out, what their colours mean.
 */
export function SeatLegend({ layout }: { layout: SeatLayout }) {
  const symbols = useMemo(() => symbolsIn(layout), [layout]);
  const sectioned = layout.multiSection && rendererFor(layout) === 'canvas';
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
            <span>{capitalised(STATE_WORDS[state])}</span>
          </li>
        ))}
      </ul>
      {symbols.length ? (
        <ul className={styles.items} aria-label="Seat features">
          {symbols.map(({ symbol, tier }) => (
            <li key={symbol} className={styles.item} data-symbol={symbol}>
              <Swatch state="available" tier={tier} symbol={symbol} />
              <span>{capitalised(ATTRIBUTE_WORDS[symbol])}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {sectioned ? (
        <ul className={styles.items} aria-label="Sections, zoomed out">
          {SECTION_ITEMS.map(({ availability, words }) => (
            <li key={availability} className={styles.item}>
              <SectionSwatch availability={availability} />
              <span>{words}</span>
            </li>
          ))}
          <li className={styles.item}>The number on a section is its seats left</li>
        </ul>
      ) : null}
    </div>
  );
}
