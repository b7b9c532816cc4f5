import { formatMoney, type EventSummary } from '@seatstorm/contracts';

/**
 * How Seatstorm shows money, dates and availability. Pure functions with a
 * fixed locale so the server's output never depends on the host's settings.
 */

const LOCALE = 'en-US';
const count = new Intl.NumberFormat(LOCALE);

/** Money is written one way everywhere, notifications included. */
export { formatMoney };

/** "$150 – $225", or a single price when every seat costs the same. */
export function formatPriceRange(minCents: number, maxCents: number): string {
  if (minCents === maxCents) return formatMoney(minCents);
  return `${formatMoney(minCents)} – ${formatMoney(maxCents)}`;
}

export interface DateParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  time: string;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The pieces of an ISO-8601 instant as read on a wall clock in `timeZone`. */
export function dateParts(iso: string, timeZone = 'UTC'): DateParts {
  const parts = dateFormatter(timeZone).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: part('weekday'),
    day: part('day'),
    month: part('month'),
    year: part('year'),
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** "Sat, 12 Jun 2027 · 19:30". */
export function formatEventDate(iso: string, timeZone = 'UTC'): string {
  const { weekday, day, month, year, time } = dateParts(iso, timeZone);
  return `${weekday}, ${day} ${month} ${year} · ${time}`;
}

/** "19:02:13", the time of something that just happened (a scan at the door), to the second. */
export function formatClockTime(iso: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "19:02", the minute of the day (a minute of sales, a projected sell-out, a chart's axis). */
export function formatClockMinute(iso: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export type AvailabilityLevel = 'plenty' | 'low' | 'sold-out';

/** Few left means at most 10 seats, or at most a tenth of the house. */
export function availabilityLevel(seatsAvailable: number, seatsTotal: number): AvailabilityLevel {
  if (seatsAvailable <= 0) return 'sold-out';
  if (seatsAvailable <= Math.max(10, Math.ceil(seatsTotal / 10))) return 'low';
  return 'plenty';
}

/** "Sold out", "1 seat left", "50,000 seats left". */
export function seatsLeftLabel(seatsAvailable: number): string {
  if (seatsAvailable <= 0) return 'Sold out';
  if (seatsAvailable === 1) return '1 seat left';
  return `${count.format(seatsAvailable)} seats left`;
}

export type AvailabilityTone = AvailabilityLevel | 'upcoming' | 'closed';

export interface Availability {
  tone: AvailabilityTone;
  label: string;
}

/** What an event's card says about getting a ticket, from its status and live counts. */
export function describeAvailability(event: Pick<EventSummary, 'status' | 'onSaleAt' | 'seatsAvailable' | 'seatsTotal'>): Availability {
  switch (event.status) {
    case 'cancelled':
      return { tone: 'closed', label: 'Cancelled' };
    case 'ended':
      return { tone: 'closed', label: 'Ended' };
    case 'scheduled':
      return { tone: 'upcoming', label: `On sale ${formatEventDate(event.onSaleAt)}` };
    case 'sold_out':
      return { tone: 'sold-out', label: seatsLeftLabel(0) };
    case 'on_sale':
      return {
        tone: availabilityLevel(event.seatsAvailable, event.seatsTotal),
        label: seatsLeftLabel(event.seatsAvailable),
      };
  }
}
