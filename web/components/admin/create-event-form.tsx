'use client';

import { useState, type FormEvent } from 'react';
import Link from 'next/link';
import { createSimpleEventSchema, type EventDetail } from '@seatstorm/contracts';
import { createEvent } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { FormAlert, FormField } from '../form-field';
import formStyles from '../form.module.css';
import styles from './admin.module.css';

/** Creates an event in the simple form (a new venue laid out as a grid of rows A, B, C…). */
export function CreateEventForm({ token, onCreated }: { token: string; onCreated(event: EventDetail): void }) {
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<EventDetail | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    const form = new FormData(formEvent.currentTarget);
    const date = String(form.get('date') ?? '');
    const parsed = createSimpleEventSchema.safeParse({
      name: form.get('name'),
      venue: form.get('venue'),
      // datetime-local has no zone: the form reads times in UTC, as the site shows them.
      date: date ? `${date}:00Z` : '',
      totalSeats: Number(form.get('totalSeats')),
      price: Number(form.get('price')),
      category: String(form.get('category') ?? '').trim() || undefined,
      description: String(form.get('description') ?? '').trim() || undefined,
    });
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
      setError(`Check ${fields.join(', ')}: every field but category and description is needed; seats 1–100,000; price in dollars.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const event = await createEvent(token, parsed.data);
      setCreated(event);
      onCreated(event);
      formEvent.currentTarget?.reset();
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={`${formStyles.form} ${styles.card}`} onSubmit={onSubmit} noValidate>
      <h2 className={styles.cardTitle}>Create an event</h2>
      <FormAlert message={error} />
      {created ? (
        <p role="status" className={styles.success}>
          Created <Link href={`/events/${created.id}`}>{created.name}</Link> with {created.seatsTotal} seats.
        </p>
      ) : null}
      <div className={styles.formGrid}>
        <FormField label="Name" name="name" required />
        <FormField label="Venue" name="venue" required />
        <FormField label="Starts at (UTC)" name="date" type="datetime-local" required />
        <FormField label="Seats" name="totalSeats" type="number" min={1} max={100000} defaultValue={100} required />
        <FormField label="Price (dollars)" name="price" type="number" min={0} step="0.01" defaultValue={50} required />
        <FormField label="Category" name="category" placeholder="concert" />
      </div>
      <FormField label="Description" name="description" />
      <button type="submit" className={`button ${formStyles.submit}`} disabled={busy}>
        {busy ? 'Creating…' : 'Create event'}
      </button>
    </form>
  );
}
