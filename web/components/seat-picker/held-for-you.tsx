import type { Booking } from '@seatstorm/contracts';
import { HoldCard } from './hold-card';
import styles from './selection-panel.module.css';

/** The list from the server plus a hold made a moment ago that the list may not show yet. */
function mergeHolds(list: readonly Booking[], recent: Booking | null): Booking[] {
  if (!recent || list.some((booking) => booking.id === recent.id)) return [...list];
  return [recent, ...list];
}

interface HeldForYouProps {
  eventId: string;
  bookings: readonly Booking[];
  justHeld: Booking | null;
  /** A hold shown elsewhere on the panel (best available's), not to be listed twice. */
  except?: string;
}

/** This person's holds at the event, each on its way to checkout. */
export function HeldForYou({ eventId, bookings, justHeld, except }: HeldForYouProps) {
  const holds = mergeHolds(bookings, justHeld).filter((b) => b.eventId === eventId && b.status === 'reserved' && b.id !== except);
  if (!holds.length) return null;
  return (
    <div className={styles.holds}>
      <h3 className={styles.subheading}>Held for you</h3>
      {holds.map((booking) => (
        <HoldCard key={booking.id} booking={booking} />
      ))}
    </div>
  );
}
