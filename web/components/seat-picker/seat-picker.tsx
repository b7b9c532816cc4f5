'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BookingStatus, EventDetail } from '@seatstorm/contracts';
import { useLiveSeatMap, useMyBookings } from '@/lib/live';
import { statusCode, type SeatMapState } from '@/lib/seat-map/seat-map-state';
import { soldOutTiersOf } from '@/lib/waiting-list';
import { SeatPatterns } from '../seat-map/seat-patterns';
import { rendererFor } from '../seat-map/renderer';
import { useSession } from '../session/session-provider';
import { WaitingList } from '../waiting-list/waiting-list';
import { SelectionPanel } from './selection-panel';
import { useSeatMapTestHook } from './use-seat-map-test-hook';
import styles from './seat-picker.module.css';

/** Bookings whose seats show as "yours" on the map. */
export const LIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['pending', 'reserved', 'paid', 'confirmed'];
/** Bookings whose seats count towards the per-buyer limit (docs/architecture.md §4). */
const HOLDING_STATUSES: readonly BookingStatus[] = ['reserved', 'paid', 'confirmed'];

const SYNC_LABELS: Record<SeatMapState['sync'], string> = {
  loading: 'Loading seats…',
  live: 'Live',
  behind: 'Catching up…',
  reconnecting: "We're reconnecting…",
};

function MapLoading() {
  return <div className={styles.placeholder}>Loading the seat map…</div>;
}

// The map, the list and the legend show only once the seats are in: their code loads beside the seats, not
// with the page, whose first task it would lengthen. Loading starts as the picker mounts.
const loadMapView = () => import('../seat-map/seat-map-view');
const SeatMapView = dynamic(() => loadMapView().then((m) => m.SeatMapView), { ssr: false, loading: MapLoading });
const SeatList = dynamic(() => import('../seat-map/seat-list').then((m) => m.SeatList), { ssr: false, loading: MapLoading });
const SeatLegend = dynamic(() => import('../seat-map/seat-legend').then((m) => m.SeatLegend), { ssr: false });

/** The seat map and the selection; `admissionPass` is the waiting room's, for an event that has one. */
export function SeatPicker({ event, admissionPass }: { event: EventDetail; admissionPass?: string }) {
  const { session } = useSession();
  const live = useLiveSeatMap(event, session?.token ?? null, 'buyer', admissionPass);
  const { state, dispatch } = live;
  const bookings = useMyBookings(session?.token ?? null, event.id);
  const [view, setView] = useState<'map' | 'list'>('map');
  const layout = state.layout;
  const renderer = layout ? rendererFor(layout) : 'svg';
  useSeatMapTestHook(state, renderer);
  useEffect(() => void loadMapView(), []);

  useEffect(() => {
    if (!bookings.data) return;
    const ids = bookings.data.filter((b) => b.eventId === event.id && LIVE_BOOKING_STATUSES.includes(b.status)).map((b) => b.id);
    dispatch({ type: 'my-bookings', bookingIds: ids });
  }, [bookings.data, event.id, dispatch]);

  // The per-buyer limit counts every seat this buyer holds here, in any tab: what the booking core counts.
  useEffect(() => {
    if (!bookings.data) return;
    const held = bookings.data.filter((b) => b.eventId === event.id && HOLDING_STATUSES.includes(b.status)).reduce((sum, b) => sum + b.seatIds.length, 0);
    dispatch({ type: 'allowance', remaining: Math.max(0, event.maxSeatsPerBuyer - held), limit: event.maxSeatsPerBuyer });
  }, [bookings.data, event.id, event.maxSeatsPerBuyer, dispatch]);

  const onToggle = useCallback((seatId: string) => dispatch({ type: 'toggle', seatId }), [dispatch]);
  const inSync = state.sync === 'live';
  const available = layout ? countAvailable(state) : 0;
  const soldOutTiers = useMemo(() => (inSync ? soldOutTiersOf(state) : null), [inSync, state]);

  return (
    <div className={styles.picker}>
      <SeatPatterns />
      <section className={styles.mapCard} aria-labelledby="seat-map-heading">
        <MapCardHeader
          title="Choose your seats"
          available={layout ? available : event.seatsAvailable}
          total={layout ? totalOf(state) : event.seatsTotal}
          sync={state.sync}
          view={view}
          onView={setView}
        />

        <div className={styles.mapBody} data-sync={state.sync} aria-busy={!inSync}>
          {!layout ? (
            <div className={styles.placeholder}>
              {state.sync === 'reconnecting' ? "We can't load the seat map right now — retrying…" : 'Loading the seat map…'}
            </div>
          ) : view === 'list' ? (
            <SeatList layout={layout} state={state} onToggle={onToggle} />
          ) : (
            <SeatMapView layout={layout} state={state} onToggle={onToggle} />
          )}
          {state.notice?.kind === 'taken' ? (
            // Said again where the eyes are; the panel's alert is the one screen readers hear.
            <p className={styles.mapToast} aria-hidden="true" key={state.notice.serial}>
              {state.notice.message}
            </p>
          ) : null}
          {layout && state.sync === 'reconnecting' ? (
            <div className={styles.reconnecting} role="alert">
              We&apos;re reconnecting… the map will update as soon as we&apos;re back.
            </div>
          ) : null}
        </div>
        {layout ? <SeatLegend layout={layout} /> : null}
        {soldOutTiers ? <WaitingList event={event} soldOutTiers={soldOutTiers} soldOut={available === 0} /> : null}
      </section>

      <SelectionPanel event={event} live={live} bookings={bookings} />
    </div>
  );
}

