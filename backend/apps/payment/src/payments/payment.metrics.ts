import { metricsRegistry } from '@seatstorm/observability';
import { Counter } from 'prom-client';

export const paymentsSettled = new Counter({
  name: 'seatstorm_payments_total',
  help: 'Payments settled, by kind (charge, refund) and outcome (succeeded, failed, dead_lettered); redeliveries are not counted again.',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const paymentAttempts = new Counter({
  name: 'seatstorm_payment_attempts_total',
  help: 'Calls to the card provider, by kind and result (succeeded, declined, unavailable).',
  labelNames: ['kind', 'result'] as const,
  registers: [metricsRegistry],
});
