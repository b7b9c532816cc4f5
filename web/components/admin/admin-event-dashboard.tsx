'use client';

import { useMemo, useState } from 'react';
import Link from 'next/link';
import type { EventDetail } from '@seatstorm/contracts';
import { setSeatsBlocked } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { useLiveSeatMap } from '@/lib/live';
import { salesSummary } from '@/lib/sales';
import { statusAt, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import type { Session } from '@/lib/session-cookie';
import { SeatLegend } from '../seat-map/seat-legend';
import { SeatPatterns } from '../seat-map/seat-patterns';
import { SeatMapView } from '../seat-map/seat-map-view';
import { AdminGate } from './admin-gate';
import { QueuePanel } from './queue-panel';
import { SalesPanel } from './sales-panel';
import styles from './admin.module.css';

export function AdminEventDashboard({ event }: { event: EventDetail }) {
  return <AdminGate next={`/admin/events/${event.id}`}>{(session) => <Dashboard event={event} session={session} />}</AdminGate>;
}

function selectedByStatus(state: SeatMapState) {
  const layout = state.layout;
  const ids = { available: [] as string[], blocked: [] as string[] };
  for (const index of state.selected) {
    const status = statusAt(state, index);
    if (layout && (status === 'available' || status === 'blocked')) ids[status].push(layout.seats[index]!.id);
  }
  return ids;
}

function Dashboard({ event, session }: { event: EventDetail; session: Session }) {
  const { state, dispatch } = useLiveSeatMap(event, session.token, 'admin');
  const summary = useMemo(() => salesSummary(state), [state]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const layout = state.layout;
  const total = layout?.seats.length ?? 0;
  const picked = selectedByStatus(state);
  const toggle = (seatId: string) => dispatch({ type: 'toggle', seatId });

  async function block(blocked: boolean) {
    const seatIds = blocked ? picked.available : picked.blocked;
    setBusy(true);
    setMessage(null);
    try {
      await setSeatsBlocked(session.token, event.id, seatIds, blocked);
      dispatch({ type: 'clear-selection' });
      setMessage(`${seatIds.length} seat${seatIds.length === 1 ? '' : 's'} ${blocked ? 'taken off sale' : 'back on sale'}; every map updates in a moment.`);
    } catch (cause) {
      setMessage(describeError(cause));
    } finally {
      setBusy(false);
    }
  }

  const stats = [
    { label: 'Sold', value: summary.sold.toLocaleString('en-US'), note: `of ${total.toLocaleString('en-US')} seats` },
    { label: 'Revenue', value: formatMoney(summary.revenue), note: 'paid and confirmed' },
    { label: 'Held now', value: summary.byStatus.reserved.toLocaleString('en-US'), note: `${formatMoney(summary.held)} waiting for payment` },
  ];

  return (
    <div className={styles.page}>
      <SeatPatterns />
      <header className={styles.header}>
        <Link href="/admin" className={styles.back}>
          ← Admin
        </Link>
        <h1 className={styles.title}>{event.name}</h1>
        <p className={styles.lede}>Live sales · {state.sync === 'live' ? 'up to date' : state.sync === 'reconnecting' ? "we're reconnecting…" : 'loading…'}</p>
      </header>

      <div className={styles.stats}>
        {stats.map((stat) => (
          <div key={stat.label} className={styles.stat}>
            <span className={styles.statLabel}>{stat.label}</span>
            <strong className={styles.statValue} data-testid={`stat-${stat.label}`}>
              {stat.value}
            </strong>
            <span className={styles.statNote}>{stat.note}</span>
          </div>
        ))}
      </div>

      <SalesPanel event={event} session={session} />

      <QueuePanel event={event} session={session} />

      <section className={styles.card} aria-labelledby="status-heading">
        <h2 id="status-heading" className={styles.cardTitle}>
          Seats by status
        </h2>
        <div className={styles.statusBar} aria-hidden="true">
          {(['confirmed', 'paid', 'reserved', 'blocked', 'available'] as const).map((status) => (
            <span key={status} data-status={status} style={{ flexGrow: summary.byStatus[status] }} />
          ))}
        </div>
        <ul className={styles.statusList}>
          {(['available', 'reserved', 'paid', 'confirmed', 'blocked'] as const).map((status) => (
            <li key={status} data-status={status}>
              <span className={styles.statusSwatch} aria-hidden="true" />
              {status.charAt(0).toUpperCase() + status.slice(1)} <strong>{summary.byStatus[status].toLocaleString('en-US')}</strong>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.card} aria-labelledby="block-heading">
        <div className={styles.blockHeader}>
          <h2 id="block-heading" className={styles.cardTitle}>
            Take seats off sale
          </h2>
          <div className={styles.blockActions}>
            <button type="button" className="button" data-size="small" disabled={busy || picked.available.length === 0} onClick={() => block(true)}>
              Block {picked.available.length || ''} seat{picked.available.length === 1 ? '' : 's'}
            </button>
            <button
              type="button"
              className="button"
              data-variant="ghost"
              data-size="small"
              disabled={busy || picked.blocked.length === 0}
              onClick={() => block(false)}
            >
              Unblock {picked.blocked.length || ''} seat{picked.blocked.length === 1 ? '' : 's'}
            </button>
            <button
              type="button"
              className="button"
              data-variant="ghost"
              data-size="small"
              disabled={state.selected.length === 0}
              onClick={() => dispatch({ type: 'clear-selection' })}
            >
              Clear
            </button>
          </div>
        </div>
        <p className={styles.hint}>Click available or blocked seats to pick them; sold and held seats stay as they are.</p>
        {message ? (
          <p role="status" className={styles.success}>
            {message}
          </p>
        ) : null}
        <div className={styles.map}>
          {layout ? <SeatMapView layout={layout} state={state} onToggle={toggle} /> : <p className={styles.hint}>Loading the seat map…</p>}
          {layout ? <SeatLegend layout={layout} /> : null}
        </div>
      </section>
    </div>
  );
}
