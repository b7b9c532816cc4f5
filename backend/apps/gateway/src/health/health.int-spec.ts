import { errorBodySchema, healthReportSchema, livenessSchema } from '@seatstorm/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSocket } from '../../../../test/live';
import { getJson, startStack, type TestStack } from '../../../../test/stack';

describe('GET /health', () => {
  let stack: TestStack | undefined;

  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('reports Kafka, PostgreSQL and Redis separately, all up', async () => {
    stack = await startStack({ services: ['gateway'] });
    const { status, body } = await getJson(`${stack.url}/health`);
    expect(status).toBe(200);
    expect(healthReportSchema.parse(body)).toMatchObject({
      status: 'ok',
      checks: { kafka: { status: 'up' }, postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(livenessSchema.parse((await getJson(`${stack.url}/health/live`)).body)).toEqual({ status: 'ok' });
  });

  it('answers 503 and names Redis when only Redis is unreachable', async () => {
    // Nothing listens on port 1 of the loopback.
    stack = await startStack({ services: ['gateway'], env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    const { status, body } = await getJson(`${stack.url}/health`);
    expect(status).toBe(503);
    expect(healthReportSchema.parse(body)).toMatchObject({
      status: 'degraded',
      checks: { kafka: { status: 'up' }, postgres: { status: 'up' }, redis: { status: 'down' } },
    });
  });

  it('exposes Prometheus metrics, including the REST requests served', async () => {
    stack = await startStack({ services: ['gateway'] });
    await fetch(`${stack.url}/health/live`);
    const response = await fetch(`${stack.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('seatstorm_http_request_duration_seconds_count{method="GET",route="/health/live",status="200"}');
    expect(text).toContain('seatstorm_process_cpu_seconds_total');
  });

  it("answers with helmet's headers: no sniffing, no framing, a policy that loads nothing, and no X-Powered-By", async () => {
    stack = await startStack({ services: ['gateway'] });
    const response = await fetch(`${stack.url}/health/live`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
    // Browsers on the web app's origin still read the API's answers.
    const cors = await fetch(`${stack.url}/health/live`, { headers: { origin: 'http://localhost:3001' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
  });

  it('serves /metrics only to the bearer of METRICS_TOKEN when one is set', async () => {
    const token = 'metrics-'.repeat(5);
    stack = await startStack({ services: ['gateway'], env: { METRICS_TOKEN: token } });
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${token}x`, token.slice(1)]) {
      const refused = await fetch(`${stack.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(refused.status, authorization).toBe(401);
      expect(await refused.json()).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
    }
    const scraped = await fetch(`${stack.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('seatstorm_process_cpu_seconds_total');
  });

  describe('in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-32-characters-or-more' };

    it('names a dependency that is down, but not what its client said about it', async () => {
      stack = await startStack({ services: ['gateway'], env: { ...production, REDIS_URL: 'redis://127.0.0.1:1' } });
      const { status, body } = await getJson(`${stack.url}/health`);
      expect(status).toBe(503);
      expect(body).toEqual({
        status: 'degraded',
        checks: {
          kafka: { status: 'up', latencyMs: expect.any(Number) },
          postgres: { status: 'up', latencyMs: expect.any(Number) },
          redis: { status: 'down', latencyMs: expect.any(Number) },
        },
      });
    });

    it('does not serve /metrics without METRICS_TOKEN, and runs no race lab', async () => {
      stack = await startStack({ services: ['gateway'], env: production });
      expect(stack.config.DEMO_MODE).toBe(false);
      const metrics = await fetch(`${stack.url}/metrics`);
      expect(metrics.status).toBe(404);
      expect(await metrics.text()).not.toContain('seatstorm_');
      const socket = await connectSocket(stack.url);
      try {
        const ack = await socket.timeout(10_000).emitWithAck('lab.subscribe', { eventId: 'evt_eras' });
        expect(errorBodySchema.parse(ack)).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
      } finally {
        socket.close();
      }
    });
  });
});
