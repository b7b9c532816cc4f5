'use client';

import { outcomeOf } from '@/lib/booking-outcome';
import { useBooking } from '@/lib/live';
import { useCountdown } from '@/lib/use-countdown';
import { SignInPrompt } from '../auth/sign-in-prompt';
import { useSession } from '../session/session-provider';
import { LoadFailedPanel } from '../ui/load-failed-panel';
import { CheckoutHeader } from './checkout-header';
import { OrderSummary } from './order-summary';
import { PaymentPanel } from './payment-panel';
import { useEventDetail } from '@/lib/use-event-detail';
import { useExtension } from './use-extension';
import { usePayment } from './use-payment';
import styles from './checkout.module.css';

/** Paying for a held booking, kept current as its payment goes through. */
export function CheckoutView({ bookingId }: { bookingId: string }) {
  const { session } = useSession();
  const token = session?.token ?? null;
  const booking = useBooking(token, bookingId);
  const data = booking.data;
  const event = useEventDetail(data?.eventId);
  const payment = usePayment(token, bookingId, booking);
  const extension = useExtension(token, bookingId, booking);
  const countdown = useCountdown(data?.status === 'reserved' ? data.expiresAt : null);

  if (!session) return <SignInPrompt title="Sign in to check out" next={`/checkout/${bookingId}`} />;
  if (!data) {
    if (booking.error) {
      return <LoadFailedPanel title="We couldn't load this booking" error={booking.error} onRetry={booking.refresh} />;
    }
    return <p className={styles.loading}>Loading your booking…</p>;
  }

  const outcome = outcomeOf(data, payment.paying, countdown?.phase === 'expired');
  return (
    <div className={styles.checkout}>
      <CheckoutHeader event={event} />
      <div className={styles.grid}>
        <OrderSummary booking={data} countdown={countdown} extension={outcome.kind === 'awaiting-payment' ? extension : null} />
        <PaymentPanel outcome={outcome} payment={payment} amount={data.amount} bookingId={data.id} eventId={data.eventId} />
      </div>
    </div>
  );
}
