'use client';

import { useCallback, useMemo, useState } from 'react';
import { DEMO_USERS, seatLabelOf, type EventDetail, type LabDecision } from '@seatstorm/contracts';
import { cancelBooking, getSeats } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { useLabFeed } from '@/lib/live';
import { LabPane, type PaneResult, type RaceSignal } from './lab-pane';
import styles from './race-lab.module.css';

const RACERS = DEMO_USERS.filter((user) => user.name !== 'Admin');

function timeOf(iso: string): string {
  const date = new Date(iso);
  return `${date.toISOString().slice(11, 19)}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** "Held", or "Refused: Seat A7 is no longer available." (the booking core names seats by label). */
function describeDecision(decision: LabDecision): string {
  if (decision.status === 'reserved') return 'Held';
  return decision.reason ? `Refused: ${decision.reason}` : 'Refused';
}

/** Kafka's order for one race: the decisions on the raced seat since the race began, by partition offset. */
export function raceOrder(decisions: readonly LabDecision[], seatId: string, since: string): LabDecision[] {
  return decisions
    .filter((decision) => decision.seatIds.includes(seatId) && decision.occurredAt >= since)
    .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * Three demo users side by side, each with their own session and socket;
 * "Race!" makes all three hold the same seat in the same instant, and the
 * lab feed shows what the booking core decided and in which order.
 */
export function RaceLab({ event }: { event: EventDetail }) {
  const [target, setTarget] = useState<string | null>(null);
  const [race, setRace] = useState<(RaceSignal & { startedAt: string }) | null>(null);
  const [results, setResults] = useState<Record<string, PaneResult>>({});
  const [message, setMessage] = useState<string | null>(null);
  const feed = useLabFeed(event.id);

  const onResult = useCallback((name: string, result: PaneResult) => {
    setResults((current) => ({ ...current, [name]: result }));
  }, []);

  const pick = useCallback((seatId: string) => {
    setTarget(seatId);
    setResults({});
    setMessage(null);
  }, []);

  async function pickRandom() {
    try {
      const snapshot = await getSeats(event.id);
      const free = snapshot.seats.filter((seat) => seat.status === 'available');
      const seat = free[Math.floor(Math.random() * free.length)];
      if (seat) pick(seat.id);
      else setMessage('Every seat is taken: release some to race again.');
    } catch (cause) {
      setMessage(describeError(cause));
    }
  }

  async function releaseWinner() {
    const winners = Object.values(results).filter((result) => result.outcome === 'won' && result.bookingId);
    try {
      await Promise.all(winners.map((winner) => cancelBooking(winner.token, winner.bookingId!)));
      setResults({});
      setMessage(winners.length ? 'Released: the seat is free to race for again.' : null);
    } catch (cause) {
      setMessage(describeError(cause));
    }
  }

  const order = useMemo(() => (race ? raceOrder(feed.decisions, race.seatId, race.startedAt) : []), [feed.decisions, race]);
  const hasWinner = Object.values(results).some((result) => result.outcome === 'won');

  return (
    <div className={styles.lab}>
      <div className={styles.controls}>
        <p className={styles.target}>
          {target ? (
            <>
              Racing for seat <strong>{seatLabelOf(event.id, target)}</strong>
            </>
          ) : (
            'Click a seat in any pane, or pick one at random.'
          )}
        </p>
        <div className={styles.buttons}>
          <button type="button" className="button" data-variant="ghost" onClick={pickRandom}>
            Pick a free seat
          </button>
          <button
            type="button"
            className={`button ${styles.raceButton}`}
            disabled={!target}
            onClick={() => {
              if (!target) return;
              setResults({});
              setRace((previous) => ({ serial: (previous?.serial ?? 0) + 1, seatId: target, startedAt: new Date(Date.now() - 1_000).toISOString() }));
            }}
          >
            Race!
          </button>
          <button type="button" className="button" data-variant="danger" disabled={!hasWinner} onClick={releaseWinner}>
            Release the winner&apos;s seat
          </button>
        </div>
        {message ? <p className={styles.message}>{message}</p> : null}
      </div>

      <div className={styles.panes}>
        {RACERS.map((racer) => (
          <LabPane
            key={racer.email}
            name={racer.name}
            email={racer.email}
            event={event}
            target={target}
            race={race}
            result={results[racer.name]}
            onPick={pick}
            onResult={onResult}
          />
        ))}
      </div>

      {order.length ? (
        <section className={styles.order} aria-labelledby="order-heading">
          <h2 id="order-heading" className={styles.sectionTitle}>
            How Kafka decided the last race
          </h2>
          <ol>
            {order.map((decision) => (
              <li key={decision.commandId} data-status={decision.status}>
                <strong>{decision.userName}</strong> — {decision.status === 'reserved' ? 'won' : 'lost'} · partition {decision.partition}, offset{' '}
                {decision.offset} · decided in {Math.round(decision.decidedInMs)} ms
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className={styles.feed} aria-labelledby="feed-heading">
        <div className={styles.feedHeader}>
          <h2 id="feed-heading" className={styles.sectionTitle}>
            Lab feed
          </h2>
          <button type="button" className="button" data-variant="ghost" data-size="small" onClick={feed.clear}>
            Clear
          </button>
        </div>
        {feed.decisions.length === 0 ? (
          <p className={styles.feedEmpty}>Decisions on this event appear here as the booking core makes them.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Seats</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Partition / offset</th>
                  <th scope="col">Decided in</th>
                </tr>
              </thead>
              <tbody>
                {feed.decisions.map((decision) => (
                  <tr key={decision.commandId} data-status={decision.status}>
                    <td>{timeOf(decision.occurredAt)}</td>
                    <td>{decision.userName}</td>
                    <td>{decision.seatIds.map((id) => seatLabelOf(event.id, id)).join(', ')}</td>
                    <td>{describeDecision(decision)}</td>
                    <td>
                      {decision.partition} / {decision.offset}
                    </td>
                    <td>{Math.round(decision.decidedInMs)} ms</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
