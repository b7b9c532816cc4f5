import type { EventAnalytics } from '@seatstorm/contracts';

/**
 * The sales figures as a CSV file (RFC 4180, CRLF lines): the minutes, one
 * row each (`minute,seats,cents`, the last row their total), a blank line,
 * then the event's totals as `figure,value` rows, revenue per tier included.
 * Money stays in integer cents, as everywhere else.
 */
export function analyticsCsvOf(analytics: EventAnalytics): string {
  const soldSeats = analytics.salesPerMinute.reduce((sum, row) => sum + row.seats, 0);
  const soldCents = analytics.salesPerMinute.reduce((sum, row) => sum + row.cents, 0);
  const rows: Array<Array<string | number | null>> = [
    ['minute', 'seats', 'cents'],
    ...analytics.salesPerMinute.map((row) => [row.minute, row.seats, row.cents]),
    ['total', soldSeats, soldCents],
    [],
    ['figure', 'value'],
    ['event_id', analytics.eventId],
    ['seats_total', analytics.seatsTotal],
    ['seats_left', analytics.seatsLeft],
    ['holds', analytics.holds],
    ['paid', analytics.paid],
    ['conversion', analytics.conversion],
    ['abandoned', analytics.abandoned],
    ['payment_failed', analytics.paymentFailed],
    ['refunded', analytics.refunded],
    ['projected_sell_out_at', analytics.projectedSellOutAt],
    ...analytics.revenueByTier.flatMap((tier) => [
      [`seats_sold:${tier.tier}`, tier.seats],
      [`revenue_cents:${tier.tier}`, tier.cents],
    ]),
    ['updated_at', analytics.updatedAt],
  ];
  return rows.map((row) => row.map(cellOf).join(',')).join('\r\n') + '\r\n';
}

/** The download's name: the event and the minute it was read, e.g. `sales-evt_eras-20261207T1402.csv`. */
export function analyticsCsvFilename(analytics: EventAnalytics): string {
  const at = analytics.updatedAt.slice(0, 16).replaceAll('-', '').replaceAll(':', '');
  return `sales-${analytics.eventId}-${at}.csv`;
}

function cellOf(value: string | number | null): string {
  if (value === null) return '';
  // Every text cell starts with a figure's name, a date or an id: none reads as a spreadsheet formula.
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
