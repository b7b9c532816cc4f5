import Link from 'next/link';
import type { EventDetail } from '@seatstorm/contracts';
import { isDemoMode } from '@/lib/config';
import { describeAvailability, formatEventDate, formatMoney } from '@/lib/format';
import styles from './event-hero.module.css';

/** The event's name, place, time and price tiers above its seat map. */
export function EventHero({ event }: { event: EventDetail }) {
  const availability = describeAvailability(event);
  return (
    <section className={styles.hero}>
      <div className={styles.topLinks}>
        <Link href="/" className={styles.back}>
          ← All events
        </Link>
        {isDemoMode() ? (
          <Link href={`/events/${event.id}/lab`} className={styles.lab}>
            Race lab: Alice vs Bob vs Charlie →
          </Link>
        ) : null}
      </div>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>{event.name}</h1>
        <p className={styles.availability} data-tone={availability.tone}>
          {availability.label}
        </p>
      </div>
      <p className={styles.meta}>
        <span>
          {event.venue.name} · {event.venue.city}
        </span>
        <time dateTime={event.startsAt}>{formatEventDate(event.startsAt)}</time>
      </p>
      {event.description ? <p className={styles.description}>{event.description}</p> : null}
      <ul className={styles.tiers} aria-label="Price tiers">
        {event.tiers.map((tier) => (
          <li key={tier.tier} className={styles.tier}>
            <span className={styles.tierName}>{tier.tier}</span>
            <span className={styles.tierPrice}>{formatMoney(tier.price)}</span>
            <span className={styles.tierLeft}>
              {tier.seatsAvailable.toLocaleString('en-US')} / {tier.seatsTotal.toLocaleString('en-US')} left
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
