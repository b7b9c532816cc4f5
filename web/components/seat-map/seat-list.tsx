'use client';

import { useMemo, useState } from 'react';
import { matchesMask, noneLeftMessage, symbolOf } from '@/lib/seat-map/attributes';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { seatName } from '@/lib/seat-map/describe';
import { seatStateAt, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import { formatMoney } from '@/lib/format';
import { SeatFilterBar } from './seat-filter-bar';
import { SeatSymbolMark } from './seat-symbol';
import { useSeatFilterControl } from './use-seat-filter';
import styles from './seat-list.module.css';

interface RowGroup {
  section: string;
  row: string;
  tier: string;
  price: number;
  seats: number[];
}

function groupRows(layout: SeatLayout): RowGroup[] {
  const rows = new Map<string, RowGroup>();
  layout.seats.forEach((seat, index) => {
    const key = `${seat.section}\u0000${seat.row}`;
    const group = rows.get(key);
    if (group) group.seats.push(index);
    else rows.set(key, { section: seat.section, row: seat.row, tier: seat.tier, price: seat.price, seats: [index] });
  });
  return [...rows.values()];
}

/** Above this, the list shows one section at a time: 50,000 buttons would help nobody. */
const ALL_SECTIONS_MAX_SEATS = 2_000;

/**
 * The map as a list: available (and selected) seats by row, each a toggle button with the seat's full name and
 * symbol; the map's filter narrows it to the seats with one attribute.
 */
export function SeatList({ layout, state, onToggle }: { layout: SeatLayout; state: SeatMapState; onToggle(seatId: string): void }) {
  const filter = useSeatFilterControl(layout);
  const rows = useMemo(() => groupRows(layout), [layout]);
  const sections = useMemo(() => [...new Set(rows.map((row) => row.section))], [rows]);
  const paged = layout.seats.length > ALL_SECTIONS_MAX_SEATS;
  const [section, setSection] = useState(sections[0] ?? '');

  const shown = rows
    .filter((row) => !paged || row.section === section)
    .map((row) => ({
      ...row,
      seats: row.seats.filter((index) => matchesMask(filter.mask, index) && ['available', 'selected'].includes(seatStateAt(state, index))),
    }))
    .filter((row) => row.seats.length > 0);

  return (
    <div>
      <SeatFilterBar control={filter} state={state} />
      <div className={styles.list}>
        {paged ? (
          <label className={styles.sectionPicker}>
            Section
            <select value={section} onChange={(event) => setSection(event.target.value)}>
              {sections.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
        ) : null}
        {shown.length === 0 ? <p className={styles.empty}>{noneLeftMessage(filter.filter)}</p> : null}
        {shown.map((row) => (
          <section
            key={`${row.section}-${row.row}`}
            className={styles.row}
            aria-label={`${layout.multiSection ? `Section ${row.section}, ` : ''}row ${row.row}`}
          >
            <h4 className={styles.rowTitle}>
              {layout.multiSection ? `${row.section} · ` : ''}Row {row.row}
              <span>
                {row.tier} · {formatMoney(row.price)} · {row.seats.length} free
              </span>
            </h4>
            <ul className={styles.seats}>
              {row.seats.map((index) => {
                const seat = layout.seats[index]!;
                const seatState = seatStateAt(state, index);
                const symbol = symbolOf(seat);
                return (
                  <li key={seat.id}>
                    <button
                      type="button"
                      className={styles.seat}
                      aria-pressed={seatState === 'selected'}
                      aria-label={seatName(layout, seat, seatState)}
                      onClick={() => onToggle(seat.id)}
                    >
                      {seat.number}
                      {symbol ? (
                        <svg className={styles.symbol} viewBox="-0.5 -0.5 1 1" aria-hidden="true">
                          <SeatSymbolMark symbol={symbol} size={1} />
                        </svg>
                      ) : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
