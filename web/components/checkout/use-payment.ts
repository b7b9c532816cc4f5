import { useEffect, useState } from 'react';
import { payRequestSchema, type Booking } from '@seatstorm/contracts';
import { cancelBooking, payBooking } from '@/lib/api';
import { describeError } from '@/lib/errors';

/** After this long "processing", say that the provider is slow: the flaky test card is retried with backoff. */
const SLOW_PAYMENT_MS = 4_000;

export interface Payment {
  /** Pay was pressed and the booking has not moved on yet. */
  paying: boolean;
  /** Paying has taken longer than a card provider usually does. */
  slow: boolean;
  /** Why the last pay or release failed, in words for people. */
  error: string | null;
  /** What is wrong with the card number typed. */
  cardError: string | undefined;
  cancelling: boolean;
  pay(card: FormDataEntryValue | null): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * Paying for a held booking, or releasing it. The payment's outcome arrives on the booking itself (`booking.data`,
 * kept current), so "paying" ends when the booking moves on; both actions refresh it at once.
 */
export function usePayment(token: string | null, bookingId: string, booking: { data: Booking | null; refresh(): void }): Payment {
  const [paying, setPaying] = useState(false);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cardError, setCardError] = useState<string | undefined>();
  const [cancelling, setCancelling] = useState(false);

  const status = booking.data?.status;
  useEffect(() => {
    if (status && status !== 'reserved') setPaying(false);
  }, [status]);
  useEffect(() => {
    if (!paying) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), SLOW_PAYMENT_MS);
    return () => clearTimeout(timer);
  }, [paying]);

  async function pay(card: FormDataEntryValue | null) {
    if (!token) return;
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

  return { paying, slow, error, cardError, cancelling, pay, cancel };
}
