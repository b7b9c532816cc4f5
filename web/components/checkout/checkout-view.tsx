'use client';

import { useEffect, useState, type FormEvent } from 'react';
import Link from 'next/link';
import { payRequestSchema, TEST_CARDS, type EventDetail } from '@seatstorm/contracts';
import { cancelBooking, getEvent, payBooking } from '@/lib/api';
import { outcomeOf } from '@/lib/booking-outcome';
import { describeError } from '@/lib/errors';
import { formatEventDate, formatMoney } from '@/lib/format';
import { useBooking } from '@/lib/live';
import { labelsOf } from '@/lib/seat-labels';
import { useCountdown } from '@/lib/use-countdown';
import { FormAlert } from '../ui/form-alert';
import { FormField } from '../ui/form-field';
import { SignInPrompt } from '../auth/sign-in-prompt';
import { useSession } from '../session/session-provider';
import { StatusPanel } from '../ui/status-panel';
import formStyles from '../ui/form.module.css';
import styles from './checkout.module.css';

const TEST_CARD = TEST_CARDS.pays;
// Non-breaking spaces keep each card number on one line.
const TEST_CARD_HINT = `Test cards: ${TEST_CARDS.pays} pays · ${TEST_CARDS.declined} is declined · ${TEST_CARDS.providerFails} fails at the provider.`.replace(
  /(\d{4}) (?=\d{4})/g,
  '$1\u00a0',
);
/** After this long "processing", say that the provider is slow: the flaky test card is retried with backoff. */
const SLOW_PAYMENT_MS = 4_000;

export function CheckoutView({ bookingId }: { bookingId: string }) {
  const { session } = useSession();
  const token = session?.token ?? null;
  const booking = useBooking(token, bookingId);
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [paying, setPaying] = useState(false);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cardError, setCardError] = useState<string | undefined>();
  const [cancelling, setCancelling] = useState(false);
  const data = booking.data;
  const countdown = useCountdown(data?.status === 'reserved' ? data.expiresAt : null);
  const eventId = data?.eventId;

  useEffect(() => {
    if (!eventId) return;
    getEvent(eventId).then(setEvent, () => setEvent(null));
  }, [eventId]);

  // The payment's outcome shows up on the booking: stop "processing" once it moved on.
  const status = data?.status;
  useEffect(() => {
    if (status && status !== 'reserved') setPaying(false);
  }, [status]);
  useEffect(() => {
    if (!paying) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), SLOW_PAYMENT_MS);
    return () => clearTimeout(timer);
  }, [paying]);

  if (!session) return <SignInPrompt title="Sign in to check out" next={`/checkout/${bookingId}`} />;
  if (!data) {
    if (booking.error) {
      return (
        <StatusPanel
          kind="error"
          title="We couldn't load this booking"
          actions={
            <button type="button" className="button" onClick={booking.refresh}>
              Try again
            </button>
          }
        >
          <p>{describeError(booking.error)}</p>
        </StatusPanel>
      );
    }
    return <p className={styles.loading}>Loading your booking…</p>;
  }

  const outcome = outcomeOf(data, paying, countdown?.phase === 'expired');
  const canPay = outcome.kind === 'awaiting-payment';
  const seats = labelsOf(data);

  async function pay(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    if (!token) return;
    const card = new FormData(formEvent.currentTarget).get('card');
    const parsed = payRequestSchema.safeParse({ card });
    if (!parsed.success) {
      setCardError('Check the card number: 16 digits, as printed on the card.');
      return;
    }
    setCardError(undefined);
    setError(null);
    setPaying(true);
    try {
      await payBooking(token, bookingId, parsed.data.card);
      booking.refresh();
    } catch (cause) {
      setPaying(false);
      setError(describeError(cause));
    }
  }

  async function cancel() {
    if (!token) return;
    setCancelling(true);
    setError(null);
    try {
      await cancelBooking(token, bookingId);
      booking.refresh();
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setCancelling(false);
    }
  }

  return (
    <div className={styles.checkout}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>Checkout</p>
        <h1 className={styles.title}>{event?.name ?? 'Your booking'}</h1>
        {event ? (
          <p className={styles.meta}>
            {event.venue.name} · {event.venue.city} · {formatEventDate(event.startsAt)}
          </p>
        ) : null}
      </header>

      <div className={styles.grid}>
        <section className={styles.card} aria-labelledby="order-heading">
          <h2 id="order-heading" className={styles.cardTitle}>
            Your seats
          </h2>
          <ul className={styles.seats}>
            {seats.map((label) => (
              <li key={label} className={styles.seat}>
                {label}
              </li>
            ))}
          </ul>
          <p className={styles.total}>
            <span>
              Total for {seats.length} seat{seats.length === 1 ? '' : 's'}
            </span>
            <strong>{formatMoney(data.amount)}</strong>
          </p>
          {countdown && data.status === 'reserved' ? (
            <div className={styles.timer} data-phase={countdown.phase} role="timer" aria-label={countdown.spoken}>
              <span className={styles.timerClock} aria-hidden="true">
                {countdown.label}
              </span>
              <span className={styles.timerText} aria-hidden="true">
                {countdown.phase === 'expired'
                  ? 'Time is up'
                  : countdown.phase === 'ending'
                    ? 'Less than a minute left — pay now'
                    : 'left to pay before the seats are released'}
              </span>
            </div>
          ) : null}
        </section>

        <section className={styles.card} aria-labelledby="pay-heading">
          <div className={styles.outcome} data-tone={outcome.tone} data-kind={outcome.kind} role="status" aria-live="polite">
            <h2 id="pay-heading" className={styles.outcomeTitle}>
              {outcome.title}
            </h2>
            <p>
              {slow && outcome.kind === 'processing'
                ? "The card provider is slow to answer; we're retrying for you. Please keep this page open."
                : outcome.message}
            </p>
          </div>

          <FormAlert message={error} />

          {canPay || outcome.kind === 'processing' ? (
            <form className={formStyles.form} onSubmit={pay} noValidate>
              <FormField
                label="Card number"
                name="card"
                inputMode="numeric"
                autoComplete="cc-number"
                defaultValue={TEST_CARD}
                disabled={!canPay}
                error={cardError}
                hint={TEST_CARD_HINT}
              />
              <button type="submit" className={`button ${formStyles.submit}`} disabled={!canPay} data-testid="pay-button">
                {outcome.kind === 'processing' ? 'Paying…' : `Pay ${formatMoney(data.amount)}`}
              </button>
            </form>
          ) : null}

          <div className={styles.actions}>
            {canPay ? (
              <button type="button" className="button" data-variant="danger" onClick={cancel} disabled={cancelling}>
                {cancelling ? 'Releasing…' : 'Release these seats'}
              </button>
            ) : null}
            {outcome.tone === 'error' || outcome.kind === 'cancelled' ? (
              <Link href={`/events/${data.eventId}`} className="button">
                Pick seats again
              </Link>
            ) : null}
            {outcome.kind === 'confirmed' || outcome.kind === 'confirming' ? (
              <Link href="/bookings" className="button" data-variant="ghost">
                See my bookings
              </Link>
            ) : null}
          </div>
        </section>
      </div>
    </div>
  );
}
