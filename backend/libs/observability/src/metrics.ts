import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * One registry per process, whatever the number of services it runs, so that
 * process metrics are collected once and names never collide.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'seatstorm_' });

export const httpRequestDuration = new Histogram({
  name: 'seatstorm_http_request_duration_seconds',
  help: 'REST requests served by the gateway, by method, route and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});
