import {
  ANALYTICS_CSV_MAX_MINUTES,
  ANALYTICS_RECENT_MINUTES,
  SELL_OUT_RATE_WINDOW_MINUTES,
  type AnalyticsSpan,
  type BookingStatus,
  type EventAnalytics,
  type SalesMinute,
  type TierRevenue,
} from '@seatstorm/contracts';

/**
 * The sales analytics' rules, pure: what a booking's step adds to its event's
 * figures, and the figures an admin reads (docs/architecture.md §12).
 *
 * What is counted is a booking's steps, each at most once: a flag per booking
 * says what has been counted of it, and a message adds only what it sets
 * anew. A message delivered again, replayed, or older than one already
 * counted (a `reserved` arriving again after `confirmed`) adds nothing.
 */

/** What has been counted of one booking. */
export interface CountedFlags {
  /** It held seats: counted in `holds`. */
  held: boolean;
  /** It was paid: counted in `paid`, its seats and cents in its minute and tiers. */
  sold: boolean;
  /** It ended unpaid (expired or cancelled): counted in `abandoned`. */
  abandoned: boolean;
  paymentFailed: boolean;
  /** It was refunded after it was sold: its seats and cents taken out of its tiers. */
  refunded: boolean;
}

export const NOTHING_COUNTED: Readonly<CountedFlags> = { held: false, sold: false, abandoned: false, paymentFailed: false, refunded: false };

/** A booking's step, from `Topic.BookingEvents`. */
export interface BookingStep {
  bookingId: string;
  eventId: string;
  status: BookingStatus;
  seats: number;
  /** The booking's amount, cents. */
  cents: number;
  occurredAt: string;
}

/** Every status a booking reaches only after holding seats. */
const HELD: ReadonlySet<BookingStatus> = new Set(['reserved', 'paid', 'confirmed', 'payment_failed', 'expired', 'cancelled', 'refunded']);
const SOLD: ReadonlySet<BookingStatus> = new Set(['paid', 'confirmed']);
const ENDED_UNPAID: ReadonlySet<BookingStatus> = new Set(['expired', 'cancelled']);

/** The statuses whose message may change tier revenue: the booking's seats' tiers are read for them. */
export const TIER_STATUSES: ReadonlySet<BookingStatus> = new Set(['paid', 'confirmed', 'refunded']);

/** The flags after one step. Monotone: a flag once set stays set. */
export function flagsAfter(flags: Readonly<CountedFlags>, status: BookingStatus): CountedFlags {
  return {
    held: flags.held || HELD.has(status),
    sold: flags.sold || SOLD.has(status),
    // A charge landing after its hold ended is refunded, never sold: an expired hold stays abandoned.
    abandoned: flags.abandoned || (ENDED_UNPAID.has(status) && !flags.sold),
    paymentFailed: flags.paymentFailed || status === 'payment_failed',
    refunded: flags.refunded || (status === 'refunded' && flags.sold),
  };
}

export interface TotalsDelta {
  holds: number;
  paid: number;
  abandoned: number;
  paymentFailed: number;
  refunded: number;
}

export interface MinuteDelta {
  eventId: string;
  /** The minute's start, ISO-8601 UTC. */
  minute: string;
  seats: number;
  cents: number;
}

export interface TierDelta {
  eventId: string;
  tier: string;
  seats: number;
  cents: number;
}

/** A sold seat of a booking, as charged. */
export interface SoldSeat {
  tier: string;
  cents: number;
}

/** What one batch of steps adds, and the flags to store. */
export interface BatchCount {
  /** The bookings whose flags changed, with their new flags. */
  bookings: Array<{ bookingId: string; eventId: string; flags: CountedFlags }>;
  totals: Array<{ eventId: string } & TotalsDelta>;
  minutes: MinuteDelta[];
  tiers: TierDelta[];
}

/** The start of the minute `iso` falls in, ISO-8601 UTC. */
export function minuteOf(iso: string): string {
  const ms = Date.parse(iso);
  return new Date(ms - (((ms % 60_000) + 60_000) % 60_000)).toISOString();
}

/**
 * What a batch of steps adds to the figures, given what was counted of its
 * bookings before (`prior`; absent: nothing) and the seats of its sold or
 * refunded bookings (`seatsOf`, by booking). Steps are taken in order; a
 * booking may step more than once in a batch.
 */
