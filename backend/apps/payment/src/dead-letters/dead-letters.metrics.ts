import { ScrapedGauge } from '@seatstorm/observability';

/**
 * Read from the database at every scrape, so it counts what every instance
 * and `npm run dlq` did. Alert when it stays above zero.
 */
export const openDeadLetters = new ScrapedGauge({
  name: 'seatstorm_payment_dead_letters_open',
  help: 'Dead letters of payment.dlq waiting for an operator: charges given up and not yet replayed, refunds that have not landed.',
});
