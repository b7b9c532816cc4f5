import type { Outcome } from '@/lib/booking-outcome';
import { FormAlert } from '../ui/form-alert';
import { CardForm } from './card-form';
import { CheckoutActions } from './checkout-actions';
import type { Payment } from './use-payment';
import styles from './checkout.module.css';

interface PaymentPanelProps {
  outcome: Outcome;
  payment: Payment;
  amount: number;
  bookingId: string;
  eventId: string;
}

/** Where the booking stands, announced as it changes, with the card form while it can be paid and the ways on. */
export function PaymentPanel({ outcome, payment, amount, bookingId, eventId }: PaymentPanelProps) {
  const canPay = outcome.kind === 'awaiting-payment';
  return (
    <section className={styles.card} aria-labelledby="pay-heading">
      <div className={styles.outcome} data-tone={outcome.tone} data-kind={outcome.kind} role="status" aria-live="polite">
        <h2 id="pay-heading" className={styles.outcomeTitle}>
          {outcome.title}
        </h2>
        <p>
          {payment.slow && outcome.kind === 'processing'
            ? "The card provider is slow to answer; we're retrying for you. Please keep this page open."
            : outcome.message}
        </p>
      </div>

      <FormAlert message={payment.error} />

      {canPay || outcome.kind === 'processing' ? <CardForm amount={amount} canPay={canPay} cardError={payment.cardError} onPay={payment.pay} /> : null}

      <CheckoutActions outcome={outcome} bookingId={bookingId} eventId={eventId} cancelling={payment.cancelling} onCancel={payment.cancel} />
    </section>
  );
}
