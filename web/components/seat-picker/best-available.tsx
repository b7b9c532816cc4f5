'use client';

import { useId, useState, type FormEvent } from 'react';
import type { BestAvailable as BestRequest, Booking, EventDetail } from '@seatstorm/contracts';
import { formatMoney } from '@/lib/format';
import { describeSeatsTogether, labelsOf } from '@/lib/seat-labels';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { HoldCard } from './hold-card';
import type { BestAvailableRound } from './use-best-available';
import styles from './selection-panel.module.css';

interface BestAvailableProps {
  event: EventDetail;
  layout: SeatLayout | null;
  round: BestAvailableRound;
  /** A hold or a release is on its way. */
  busy: boolean;
  /** Asking waits until the map is live and nothing else is on its way. */
  canAsk: boolean;
}

/** "Row C, seats 3–6 — 4 seats together", from the map's seats; by label while the map does not have them. */
function summaryOf(booking: Booking, layout: SeatLayout | null): string {
  const seats = booking.seatIds.flatMap((seatId) => {
    const index = layout?.indexById.get(seatId);
    return index === undefined ? [] : [layout!.seats[index]!];
  });
  if (!layout || seats.length !== booking.seatIds.length) return labelsOf(booking).join(', ');
  return describeSeatsTogether(seats, layout.multiSection);
}

/**
 * Best available: how many seats together, in which tier, with a wheelchair space or not; the
 * booking core picks them (docs/architecture.md §4.8). The seats it held show on the map as this
 * person's, summed up here with the way to checkout and a way to pick again.
 */
export function BestAvailable({ event, layout, round, busy, canAsk }: BestAvailableProps) {
  const id = useId();
  const [count, setCount] = useState(() => Math.min(2, event.maxSeatsPerBooking));
  const [tier, setTier] = useState('');
  const [accessible, setAccessible] = useState(false);
  const hasWheelchairSpaces = layout?.attributeTiers.has('wheelchair') ?? false;
  const summary = round.held ? summaryOf(round.held, layout) : null;
  const request: BestRequest = { count, ...(tier ? { tier } : {}), ...(accessible && hasWheelchairSpaces ? { accessible: true } : {}) };

  function submit(submitted: FormEvent) {
    submitted.preventDefault();
    void round.ask(request);
  }

  return (
    <section className={styles.best} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.subheading}>
        Best available
      </h3>
      <form className={styles.bestForm} onSubmit={submit}>
        <p className={styles.bestLine}>
          <select aria-label="Number of seats" value={count} onChange={(change) => setCount(Number(change.target.value))}>
            {Array.from({ length: event.maxSeatsPerBooking }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <span>together in</span>
          <select aria-label="Tier" value={tier} onChange={(change) => setTier(change.target.value)}>
            <option value="">any tier</option>
            {event.tiers.map(({ tier: name, price }) => (
              <option key={name} value={name}>
                {name} · {formatMoney(price)}
              </option>
            ))}
          </select>
        </p>
        {hasWheelchairSpaces ? (
          <label className={styles.bestCheck}>
            <input type="checkbox" checked={accessible} onChange={(change) => setAccessible(change.target.checked)} />
            Includes a wheelchair space
          </label>
        ) : null}
        <button type="submit" className="button" data-variant="ghost" disabled={!canAsk} data-testid="best-available-button">
          {busy ? 'Finding seats…' : count === 1 ? 'Hold the best seat' : `Hold the best ${count} together`}
        </button>
      </form>
      <div className={styles.noticeSlot} role="alert" aria-atomic="true">
        {round.refusal ? (
          <p className={styles.notice} data-kind="hold-failed">
            <span>{round.refusal}</span>
          </p>
        ) : null}
      </div>
      {/* Said once when seats are held; the card's clock ticks every second and is not read out. */}
      <p className="visually-hidden" role="status">
        {summary ? `Held for you: ${summary}.` : ''}
      </p>
      {round.held && summary ? (
        <HoldCard booking={round.held} summary={summary}>
          <button type="button" className="button" data-variant="ghost" data-size="small" disabled={!canAsk} onClick={() => void round.pickAgain(request)}>
            Pick again
          </button>
        </HoldCard>
      ) : null}
    </section>
  );
}
