import type { CSSProperties } from 'react';
import Link from 'next/link';
import type { EventSummary } from '@seatstorm/contracts';
import { dateParts, describeAvailability, formatEventDate, formatPriceRange } from '@/lib/format';
import styles from './event-card.module.css';

// Curated poster gradients (start and end hue), dealt out in list order so neighbours never match.
const POSTER_HUES: ReadonlyArray<readonly [number, number]> = [
  [262, 318],
  [12, 342],
  [204, 242],
  [176, 214],
  [328, 278],
  [30, 4],
];

function posterStyle(position: number): CSSProperties {
  const [from, to] = POSTER_HUES[position % POSTER_HUES.length]!;
  return { '--poster-from': from, '--poster-to': to } as CSSProperties;
}

function PinIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={styles.icon}>
      <path
        fill="currentColor"
        d="M10 1.8a6.2 6.2 0 0 0-6.2 6.2c0 4.6 5.3 9.5 5.6 9.7a.9.9 0 0 0 1.2 0c.3-.2 5.6-5.1 5.6-9.7A6.2 6.2 0 0 0 10 1.8Zm0 8.6A2.4 2.4 0 1 1 10 5.6a2.4 2.4 0 0 1 0 4.8Z"
      />
    </svg>
  );
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={styles.icon}>
      <path fill="currentColor" d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm.8 4.2v3.5l2.7 2.1a.8.8 0 1 1-1 1.3l-3-2.4a.8.8 0 0 1-.3-.6V6.2a.8.8 0 0 1 1.6 0Z" />
    </svg>
  );
}

interface EventCardProps {
  event: EventSummary;
  /** The card's place in its list; picks the poster colours. */
  position: number;
}

export function EventCard({ event, position }: EventCardProps) {
  const starts = dateParts(event.startsAt);
  const availability = describeAvailability(event);
  const showMeter = event.status === 'on_sale' || event.status === 'sold_out';
  const availableShare = event.seatsTotal > 0 ? event.seatsAvailable / event.seatsTotal : 0;

  return (
    <article className={styles.card} data-tone={availability.tone}>
      <div className={styles.poster} style={posterStyle(position)}>
        <div className={styles.dateBadge} aria-hidden="true">
          <span className={styles.badgeMonth}>{starts.month}</span>
          <span className={styles.badgeDay}>{starts.day}</span>
          <span className={styles.badgeWeekday}>{starts.weekday}</span>
        </div>
        {event.category ? <span className={styles.category}>{event.category}</span> : null}
      </div>

      <div className={styles.body}>
        <h2 className={styles.title}>
          <Link href={`/events/${event.id}`} className={styles.link}>
            {event.name}
          </Link>
        </h2>
        <p className={styles.meta}>
          <PinIcon />
          <span>
            {event.venue.name} · {event.venue.city}
          </span>
        </p>
        <p className={styles.meta}>
          <ClockIcon />
          <time dateTime={event.startsAt}>{formatEventDate(event.startsAt)}</time>
        </p>

        <div className={styles.footer}>
          <p className={styles.price}>
            <span className="visually-hidden">Tickets </span>
            {formatPriceRange(event.priceMin, event.priceMax)}
          </p>
          <p className={styles.availability}>
            <span className={styles.dot} aria-hidden="true" />
            {availability.label}
          </p>
        </div>
        {showMeter ? (
          <div className={styles.meter} aria-hidden="true">
            <span className={styles.meterFill} style={{ width: `${Math.round(availableShare * 100)}%` }} />
          </div>
        ) : null}
      </div>
    </article>
  );
}
