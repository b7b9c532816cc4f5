'use client';

import { useState } from 'react';
import type { EventAnalytics, EventDetail } from '@seatstorm/contracts';
import { getEventAnalyticsCsv } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { formatClockMinute, formatClockTime, formatMoney } from '@/lib/format';
import type { Session } from '@/lib/session-cookie';
import { formatConversion, salesTotals, useSalesAnalytics } from './sales-analytics';
import { SalesChart } from './sales-chart';
import styles from './admin.module.css';
import sales from './sales-panel.module.css';

const seats = (count: number) => `${count.toLocaleString('en-US')} seat${count === 1 ? '' : 's'}`;

/** The chart's text alternative: what an admin reads off it at a glance. */
export function chartSummary(analytics: EventAnalytics): string {
  const totals = salesTotals(analytics);
  const minutes = analytics.salesPerMinute.length;
  if (totals.seats === 0) return `Seats sold per minute over the last ${minutes} minutes: none yet.`;
  const peak = totals.peak ? `, the most in one minute ${totals.peak.seats} at ${formatClockMinute(totals.peak.minute)}` : '';
  return `Seats sold per minute over the last ${minutes} minutes: ${seats(totals.seats)} in all${peak}, ${totals.thisMinute} this minute.`;
}

function sellOut(analytics: EventAnalytics): { value: string; note: string } {
  if (analytics.seatsLeft === 0) return { value: 'Sold out', note: 'no seats left to hold' };
  if (analytics.projectedSellOutAt === null) return { value: 'Not selling now', note: 'nothing sold in the last 5 minutes' };
  return { value: formatClockMinute(analytics.projectedSellOutAt), note: 'at the last 5 minutes’ pace' };
}

/**
 * The organiser's Sales panel: the analytics service's figures for the
 * event, live from the socket (docs/architecture.md §12). Every number is
 * text; the chart has a text alternative and the minutes are a table too.
 */
export function SalesPanel({ event, session }: { event: EventDetail; session: Session }) {
  const { analytics, problem } = useSalesAnalytics(event.id, session.token);
  const [download, setDownload] = useState<string | null>(null);

  async function downloadCsv() {
    setDownload('Preparing the file…');
    try {
      const { file, name } = await getEventAnalyticsCsv(session.token, event.id);
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      setDownload(null);
    } catch (cause) {
      setDownload(describeError(cause));
    }
  }

  const totals = analytics ? salesTotals(analytics) : null;
  const projection = analytics ? sellOut(analytics) : null;
  const figures =
    analytics && totals && projection
      ? [
          {
            label: 'Sold, last hour',
            value: seats(totals.seats),
            note: `${formatMoney(totals.cents)} · ${totals.thisMinute} this minute`,
            id: 'sales-last-hour',
          },
          { label: 'Revenue', value: formatMoney(totals.revenue), note: 'all tiers, net of refunds', id: 'sales-revenue' },
          {
            label: 'Conversion',
            value: formatConversion(analytics.conversion),
            note: `${analytics.paid} of ${analytics.holds} holds paid`,
            id: 'sales-conversion',
          },
          {
            label: 'Abandoned holds',
            value: analytics.abandoned.toLocaleString('en-US'),
            note: `expired or cancelled · ${analytics.paymentFailed} payment${analytics.paymentFailed === 1 ? '' : 's'} failed`,
            id: 'sales-abandoned',
          },
          { label: 'Seats left', value: analytics.seatsLeft.toLocaleString('en-US'), note: `of ${seats(analytics.seatsTotal)}`, id: 'sales-seats-left' },
          { label: 'Projected sell-out', value: projection.value, note: projection.note, id: 'sales-sell-out' },
        ]
      : [];

  return (
    <section className={styles.card} aria-labelledby="sales-heading" data-testid="sales-panel">
      <div className={styles.blockHeader}>
        <h2 id="sales-heading" className={styles.cardTitle}>
          Sales
        </h2>
        <div className={styles.blockActions}>
          <button type="button" className="button" data-variant="ghost" data-size="small" disabled={!analytics} onClick={() => void downloadCsv()}>
            Download CSV
          </button>
        </div>
      </div>
      {download ? (
        <p role="status" className={styles.hint}>
          {download}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className={sales.problem}>
          {problem}
        </p>
      ) : null}
      {!analytics ? (
        problem ? null : (
          <p className={styles.hint}>Loading the sales figures…</p>
        )
      ) : (
        <>
          <dl className={sales.figures} aria-live="polite">
            {figures.map((figure) => (
              <div key={figure.id} className={sales.figure}>
                <dt className={styles.statLabel}>{figure.label}</dt>
                <dd className={sales.value} data-testid={figure.id}>
                  {figure.value}
                </dd>
                <dd className={styles.statNote}>{figure.note}</dd>
              </div>
            ))}
          </dl>

          <h3 className={styles.subTitle}>Seats sold per minute, last {analytics.salesPerMinute.length} minutes</h3>
          <SalesChart minutes={analytics.salesPerMinute} label={chartSummary(analytics)} />
          <details className={sales.details}>
            <summary>The minutes with sales, as a table</summary>
            <table className={sales.table}>
              <thead>
                <tr>
                  <th scope="col">Minute</th>
                  <th scope="col">Seats</th>
                  <th scope="col">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {analytics.salesPerMinute
                  .filter((row) => row.seats > 0)
                  .map((row) => (
                    <tr key={row.minute}>
                      <td>{formatClockMinute(row.minute)}</td>
                      <td>{row.seats}</td>
                      <td>{formatMoney(row.cents)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </details>

          <h3 className={styles.subTitle}>Revenue by tier</h3>
          <table className={sales.table} data-testid="sales-tiers">
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">Seats sold</th>
                <th scope="col">Revenue</th>
                <th scope="col">
                  <span className="visually-hidden">Share of revenue</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {analytics.revenueByTier.map((tier) => (
                <tr key={tier.tier}>
                  <th scope="row">{tier.tier}</th>
                  <td>{tier.seats.toLocaleString('en-US')}</td>
                  <td>{formatMoney(tier.cents)}</td>
                  <td className={sales.shareCell} aria-hidden="true">
                    <span className={sales.share} style={{ width: `${totals && totals.revenue > 0 ? (tier.cents / totals.revenue) * 100 : 0}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.hint}>Updated {formatClockTime(analytics.updatedAt)}, live as bookings are decided.</p>
        </>
      )}
    </section>
  );
}
