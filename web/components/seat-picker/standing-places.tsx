import type { StandingArea, StandingRequest } from '@seatstorm/contracts';
import { formatMoney } from '@/lib/format';
import styles from './selection-panel.module.css';

interface StandingPlacesProps {
  areas: readonly StandingArea[];
  chosen: StandingRequest | null;
  /** How many places may still be chosen beside the seats picked (the booking's and the buyer's limits). */
  room: number;
  disabled: boolean;
  onChange(areaId: string, quantity: number): void;
}

/**
 * The event's standing areas (docs/architecture.md §15): how many places each has left, live, and how many
 * of them to hold with the seats picked. The booking core picks the places; the buyer only says how many.
 */
export function StandingPlaces({ areas, chosen, room, disabled, onChange }: StandingPlacesProps) {
  if (areas.length === 0) return null;
  return (
    <section className={styles.standing} aria-label="Standing places">
      {areas.map((area) => {
        const quantity = chosen?.areaId === area.id ? chosen.quantity : 0;
        const most = Math.max(0, Math.min(area.available, quantity + room));
        const inputId = `standing-${area.id}`;
        return (
          <div key={area.id} className={styles.standingArea} data-area-id={area.id}>
            <label htmlFor={inputId} className={styles.standingLabel}>
              <strong>{area.id}, standing</strong>
              <span data-testid="standing-left" data-available={area.available}>
                {area.available === 0 ? 'Sold out' : `${area.available} left`} · {formatMoney(area.price)} each
              </span>
            </label>
            <input
              id={inputId}
              className={styles.standingQuantity}
              type="number"
              inputMode="numeric"
              min={0}
              max={most}
              step={1}
              value={quantity}
              disabled={disabled || (most === 0 && quantity === 0)}
              onChange={(event) => onChange(area.id, Math.max(0, Math.floor(Number(event.target.value) || 0)))}
              data-testid="standing-quantity"
            />
          </div>
        );
      })}
      {chosen ? (
        <p className={styles.total}>
          <span>
            {chosen.quantity} standing place{chosen.quantity === 1 ? '' : 's'}
          </span>
          <strong>{formatMoney(chosen.quantity * (areas.find((area) => area.id === chosen.areaId)?.price ?? 0))}</strong>
        </p>
      ) : null}
    </section>
  );
}
