import { metricsRegistry } from '@seatstorm/observability';
import { Counter, Gauge, Histogram } from 'prom-client';

export const liveSockets = new Gauge({
  name: 'seatstorm_live_sockets',
  help: 'Sockets connected to this gateway instance, by kind (user or anonymous).',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const liveSeatDeltas = new Counter({
  name: 'seatstorm_live_seat_deltas_total',
  help: 'seat.updated messages consumed from Kafka by this instance, by what the coalescer did with them.',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const liveRelayLag = new Histogram({
  name: 'seatstorm_live_relay_lag_seconds',
  help: 'From a message being written to Kafka to this instance handing it to socket.io, by topic.',
  labelNames: ['topic'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});
