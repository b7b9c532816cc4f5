import { metricsRegistry } from '@seatstorm/observability';
import { Counter } from 'prom-client';

export const notificationsCreated = new Counter({
  name: 'seatstorm_notifications_total',
  help: 'Notifications stored and pushed to their user, by kind; redelivered booking events are not counted again.',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});
