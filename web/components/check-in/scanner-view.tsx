'use client';

import { useEffect, useState, type FormEvent } from 'react';
import type { EventSummary } from '@seatstorm/contracts';
import { listEvents } from '@/lib/api';
import type { Session } from '@/lib/session-cookie';
import { RoleGate } from '../auth/role-gate';
import { CameraScanner, canScanWithCamera } from './camera-scanner';
import { ScanResult } from './scan-result';
import { useDoor } from './use-door';
import styles from './check-in.module.css';

const DOOR_ROLES = ['staff', 'admin'] as const;
const WORDS = { signIn: 'Sign in as door staff', only: 'Door staff only', one: 'on the door staff' };

/** The door: staff pick the event, scan tickets (or type their codes) and see who is in. */
export function ScannerView() {
  return (
    <RoleGate roles={DOOR_ROLES} words={WORDS} next="/check-in">
      {(session) => <DoorScanner session={session} />}
    </RoleGate>
  );
}

function DoorScanner({ session }: { session: Session }) {
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [eventId, setEventId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState<'off' | 'on' | 'unavailable'>('off');
  const door = useDoor(session.token, eventId);

  useEffect(() => {
    listEvents().then(setEvents, () => setEvents([]));
    if (!canScanWithCamera()) setCamera('unavailable');
  }, []);

  const eventName = (id: string) => events?.find((event) => event.id === id)?.name ?? id;

  async function submit(form: FormEvent) {
    form.preventDefault();
    if (!code.trim()) return;
    await door.scan(code);
    setCode('');
  }

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Door</h1>
        <p className={styles.lede}>Scan each ticket once: the first scan lets its holder in, any later one is refused.</p>
      </header>

      <label className={styles.field}>
        <span>Event</span>
        <select value={eventId ?? ''} onChange={(change) => setEventId(change.target.value || null)} disabled={!events}>
          <option value="">{events ? 'Choose the event at this door' : 'Loading events…'}</option>
          {events?.map((event) => (
            <option key={event.id} value={event.id}>
              {event.name}
            </option>
          ))}
        </select>
      </label>

      {eventId ? (
        <>
          <p className={styles.count} aria-live="polite" data-testid="people-in">
            {door.count ? (
              <>
                <strong>{door.count.checkedIn.toLocaleString('en-US')}</strong> of {door.count.total.toLocaleString('en-US')} people in
              </>
            ) : (
              'Counting…'
            )}
          </p>

          {door.last ? <ScanResult key={door.last.n} scan={door.last.scan} eventName={eventName} /> : null}

          {camera === 'on' ? <CameraScanner onCode={(scanned) => void door.scan(scanned)} /> : null}
          {camera === 'off' ? (
            <button type="button" className="button" onClick={() => setCamera('on')}>
              Scan with the camera
            </button>
          ) : null}

          <form className={styles.entry} onSubmit={submit}>
            <label className={styles.field}>
              <span>Ticket code</span>
              <textarea value={code} onChange={(change) => setCode(change.target.value)} rows={3} spellCheck={false} autoComplete="off" placeholder="ST1.…" />
            </label>
            <button type="submit" className="button" disabled={door.checking || !code.trim()}>
              {door.checking ? 'Checking…' : 'Check in'}
            </button>
          </form>
          {camera === 'unavailable' ? <p className={styles.lede}>This browser cannot read QR codes with a camera: type or paste the ticket’s code.</p> : null}
        </>
      ) : null}
    </div>
  );
}
