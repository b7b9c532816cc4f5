import type { LayoutSeat } from '@/lib/seat-map/layout';
import { formatMoney } from '@/lib/format';
import styles from './selection-panel.module.css';

interface SelectedSeatsProps {
  seats: readonly LayoutSeat[];
  /** How many seats may be picked, said while none are. */
  pickUpTo: number;
  onRemove(seatId: string): void;
}

/** The picked seats with their prices and total, each removable; or how many may be picked. */
export function SelectedSeats({ seats, pickUpTo, onRemove }: SelectedSeatsProps) {
  if (seats.length === 0) {
    return <p className={styles.empty}>Pick up to {pickUpTo} seats on the map. You&apos;ll have a few minutes to pay once you hold them.</p>;
  }
  const total = seats.reduce((sum, seat) => sum + seat.price, 0);
  return (
    <>
      <ul className={styles.selected} aria-label="Selected seats">
        {seats.map((seat) => (
          <li key={seat.id} className={styles.selectedSeat}>
            <span className={styles.seatLabel}>{seat.label}</span>
            <span className={styles.seatTier}>{seat.tier}</span>
            <span className={styles.seatPrice}>{formatMoney(seat.price)}</span>
            <button type="button" className={styles.remove} onClick={() => onRemove(seat.id)} aria-label={`Remove seat ${seat.label}`}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <p className={styles.total}>
        <span>Total</span>
        <strong>{formatMoney(total)}</strong>
      </p>
    </>
  );
}