export function countBatch(
  prior: ReadonlyMap<string, Readonly<CountedFlags>>,
  steps: readonly BookingStep[],
  seatsOf: ReadonlyMap<string, readonly SoldSeat[]>,
): BatchCount {
  const flags = new Map<string, { eventId: string; flags: CountedFlags }>();
  const totals = new Map<string, TotalsDelta>();
  const minutes = new Map<string, MinuteDelta>();
  const tiers = new Map<string, TierDelta>();

  const addTiers = (step: BookingStep, sign: 1 | -1) => {
    for (const seat of seatsOf.get(step.bookingId) ?? []) {
      const key = `${step.eventId}\u0000${seat.tier}`;
      const tier = tiers.get(key) ?? { eventId: step.eventId, tier: seat.tier, seats: 0, cents: 0 };
      tier.seats += sign;
      tier.cents += sign * seat.cents;
      tiers.set(key, tier);
    }
  };

  for (const step of steps) {
    const before = flags.get(step.bookingId)?.flags ?? prior.get(step.bookingId) ?? NOTHING_COUNTED;
    const after = flagsAfter(before, step.status);
    if (sameFlags(before, after)) continue;
    flags.set(step.bookingId, { eventId: step.eventId, flags: after });

    const total = totals.get(step.eventId) ?? { holds: 0, paid: 0, abandoned: 0, paymentFailed: 0, refunded: 0 };
    total.holds += Number(after.held && !before.held);
    total.paid += Number(after.sold && !before.sold);
    total.abandoned += Number(after.abandoned && !before.abandoned);
    total.paymentFailed += Number(after.paymentFailed && !before.paymentFailed);
    total.refunded += Number(after.refunded && !before.refunded);
    totals.set(step.eventId, total);

    if (after.sold && !before.sold) {
      const minute = minuteOf(step.occurredAt);
      const key = `${step.eventId}\u0000${minute}`;
      const bucket = minutes.get(key) ?? { eventId: step.eventId, minute, seats: 0, cents: 0 };
      bucket.seats += step.seats;
      bucket.cents += step.cents;
      minutes.set(key, bucket);
      addTiers(step, 1);
    }
    if (after.refunded && !before.refunded) addTiers(step, -1);
  }

  return {
    bookings: [...flags].map(([bookingId, { eventId, flags: counted }]) => ({ bookingId, eventId, flags: counted })),
    totals: [...totals].map(([eventId, delta]) => ({ eventId, ...delta })),
    minutes: [...minutes.values()],
    tiers: [...tiers.values()].filter((tier) => tier.seats !== 0 || tier.cents !== 0),
  };
}

function sameFlags(a: Readonly<CountedFlags>, b: Readonly<CountedFlags>): boolean {
  return a.held === b.held && a.sold === b.sold && a.abandoned === b.abandoned && a.paymentFailed === b.paymentFailed && a.refunded === b.refunded;
}

/** The minutes an answer covers, first and last included: the last hour, or every minute since the first sale (at most a week). */
export function minutesSpan(span: AnalyticsSpan, now: Date, firstSale: string | null): { from: string; to: string } {
  const to = minuteOf(now.toISOString());
  const recent = addMinutes(to, -(ANALYTICS_RECENT_MINUTES - 1));
  if (span === 'recent' || firstSale === null) return { from: recent, to };
  const earliest = addMinutes(to, -(ANALYTICS_CSV_MAX_MINUTES - 1));
  const first = minuteOf(firstSale);
  return { from: first < earliest ? earliest : first < recent ? first : recent, to };
}

/** One row per minute from `from` to `to`, the stored ones where there are, 0 elsewhere. */
export function minuteSeries(stored: readonly SalesMinute[], from: string, to: string): SalesMinute[] {
  const byMinute = new Map(stored.map((row) => [minuteOf(row.minute), row]));
  const series: SalesMinute[] = [];
  for (let minute = from; minute <= to; minute = addMinutes(minute, 1)) {
    const row = byMinute.get(minute);
    series.push({ minute, seats: row?.seats ?? 0, cents: row?.cents ?? 0 });
  }
  return series;
}

/**
 * When the seats left run out at the rate of the last
 * SELL_OUT_RATE_WINDOW_MINUTES minutes (the current one included): null
 * when nothing sold in them, or nothing is left.
 */
export function projectedSellOutAt(seatsLeft: number, series: readonly SalesMinute[], now: Date): string | null {
  const window = series.slice(-SELL_OUT_RATE_WINDOW_MINUTES);
  const sold = window.reduce((sum, row) => sum + row.seats, 0);
  if (seatsLeft <= 0 || sold === 0) return null;
  const perMinute = sold / SELL_OUT_RATE_WINDOW_MINUTES;
  return new Date(now.getTime() + Math.ceil((seatsLeft / perMinute) * 60_000)).toISOString();
}

export interface StoredFigures {
  eventId: string;
  totals: TotalsDelta;
  seatsTotal: number;
  seatsLeft: number;
  minutes: readonly SalesMinute[];
  tiers: readonly TierRevenue[];
}

/** The answer an admin reads, over `from`…`to` (minutesSpan). */
export function analyticsOf(figures: StoredFigures, span: { from: string; to: string }, now: Date): EventAnalytics {
  const { totals } = figures;
  const salesPerMinute = minuteSeries(figures.minutes, span.from, span.to);
  // The projection always reads the recent minutes, whatever span the answer shows.
  const recent = minuteSeries(figures.minutes, addMinutes(span.to, -(SELL_OUT_RATE_WINDOW_MINUTES - 1)), span.to);
  return {
    eventId: figures.eventId,
    seatsTotal: figures.seatsTotal,
    seatsLeft: figures.seatsLeft,
    salesPerMinute,
    revenueByTier: [...figures.tiers],
    holds: totals.holds,
    paid: totals.paid,
    conversion: totals.holds === 0 ? null : Math.min(1, totals.paid / totals.holds),
    abandoned: totals.abandoned,
    paymentFailed: totals.paymentFailed,
    refunded: totals.refunded,
    projectedSellOutAt: projectedSellOutAt(figures.seatsLeft, recent, now),
    updatedAt: now.toISOString(),
  };
}

function addMinutes(minute: string, count: number): string {
  return new Date(Date.parse(minute) + count * 60_000).toISOString();
}
