import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, healthReportSchema, livenessSchema } from '@seatstorm/contracts';
import { kafkaIdOf } from '@seatstorm/kafka';
import { freePort } from '../bench/bench-setup';
import { eventually } from './eventually';
import { seriesOf } from './metrics';
import { ServiceProcess } from './service-process';
import { testConfig } from './test-env';

const SERVICES = ['auth', 'catalog', 'booking', 'payment', 'notification', 'analytics'] as const;

/**
 * One service per process, as containers run them: each must be probed and
 * scraped on a port of its own (OPS_PORT), though only the gateway speaks HTTP.
 */
describe('every service process serves /health and /metrics on a port of its own', () => {
  const config = testConfig();
  const processes = new Map<(typeof SERVICES)[number], { process: ServiceProcess; url: string }>();

  beforeAll(async () => {
    await Promise.all(
      SERVICES.map(async (service) => {
        const port = await freePort();
        const process = new ServiceProcess({ services: [service], config, env: { OPS_PORT: String(port) } });
        processes.set(service, { process, url: `http://127.0.0.1:${port}` });
        await process.start();
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...processes.values()].map(({ process }) => process.stop()));
  });

  it.each(SERVICES)('%s: readiness of PostgreSQL, Kafka and Redis, and its own metrics', async (service) => {
    const { url } = processes.get(service)!;
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(healthReportSchema.parse(await health.json())).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, kafka: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(livenessSchema.parse(await (await fetch(`${url}/health/live`)).json())).toEqual({ status: 'ok' });

    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('seatstorm_process_cpu_seconds_total');
    expect(text).toContain('seatstorm_nodejs_eventloop_lag_seconds');

    const unknown = await fetch(`${url}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(errorBodySchema.parse(await unknown.json())).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
  });

  it('the booking process reports its own figures: its metrics are the process registry, not an empty one', async () => {
    const text = await (await fetch(`${processes.get('booking')!.url}/metrics`)).text();
    expect(text).toMatch(/^# HELP seatstorm_booking_/m);
  });

  it('each process reports the consumer lag of its own groups only, and the booking process its outbox', async () => {
    const lagOf = async (service: (typeof SERVICES)[number]) =>
      eventually(
        async () => seriesOf(await (await fetch(`${processes.get(service)!.url}/metrics`)).text(), 'seatstorm_kafka_consumer_lag'),
        (series) => series.length > 0,
      );
    const groupsOf = async (service: (typeof SERVICES)[number]) => [...new Set((await lagOf(service)).map((s) => s.labels.group))].sort();
    // A request group that has answered nothing yet has committed nothing: it appears with its first request.
    const booking = await groupsOf('booking');
    expect(booking).toEqual(expect.arrayContaining([kafkaIdOf(config, 'booking'), kafkaIdOf(config, 'booking-payments')]));
    expect(booking.every((group) => group.startsWith(kafkaIdOf(config, 'booking')))).toBe(true);
    const payment = await groupsOf('payment');
    expect(payment).toEqual(expect.arrayContaining([kafkaIdOf(config, 'payment'), kafkaIdOf(config, 'payment-dead-letters')]));
    expect(payment.every((group) => group.startsWith(kafkaIdOf(config, 'payment')))).toBe(true);

    const bookingMetrics = await (await fetch(`${processes.get('booking')!.url}/metrics`)).text();
    expect(seriesOf(bookingMetrics, 'seatstorm_outbox_backlog')).toHaveLength(1);
    expect(seriesOf(await (await fetch(`${processes.get('payment')!.url}/metrics`)).text(), 'seatstorm_outbox_backlog')).toEqual([]);
  });
});
