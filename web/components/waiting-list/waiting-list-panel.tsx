'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { JoinWaitingList, WaitingListEntry } from '@seatstorm/contracts';
import { dateParts } from '@/lib/format';
import styles from './waiting-list.module.css';

export interface WaitingListPanelProps {
  /** The person's place (null: not on the list, or their last place ended). */
  entry: WaitingListEntry | null;
  /** No seat of the event is on sale: joining for any tier is possible. */
  soldOut: boolean;
  /** Tiers with no seat on sale, each one's line joinable on its own. */
  soldOutTiers: readonly string[];
  /** The most seats one booking may hold. */
  maxQuantity: number;
  busy: boolean;
  /** What went wrong, in words. */
  error: string | null;
  onJoin(ask: JoinWaitingList): void;
  onLeave(): void;
}

/** "18:42 UTC": the app shows every time in UTC. */
export function clockOf(iso: string): string {
  return `${dateParts(iso).time} UTC`;
}

/**
 * A sold-out event's (or tier's) waiting list as its buyer sees it: a way to join, their place
 * in line with a way out, and, once seats were released for them, the offer with the way to pay.
 */
export function WaitingListPanel({ entry, soldOut, soldOutTiers, maxQuantity, busy, error, onJoin, onLeave }: WaitingListPanelProps) {
  const [quantity, setQuantity] = useState(1);
  const [tier, setTier] = useState(soldOut ? '' : (soldOutTiers[0] ?? ''));
  const alert = error ? (
    <p className={styles.error} data-waiting-list-error>
      {error}
    </p>
  ) : null;

  if (entry?.status === 'offered' && entry.offer) {
    return (
      <section className={styles.panel} data-waiting-list="offered" aria-labelledby="waiting-list-heading">
        <h2 id="waiting-list-heading" className={styles.heading}>
          Seats are held for you until {clockOf(entry.offer.expiresAt)}
        </h2>
        <p>
          Someone let {entry.quantity === 1 ? 'a seat' : `${entry.quantity} seats`} go and you were first in line. Pay before then to keep{' '}
          {entry.quantity === 1 ? 'it' : 'them'}; after that {entry.quantity === 1 ? 'it goes' : 'they go'} on general sale.
        </p>
        <Link href={`/checkout/${entry.offer.bookingId}`} className="button">
          Go to checkout
        </Link>
      </section>
    );
  }

  if (entry?.status === 'waiting') {
    return (
      <section className={styles.panel} data-waiting-list="waiting" aria-labelledby="waiting-list-heading">
        <h2 id="waiting-list-heading" className={styles.heading}>
          You are <span data-waiting-list-position>{entry.position ?? '…'}</span> in line
        </h2>
        <p>
          For {entry.quantity === 1 ? '1 seat' : `${entry.quantity} seats`}
          {entry.tier ? ` in ${entry.tier}` : ''}. When seats are released they are held for the first in line, and you will see them here.
        </p>
        {alert}
        <button type="button" className="button" data-variant="ghost" data-size="small" disabled={busy} onClick={onLeave}>
          Leave the waiting list
        </button>
      </section>
    );
  }

  if (!soldOut && soldOutTiers.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onJoin({ quantity, ...(tier ? { tier } : {}) });
  };
  return (
    <section className={styles.panel} data-waiting-list="join" aria-labelledby="waiting-list-heading">
      <h2 id="waiting-list-heading" className={styles.heading}>
        {soldOut ? 'Sold out' : `${soldOutTiers.join(', ')} sold out`}
      </h2>
      <p>Join the waiting list: when seats are released, they are held for the first in line.</p>
      <form className={styles.form} onSubmit={submit}>
        <label className={styles.field}>
          Seats
          <input
            type="number"
            min={1}
            max={maxQuantity}
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Math.min(maxQuantity, Number(e.target.value) || 1)))}
          />
        </label>
        <label className={styles.field}>
          Tier
          <select value={tier} onChange={(e) => setTier(e.target.value)}>
            {soldOut ? <option value="">Any tier</option> : null}
            {soldOutTiers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy}>
          Join the waiting list
        </button>
      </form>
      {alert}
    </section>
  );
}
