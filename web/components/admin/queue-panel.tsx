'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { errorBodySchema, SocketEvent, waitingRoomStatsSchema, type EventDetail, type UpdateEventSettings, type WaitingRoomStats } from '@seatstorm/contracts';
import { updateEventSettings } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { formatEventDate } from '@/lib/format';
import type { Session } from '@/lib/session-cookie';
import { acquireSocket } from '@/lib/socket';
import { FormField } from '../ui/form-field';
import formStyles from '../ui/form.module.css';
import styles from './admin.module.css';

/** The room's figures as they arrive: one `queue.updated` per admission tick. */
function useQueueStats(eventId: string, token: string): WaitingRoomStats | null {
  const [stats, setStats] = useState<WaitingRoomStats | null>(null);
  useEffect(() => {
    const lease = acquireSocket(token);
    const socket = lease.socket;
    const watch = () =>
      socket.emit(SocketEvent.QueueWatch, { eventId }, (reply) => {
        const parsed = waitingRoomStatsSchema.safeParse(reply);
        if (parsed.success) setStats(parsed.data);
        else if (errorBodySchema.safeParse(reply).success) setStats(null);
      });
    const onUpdated = (update: WaitingRoomStats) => update.eventId === eventId && setStats(update);
    socket.on(SocketEvent.QueueUpdated, onUpdated);
    socket.on('connect', watch);
    if (socket.connected) watch();
    return () => {
      socket.off(SocketEvent.QueueUpdated, onUpdated);
      socket.off('connect', watch);
      lease.release();
    };
  }, [eventId, token]);
  return stats;
}

/**
 * The admin's view of an event's waiting room: the queue live (waiting,
 * admitted per minute, passes in use) and its controls: on or off, paused,
 * a fixed rate or adaptive, and the per-buyer seat limit.
 */
export function QueuePanel({ event: initial, session }: { event: EventDetail; session: Session }) {
  const [event, setEvent] = useState(initial);
  const stats = useQueueStats(event.id, session.token);
  const [rate, setRate] = useState(String(event.waitingRoom.admissionPerMinute ?? ''));
  const [limit, setLimit] = useState(String(event.maxSeatsPerBuyer));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const room = event.waitingRoom;

  async function save(update: UpdateEventSettings, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      setEvent(await updateEventSettings(session.token, event.id, update));
      setMessage(done);
    } catch (cause) {
      setMessage(describeError(cause));
    } finally {
      setBusy(false);
    }
  }

  function saveRate(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const perMinute = rate.trim() === '' ? null : Number(rate);
    if (perMinute !== null && (!Number.isInteger(perMinute) || perMinute < 1))
      return setMessage('The rate is a whole number of buyers per minute, at least 1 (empty: adaptive).');
    const maxSeatsPerBuyer = Number(limit);
    if (!Number.isInteger(maxSeatsPerBuyer) || maxSeatsPerBuyer < 1 || maxSeatsPerBuyer > 100)
      return setMessage('The seat limit per buyer is a whole number from 1 to 100.');
    void save({ maxSeatsPerBuyer, waitingRoom: { admissionPerMinute: perMinute } }, 'Saved; every gateway applies it within two seconds.');
  }

  const figures = [
    { label: 'Waiting', value: stats?.waiting ?? 0, testId: 'queue-stat-waiting' },
    { label: 'Admitted last minute', value: stats?.admittedLastMinute ?? 0, testId: 'queue-stat-admitted-minute' },
    { label: 'Passes in use', value: stats?.passesInUse ?? 0, testId: 'queue-stat-passes' },
    { label: 'Admitted in all', value: stats?.admittedCount ?? 0, testId: 'queue-stat-admitted' },
  ];
  const phase = !room.enabled ? 'Off' : room.paused ? 'Paused' : stats?.phase === 'pre' ? 'Before the on-sale' : 'Admitting';

  return (
    <section className={styles.card} aria-labelledby="queue-heading">
      <div className={styles.blockHeader}>
        <h2 id="queue-heading" className={styles.cardTitle}>
          Waiting room · <span data-testid="queue-phase">{phase}</span>
        </h2>
        <div className={styles.blockActions}>
          <button
            type="button"
            className="button"
            data-size="small"
            data-variant={room.enabled ? 'ghost' : undefined}
            disabled={busy}
            onClick={() =>
              save({ waitingRoom: { enabled: !room.enabled } }, room.enabled ? 'Waiting room off: buyers go straight to the map.' : 'Waiting room on.')
            }
          >
            {room.enabled ? 'Turn off' : 'Turn on'}
          </button>
          {room.enabled ? (
            <button
              type="button"
              className="button"
              data-variant="ghost"
              data-size="small"
              disabled={busy}
              onClick={() =>
                save({ waitingRoom: { paused: !room.paused } }, room.paused ? 'Admission resumed.' : 'Admission paused; the queue keeps its order.')
              }
            >
              {room.paused ? 'Resume admission' : 'Pause admission'}
            </button>
          ) : null}
        </div>
      </div>
      {room.enabled ? (
        <>
          <div className={styles.stats}>
            {figures.map((figure) => (
              <div key={figure.label} className={styles.stat}>
                <span className={styles.statLabel}>{figure.label}</span>
                <strong className={styles.statValue} data-testid={figure.testId}>
                  {figure.value.toLocaleString('en-US')}
                </strong>
              </div>
            ))}
          </div>
          <p className={styles.hint}>
            Rate in force: {(stats?.admittedPerMinute ?? 0).toLocaleString('en-US')} a minute,{' '}
            {room.admissionPerMinute === null ? 'adaptive (following how fast holds are decided)' : 'fixed'}. Sales open {formatEventDate(event.onSaleAt)}.
          </p>
        </>
      ) : (
        <p className={styles.hint}>Off: everyone goes straight to the seat map. Turn it on before a busy on-sale.</p>
      )}
      <form className={formStyles.form} onSubmit={saveRate} noValidate>
        <div className={styles.formGrid}>
          <FormField
            label="Buyers let in per minute"
            hint="Empty: adaptive, as fast as holds are decided in time."
            type="number"
            min={1}
            inputMode="numeric"
            value={rate}
            onChange={(change) => setRate(change.target.value)}
          />
          <FormField
            label="Seats per buyer at this event"
            hint="Counted across all of a buyer's bookings."
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            value={limit}
            onChange={(change) => setLimit(change.target.value)}
          />
        </div>
        <button type="submit" className={`button ${formStyles.submit}`} data-size="small" disabled={busy}>
          Save
        </button>
      </form>
      {message ? (
        <p role="status" className={styles.success}>
          {message}
        </p>
      ) : null}
    </section>
  );
}
