'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import type { EventSummary } from '@seatstorm/contracts';
import { listEvents } from '@/lib/api';
import { formatEventDate, seatsLeftLabel } from '@/lib/format';
import { AdminGate } from './admin-gate';
import { CreateEventForm } from './create-event-form';
import styles from './admin.module.css';

export function AdminHome() {
  const [events, setEvents] = useState<EventSummary[]>([]);
  const reload = () => listEvents().then(setEvents, () => undefined);
  useEffect(() => {
    void reload();
  }, []);

  return (
    <AdminGate next="/admin">
      {(session) => (
        <div className={styles.page}>
          <header className={styles.header}>
            <h1 className={styles.title}>Admin</h1>
            <p className={styles.lede}>Create events, take seats off sale and watch sales as they happen.</p>
          </header>
          <section className={styles.card} aria-labelledby="events-heading">
            <h2 id="events-heading" className={styles.cardTitle}>
              Events
            </h2>
            <ul className={styles.eventList}>
              {events.map((event) => (
                <li key={event.id}>
                  <Link href={`/admin/events/${event.id}`}>{event.name}</Link>
                  <span>
                    {formatEventDate(event.startsAt)} · {seatsLeftLabel(event.seatsAvailable)} of {event.seatsTotal.toLocaleString('en-US')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <CreateEventForm token={session.token} onCreated={() => void reload()} />
        </div>
      )}
    </AdminGate>
  );
}
