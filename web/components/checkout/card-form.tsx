import type { FormEvent } from 'react';
import { TEST_CARDS } from '@seatstorm/contracts';
import { formatMoney } from '@/lib/format';
import { FormField } from '../ui/form-field';
import formStyles from '../ui/form.module.css';

// Non-breaking spaces keep each card number on one line.
const TEST_CARD_HINT = `Test cards: ${TEST_CARDS.pays} pays · ${TEST_CARDS.declined} is declined · ${TEST_CARDS.providerFails} fails at the provider.`.replace(
  /(\d{4}) (?=\d{4})/g,
  '$1\u00a0',
);

interface CardFormProps {
  amount: number;
  /** False while the payment is processing: the form stays, disabled. */
  canPay: boolean;
  cardError: string | undefined;
  onPay(card: FormDataEntryValue | null): void;
}

/** The card number (the test card that pays, filled in) and the Pay button. */
export function CardForm({ amount, canPay, cardError, onPay }: CardFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onPay(new FormData(event.currentTarget).get('card'));
  };
  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <FormField
        label="Card number"
        name="card"
        inputMode="numeric"
        autoComplete="cc-number"
        defaultValue={TEST_CARDS.pays}
        disabled={!canPay}
        error={cardError}
        hint={TEST_CARD_HINT}
      />
      <button type="submit" className={`button ${formStyles.submit}`} disabled={!canPay} data-testid="pay-button">
        {canPay ? `Pay ${formatMoney(amount)}` : 'Paying…'}
      </button>
    </form>
  );
}
