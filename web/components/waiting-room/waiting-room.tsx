'use client';

import type { EventDetail, QueueAdmitted } from '@seatstorm/contracts';
import { formatEventDate } from '@/lib/format';
import { useCountdown } from '@/lib/use-countdown';
import type { Session } from '@/lib/session-cookie';
import { useWaitingRoom, type WaitingRoomView } from '@/lib/waiting-room';
import styles from './waiting-room.module.css';

/** "about 3 minutes", "less than a minute": a wait is an estimate, never a promise. */
export function describeWait(seconds: number | null): string {
  if (seconds === null) return 'Not known yet';
  if (seconds < 60) return 'Under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `About ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `About ${hours} h ${rest} min`;
}

const number = (value: number): string => value.toLocaleString('en-US');

/**
 * The waiting room page of an event (docs/architecture.md §8): before the
 * on-sale a countdown, then the buyer's place, the people ahead, a progress
 * bar and the estimated wait, all live; when it is their turn, the seat map
 * takes over by itself (`onAdmitted`).
 */
export function WaitingRoom({
  event,
  session,
  onAdmitted,
  onRoomClosed,
}: {
  event: EventDetail;
  session: Session;
  onAdmitted(admission: QueueAdmitted): void;
  onRoomClosed(): void;
}) {
  const { view, leave, rejoin } = useWaitingRoom(event.id, session, { onAdmitted, onRoomClosed });
  return (
    <section className={styles.room} aria-labelledby="waiting-room-title" data-testid="waiting-room" data-state={view.kind}>
      <p className={styles.eyebrow}>Waiting room</p>
      <h2 id="waiting-room-title" className={styles.title}>
        {titleOf(view)}
      </h2>
      <Body view={view} event={event} />
      <div className={styles.actions}>
        {view.kind === 'left' ? (
          <button type="button" className="button" onClick={rejoin}>
            Join the queue again
          </button>
        ) : view.kind === 'waiting' ? (
          <button type="button" className="button" data-variant="ghost" onClick={leave}>
            Leave the queue
          </button>
        ) : null}
      </div>
    </section>
  );
}

function titleOf(view: WaitingRoomView): string {
  switch (view.kind) {
    case 'joining':
      return 'Taking your place in the queue…';
    case 'waiting':
      return view.room.phase === 'pre' ? 'You’re in: sales open soon' : 'You’re in the queue';
    case 'left':
      return 'You left the queue';
    case 'unavailable':
      return 'The waiting room is unavailable';
    case 'error':
      return 'Something went wrong';
  }
}

function Body({ view, event }: { view: WaitingRoomView; event: EventDetail }) {
  switch (view.kind) {
    case 'joining':
      return <p className={styles.muted}>One moment: one place per account, whichever tab or device you use.</p>;
    case 'left':
      return <p className={styles.muted}>Joining again puts you at the back of the queue.</p>;
    case 'unavailable':
      return (
        <p className={styles.notice} role="alert">
          {view.message} Nobody is let in meanwhile, so nobody gets ahead of you.
        </p>
      );
    case 'error':
      return (
        <p className={styles.notice} role="alert">
          {view.message} This page keeps trying.
        </p>
      );
    case 'waiting':
      return view.room.phase === 'pre' ? <BeforeOnSale view={view} /> : <InQueue view={view} event={event} />;
  }
}

function BeforeOnSale({ view }: { view: Extract<WaitingRoomView, { kind: 'waiting' }> }) {
  const countdown = useCountdown(view.room.onSaleAt);
  return (
    <>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>Sales open in</dt>
          <dd aria-live="off" data-testid="on-sale-countdown">
            {countdown?.label ?? '—'}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>People waiting</dt>
          <dd data-testid="queue-waiting">{number(view.room.waiting)}</dd>
        </div>
      </dl>
      <ol className={styles.steps}>
        <li>Sales open {formatEventDate(view.room.onSaleAt)} (UTC). Keep this page open; you don’t need to refresh.</li>
        <li>At that moment everyone waiting gets a place drawn at random: arriving early gives no advantage, and neither does arriving last.</li>
        <li>People who arrive after that join the end of the queue, in order.</li>
        <li>When it’s your turn, this page opens the seat map by itself.</li>
      </ol>
    </>
  );
}

/** The buyer's place, the people ahead and the progress; while the place is being drawn (the moment of the on-sale) none of them is known yet. */
export function InQueue({ view, event }: { view: Extract<WaitingRoomView, { kind: 'waiting' }>; event: EventDetail }) {
  const ahead = view.ahead;
  const known = ahead !== null;
  const first = Math.max(view.firstAhead ?? ahead ?? 0, ahead ?? 0, 1);
  const done = !known ? 0 : view.firstAhead === 0 ? 1 : 1 - ahead / first;
  const percent = Math.round(done * 100);
  return (
    <>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>Your place</dt>
          <dd data-testid="queue-position" data-ticket={view.place.ticket ?? undefined} data-known={known}>
            {known ? number(ahead + 1) : 'Being drawn'}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>People ahead of you</dt>
          <dd data-testid="queue-ahead">{known ? number(ahead) : '—'}</dd>
        </div>
        <div className={styles.figure}>
          <dt>Estimated wait</dt>
          <dd data-testid="queue-wait">{view.room.paused ? 'Paused' : describeWait(view.waitSeconds)}</dd>
        </div>
      </dl>
      <label className={styles.muted}>
        {percent}% of the way to the front
        <progress className={styles.progress} max={100} value={percent} aria-label="Progress to the front of the queue" />
      </label>
      <p className="visually-hidden" aria-live="polite">
        {!known ? 'Your place is being drawn.' : ahead === 0 ? 'You are next.' : `${number(ahead)} ${ahead === 1 ? 'person' : 'people'} ahead of you.`}
      </p>
      {view.room.paused ? (
        <p className={styles.notice} role="status">
          The organiser has paused the queue for a moment. Your place is kept.
        </p>
      ) : null}
      <ol className={styles.steps}>
        <li>Buyers are let in from the front, about {number(view.room.admittedPerMinute)} a minute, as fast as seats can be sold safely.</li>
        <li>
          When it’s your turn, this page opens the seat map by itself. You can then hold up to {event.maxSeatsPerBuyer} seats, and pay for them before their
          hold runs out.
        </li>
        <li>Leaving the queue, or not picking seats in time, sends you to the back.</li>
      </ol>
    </>
  );
}
