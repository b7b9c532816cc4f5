import { connection } from 'next/server';
import type { EventSummary } from '@seatstorm/contracts';
import { AutoRefresh } from '@/components/ui/auto-refresh';
import { EventCard } from '@/components/events/event-card';
import { OfflinePanel } from '@/components/ui/offline-panel';
import { StatusPanel } from '@/components/ui/status-panel';
import { isGatewayUnavailable, listEvents } from '@/lib/api';
import styles from './page.module.css';

/** Seat counts move by the second during an on-sale: the list refreshes itself. */
const REFRESH_SECONDS = 5;

type EventsResult = { ok: true; events: EventSummary[] } | { ok: false };

async function loadEvents(): Promise<EventsResult> {
  try {
    return { ok: true, events: await listEvents() };
  } catch (error) {
    if (!isGatewayUnavailable(error)) throw error;
    console.warn(
      JSON.stringify({
        level: 'warn',
        msg: 'gateway unavailable while listing events',
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    return { ok: false };
  }
}

export default async function EventsPage() {
  // Seat counts are live: render on every request, never at build time.
  await connection();
  const result = await loadEvents();

  if (!result.ok) {
    return (
      <OfflinePanel href="/">
        <p>Seat availability changes by the second, so we only show it fresh. This page tries again on its own.</p>
      </OfflinePanel>
    );
  }

  const { events } = result;
  return (
    <>
      <section className={styles.intro}>
        <p className={styles.eyebrow}>
          <span className={styles.liveDot} aria-hidden="true" />
          Live availability
        </p>
        <h1 className={styles.heading}>Find your seats before anyone else</h1>
        <p className={styles.lede}>Every seat map is live: watch seats change colour the moment someone else grabs them.</p>
      </section>

      {events.length === 0 ? (
        <StatusPanel title="No events on sale yet" headingLevel={2}>
          <p>New shows are announced here first. Check back soon.</p>
        </StatusPanel>
      ) : (
        <section aria-labelledby="events-heading" className={styles.events}>
          <AutoRefresh seconds={REFRESH_SECONDS} />
          <h2 id="events-heading" className={styles.count}>
            {events.length === 1 ? '1 event' : `${events.length} events`}
          </h2>
          <ul className={styles.grid}>
            {events.map((event, position) => (
              <li key={event.id}>
                <EventCard event={event} position={position} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