interface MapCardHeaderProps {
  title: string;
  available: number;
  total: number;
  sync: SeatMapState['sync'];
  view: 'map' | 'list';
  /** Absent while there is nothing to switch between yet. */
  onView?: (view: 'map' | 'list') => void;
}

/** The map card's heading, its seats-available line, the live status and the map/list switch. */
function MapCardHeader({ title, available, total, sync, view, onView }: MapCardHeaderProps) {
  return (
    <header className={styles.mapHeader}>
      <div>
        <h2 id="seat-map-heading" className={styles.mapTitle}>
          {title}
        </h2>
        {/* The page's own figures until the live map's: the line is there from the first paint, moving nothing. */}
        <p className={styles.mapMeta}>
          {available.toLocaleString('en-US')} of {total.toLocaleString('en-US')} seats available
        </p>
      </div>
      <div className={styles.headerActions}>
        <p className={styles.sync} data-sync={sync} role="status">
          <span className={styles.syncDot} aria-hidden="true" />
          {SYNC_LABELS[sync]}
        </p>
        <div className={styles.viewSwitch} role="group" aria-label="Show seats as">
          <button type="button" aria-pressed={view === 'map'} disabled={!onView} onClick={() => onView?.('map')}>
            Map
          </button>
          <button type="button" aria-pressed={view === 'list'} disabled={!onView} onClick={() => onView?.('list')}>
            List
          </button>
        </div>
      </div>
    </header>
  );
}

/**
 * The seat picker's card before anything can start (the buyer's session, or their waiting-room pass, still being
 * read): the same card, so that the picker taking its place moves nothing on the page.
 */
export function SeatPickerPending({ event }: { event: EventDetail }) {
  return (
    <div className={styles.picker}>
      <section className={styles.mapCard} aria-labelledby="seat-map-heading">
        <MapCardHeader title="Opening your session…" available={event.seatsAvailable} total={event.seatsTotal} sync="loading" view="map" />
        <div className={styles.mapBody} data-sync="loading" aria-busy>
          <div className={styles.placeholder}>Checking whether the queue has let you in…</div>
        </div>
      </section>
    </div>
  );
}

/** Seats and standing places on sale, as the event's own figures count them. */
function countAvailable(state: SeatMapState): number {
  const available = statusCode('available');
  let count = 0;
  for (let i = 0; i < state.statuses.length; i += 1) if (state.statuses[i] === available) count += 1;
  for (const area of state.areas) count += area.available;
  return count;
}

function totalOf(state: SeatMapState): number {
  return (state.layout?.seats.length ?? 0) + state.areas.reduce((sum, area) => sum + area.capacity, 0);
}
