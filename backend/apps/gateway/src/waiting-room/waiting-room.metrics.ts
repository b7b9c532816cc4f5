import { metricsRegistry } from '@seatstorm/observability';
import { Counter, Gauge } from 'prom-client';

export const waitingRoomWaiting = new Gauge({
  name: 'seatstorm_waiting_room_waiting',
  help: 'Buyers in an event’s pre-queue and queue, as the ticking gateway last counted them.',
  labelNames: ['event'] as const,
  registers: [metricsRegistry],
});

export const waitingRoomRate = new Gauge({
  name: 'seatstorm_waiting_room_rate_per_minute',
  help: 'The admission rate in force for an event (0 while paused).',
  labelNames: ['event'] as const,
  registers: [metricsRegistry],
});

export const waitingRoomAdmitted = new Counter({
  name: 'seatstorm_waiting_room_admitted_total',
  help: 'Buyers this gateway admitted from an event’s queue.',
  labelNames: ['event'] as const,
  registers: [metricsRegistry],
});
