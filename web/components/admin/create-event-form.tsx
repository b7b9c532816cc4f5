'use client';

import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import Link from 'next/link';
import type { EventDetail, VenueListing } from '@seatstorm/contracts';
import { createEvent, listVenues } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { formatEventDate } from '@/lib/format';
import { FormAlert } from '../ui/form-alert';
import { FormField } from '../ui/form-field';
import formStyles from '../ui/form.module.css';
import { describeCreateError, describeVenue, seatCountLabel, simpleEventRequest, venueEventRequest } from './create-event-request';
import styles from './admin.module.css';

type Mode = 'venue' | 'simple';

const PRICE_FIELD_PREFIX = 'price:';

/** The stored venues for the picker, and why they could not be loaded. */
function useVenues(token: string) {
  const [venues, setVenues] = useState<VenueListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      listVenues(token).then(
        (list) => {
          setVenues(list);
          setError(null);
        },
        (cause: unknown) => setError(describeError(cause)),
      ),
    [token],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { venues, error, reload };
}

const text = (form: FormData, name: string): string => String(form.get(name) ?? '');

/**
 * Creates an event, either on a stored venue's layout (a price per tier) or
 * in the original demo's simple form (a new venue laid out as a grid of rows
 * A, B, C…).
 */
export function CreateEventForm({ token, onCreated }: { token: string; onCreated(event: EventDetail): void }) {
  const [mode, setMode] = useState<Mode>('venue');
  const { venues, error: venuesError, reload: reloadVenues } = useVenues(token);
  const [venueId, setVenueId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<EventDetail | null>(null);
  const [busy, setBusy] = useState(false);
  // The same request sent again (after a time-out, say) keeps its key, so it cannot create the event twice.
  const attempt = useRef<{ request: string; key: string } | null>(null);
  const venue = venues?.find((candidate) => candidate.id === venueId);

  async function onSubmit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    const formElement = formEvent.currentTarget;
    const form = new FormData(formElement);
    const common = { name: text(form, 'name'), startsAt: text(form, 'startsAt'), category: text(form, 'category'), description: text(form, 'description') };
    // A note about the previous event would read as if it were about this one.
    setCreated(null);
    const built =
      mode === 'venue'
        ? venueEventRequest(
            {
              ...common,
              onSaleAt: text(form, 'onSaleAt'),
              prices: Object.fromEntries((venue?.tiers ?? []).map(({ tier }) => [tier, text(form, `${PRICE_FIELD_PREFIX}${tier}`)])),
            },
            venue,
          )
        : simpleEventRequest({ ...common, venue: text(form, 'venue'), totalSeats: text(form, 'totalSeats'), price: text(form, 'price') });
    if (!built.ok) {
      setError(built.message);
      return;
    }
    setBusy(true);
    setError(null);
    const sent = JSON.stringify(built.request);
    if (attempt.current?.request !== sent) attempt.current = { request: sent, key: `event-${crypto.randomUUID()}` };
    try {
      const event = await createEvent(token, built.request, attempt.current.key);
      attempt.current = null;
      setCreated(event);
      onCreated(event);
      formElement.reset();
      // The simple form lays out a new venue, which the picker offers from now on.
      if (mode === 'simple') void reloadVenues();
    } catch (cause) {
      setError(describeCreateError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={`${formStyles.form} ${styles.card}`} onSubmit={onSubmit} noValidate>
      <h2 className={styles.cardTitle}>Create an event</h2>
      <fieldset className={styles.modes}>
        <legend className={styles.subTitle}>Where it takes place</legend>
        <ModeOption mode="venue" current={mode} onPick={setMode} label="On a venue layout" hint="A stored venue's sections and tiers" />
        <ModeOption mode="simple" current={mode} onPick={setMode} label="Simple form" hint="A new venue: rows A, B, C… at one price" />
      </fieldset>
      <FormAlert message={error} />
      {created ? (
        <p role="status" className={styles.success}>
          Created <Link href={`/events/${created.id}`}>{created.name}</Link> with {seatCountLabel(created.seatsTotal)}
          {created.status === 'scheduled' ? `, on sale from ${formatEventDate(created.onSaleAt)} UTC` : ', on sale now'}.
        </p>
      ) : null}
      <div className={styles.formGrid}>
        <FormField label="Name" name="name" required />
        {mode === 'venue' ? (
          <VenuePicker venues={venues} error={venuesError} venue={venue} onPick={setVenueId} />
        ) : (
          <FormField label="Venue" name="venue" required />
        )}
        <FormField label="Starts at (UTC)" name="startsAt" type="datetime-local" required />
        {mode === 'venue' ? (
          <FormField label="On sale from (UTC)" name="onSaleAt" type="datetime-local" hint="Leave empty to open sales at once." />
        ) : (
          <>
            <FormField label="Seats" name="totalSeats" type="number" min={1} max={20000} defaultValue={100} required />
            <FormField label="Price (dollars)" name="price" type="number" min={0} step="0.01" defaultValue={50} required />
          </>
        )}
        <FormField label="Category" name="category" placeholder="concert" />
      </div>
      {mode === 'venue' && venue ? <TierPrices key={venue.id} venue={venue} /> : null}
      <FormField label="Description" name="description" />
      <button type="submit" className={`button ${formStyles.submit}`} disabled={busy}>
        {busy ? 'Creating…' : 'Create event'}
      </button>
    </form>
  );
}

function ModeOption({ mode, current, onPick, label, hint }: { mode: Mode; current: Mode; onPick(mode: Mode): void; label: string; hint: string }) {
  return (
    <label className={styles.mode}>
      <input type="radio" name="mode" value={mode} checked={current === mode} onChange={() => onPick(mode)} />
      <span>
        <strong>{label}</strong>
        <span className={styles.hint}>{hint}</span>
      </span>
    </label>
  );
}

function VenuePicker({
  venues,
  error,
  venue,
  onPick,
}: {
  venues: VenueListing[] | null;
  error: string | null;
  venue: VenueListing | undefined;
  onPick(venueId: string): void;
}) {
  const id = useId();
  const note = error ? `The venues could not be loaded. ${error}` : venues?.length === 0 ? 'No venues yet: the simple form creates one.' : undefined;
  return (
    <div className={formStyles.field}>
      <label htmlFor={id} className={formStyles.label}>
        Venue
      </label>
      <select
        id={id}
        name="venueId"
        className={`${formStyles.input} ${styles.select}`}
        value={venue?.id ?? ''}
        onChange={(change) => onPick(change.target.value)}
        disabled={!venues || venues.length === 0}
        aria-describedby={`${id}-hint`}
        required
      >
        <option value="">{venues ? 'Choose a venue' : 'Loading venues…'}</option>
        {venues?.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className={error ? formStyles.fieldError : formStyles.hint}>
        {note ?? (venue ? describeVenue(venue) : 'Its layout sets the seats and the tiers to price.')}
      </span>
    </div>
  );
}

function TierPrices({ venue }: { venue: VenueListing }) {
  return (
    <fieldset className={styles.tierPrices}>
      <legend className={styles.subTitle}>Price per tier (dollars)</legend>
      <div className={styles.formGrid}>
        {venue.tiers.map(({ tier, seatsTotal }) => (
          <FormField
            key={tier}
            label={tier}
            name={`${PRICE_FIELD_PREFIX}${tier}`}
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            hint={seatCountLabel(seatsTotal)}
            required
          />
        ))}
      </div>
    </fieldset>
  );
}
