'use client';

import { useEffect, useState } from 'react';
import { errorBodySchema, eventAnalyticsSchema, SocketEvent, type EventAnalytics } from '@seatstorm/contracts';
import { ApiError } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { acquireSocket } from '@/lib/socket';

export interface SalesAnalyticsState {
  analytics: EventAnalytics | null;
  /** Why the figures could not be watched (not an admin, the service away), for people. */
  problem: string | null;
}

/**
 * An event's sales figures, live: `analytics.watch` answers the figures now
 * and joins the admins' room, which then gets every `analytics.updated`. A
 * socket that reconnects watches again (the room is per connection), so the
 * figures catch up with whatever changed meanwhile.
 */
export function useSalesAnalytics(eventId: string, token: string): SalesAnalyticsState {
  const [state, setState] = useState<SalesAnalyticsState>({ analytics: null, problem: null });
  useEffect(() => {
    const lease = acquireSocket(token);
    const socket = lease.socket;
    const watch = () =>
      socket.emit(SocketEvent.AnalyticsWatch, { eventId }, (reply) => {
        const parsed = eventAnalyticsSchema.safeParse(reply);
        if (parsed.success) return setState((now) => ({ analytics: newer(now.analytics, parsed.data), problem: null }));
        const error = errorBodySchema.safeParse(reply);
        const problem = describeError(error.success ? new ApiError(error.data.statusCode, error.data.error, error.data.message) : reply);
        setState((now) => ({ ...now, problem }));
      });
    const onUpdated = (update: EventAnalytics) => {
      if (update.eventId === eventId) setState((now) => ({ analytics: newer(now.analytics, update), problem: null }));
    };
    socket.on(SocketEvent.AnalyticsUpdated, onUpdated);
    socket.on('connect', watch);
    if (socket.connected) watch();
    return () => {
      socket.off(SocketEvent.AnalyticsUpdated, onUpdated);
      socket.off('connect', watch);
      if (socket.connected) socket.emit(SocketEvent.AnalyticsUnwatch, { eventId });
      lease.release();
    };
  }, [eventId, token]);
  return state;
}

/** A push and the watch's answer may cross: the figures read last win. */
function newer(current: EventAnalytics | null, next: EventAnalytics): EventAnalytics {
  return current && current.updatedAt > next.updatedAt ? current : next;
}

export interface SalesTotals {
  /** Seats and cents sold over the minutes shown. */
  seats: number;
  cents: number;
  /** The current minute's seats. */
  thisMinute: number;
  /** Revenue over every tier, net of refunds. */
  revenue: number;
  /** The busiest minute shown, null when nothing sold. */
  peak: { minute: string; seats: number } | null;
}

export function salesTotals(analytics: EventAnalytics): SalesTotals {
  let peak: SalesTotals['peak'] = null;
  for (const row of analytics.salesPerMinute) if (row.seats > 0 && (!peak || row.seats > peak.seats)) peak = { minute: row.minute, seats: row.seats };
  return {
    seats: analytics.salesPerMinute.reduce((sum, row) => sum + row.seats, 0),
    cents: analytics.salesPerMinute.reduce((sum, row) => sum + row.cents, 0),
    thisMinute: analytics.salesPerMinute.at(-1)?.seats ?? 0,
    revenue: analytics.revenueByTier.reduce((sum, tier) => sum + tier.cents, 0),
    peak,
  };
}

/** "50%" of holds paid, or a dash before the first hold. */
export function formatConversion(conversion: number | null): string {
  return conversion === null ? '—' : `${Math.round(conversion * 100)}%`;
}
