import { z } from 'zod';
import { centsSchema, idSchema, isoDateTimeSchema } from './ids';
import { defineMessage } from './messages/message';
import { defineRpc } from './rpc/rpc';
import { RpcPattern, Topic } from './topics';

/**
 * Live sales analytics of an event (docs/architecture.md §12), as the
 * analytics service keeps them from `booking.events`: the same answer over
 * REST (GET /events/:eventId/analytics), request-reply
 * (`analytics.get-event`), Kafka (`analytics.updated`) and the admin's socket
 * (`analytics.updated` to the room `analytics:<eventId>`).
 */

/** The minutes `salesPerMinute` covers in the REST answer and the live pushes: the last hour, the current minute last. */
export const ANALYTICS_RECENT_MINUTES = 60;
/** The recent sales rate behind `projectedSellOutAt`: seats sold over the last this many minutes (the current one included), per minute. */
export const SELL_OUT_RATE_WINDOW_MINUTES = 5;
/** An event's figures are pushed at most once per this interval; a change within it goes out at its end. */
export const ANALYTICS_PUSH_INTERVAL_MS = 1_000;
/** The CSV lists at most this many minutes (a week), the latest. */
export const ANALYTICS_CSV_MAX_MINUTES = 7 * 24 * 60;

/** Seats sold (bookings paid) in one minute: the minute's start, UTC. Gross: a later refund does not unsell a past minute. */
export const salesMinuteSchema = z.object({
  minute: isoDateTimeSchema,
  seats: z.number().int().nonnegative(),
  cents: centsSchema,
});
export type SalesMinute = z.infer<typeof salesMinuteSchema>;

/** Seats sold and their revenue in one price tier, net of refunds. */
export const tierRevenueSchema = z.object({
  tier: z.string(),
  seats: z.number().int().nonnegative(),
  cents: centsSchema,
});
export type TierRevenue = z.infer<typeof tierRevenueSchema>;

export const eventAnalyticsSchema = z.object({
  eventId: idSchema,
  seatsTotal: z.number().int().nonnegative(),
  /** Seats available to hold now (not held, sold or blocked). */
  seatsLeft: z.number().int().nonnegative(),
  /** One row per minute, oldest first, minutes without sales included (0). */
  salesPerMinute: z.array(salesMinuteSchema),
  /** By tier name. */
  revenueByTier: z.array(tierRevenueSchema),
  /** Bookings that held seats (reached `reserved`). */
  holds: z.number().int().nonnegative(),
  /** Holds that were paid (reached `paid` or `confirmed`). */
  paid: z.number().int().nonnegative(),
  /** paid / holds; null before the first hold. */
  conversion: z.number().min(0).max(1).nullable(),
  /** Holds that ended unpaid: expired, or cancelled by their owner. */
  abandoned: z.number().int().nonnegative(),
  /** Holds whose payment failed (declined, or the provider never answered). */
  paymentFailed: z.number().int().nonnegative(),
  /** Sold bookings refunded afterwards (their revenue is taken out of `revenueByTier`). */
  refunded: z.number().int().nonnegative(),
  /** When the seats left run out at the recent sales rate (SELL_OUT_RATE_WINDOW_MINUTES); null when nothing sold lately or nothing is left. */
  projectedSellOutAt: isoDateTimeSchema.nullable(),
  /** When these figures were read. */
  updatedAt: isoDateTimeSchema,
});
export type EventAnalytics = z.infer<typeof eventAnalyticsSchema>;

/** `recent`: the last ANALYTICS_RECENT_MINUTES; `all`: every minute since the first sale (at most ANALYTICS_CSV_MAX_MINUTES), for the CSV. */
export const analyticsSpanSchema = z.enum(['recent', 'all']);
export type AnalyticsSpan = z.infer<typeof analyticsSpanSchema>;

/** The event's figures now; NOT_FOUND for an unknown event. */
export const analyticsGetEventRpc = defineRpc({
  pattern: RpcPattern.AnalyticsGetEvent,
  request: z.object({ eventId: idSchema, span: analyticsSpanSchema.default('recent') }),
  reply: eventAnalyticsSchema,
});

/** Pushed by the analytics service after its figures of an event changed, at most once per ANALYTICS_PUSH_INTERVAL_MS. */
export const analyticsUpdatedMessage = defineMessage({
  topic: Topic.AnalyticsUpdated,
  version: 1,
  schema: eventAnalyticsSchema,
  keyOf: (analytics) => analytics.eventId,
});

/** The room of the admins watching an event's sales. */
export const roomOfAnalytics = (eventId: string): string => `analytics:${eventId}`;
