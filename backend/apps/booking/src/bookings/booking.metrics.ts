import { metricsRegistry, ScrapedGauge } from '@seatstorm/observability';
import { Counter, Histogram } from 'prom-client';

export const bookingDecisions = new Counter({
  name: 'seatstorm_booking_decisions_total',
  help: 'Booking commands decided, by command type and outcome (applied, rejected, ignored; replay for redelivered commands).',
  labelNames: ['type', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const decisionLatency = new Histogram({
  name: 'seatstorm_booking_decision_latency_seconds',
  help: 'From a command being issued to its decision being made.',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const batchSize = new Histogram({
  name: 'seatstorm_booking_batch_size',
  help: 'Commands decided per batch transaction.',
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
  registers: [metricsRegistry],
});

/**
 * Read from the database at every scrape (every booking instance reports the
 * same figure: take the max across instances, not the sum).
 */
export const liveHolds = new ScrapedGauge({
  name: 'seatstorm_booking_holds_live',
  help: 'Bookings holding seats that are not paid yet (status reserved), by event; events with none are left out.',
  labelNames: ['event'] as const,
});
