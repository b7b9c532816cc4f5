import { afterEach, describe, expect, it } from 'vitest';
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
    expect(body).toMatchObject({
      status: 'ok',
      checks: { kafka: { status: 'up' }, postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers 503 and names Redis when only Redis is unreachable', async () => {
    // Nothing listens on port 1 of the loopback.
    stack = await startStack({ services: ['gateway'], env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    const { status, body } = await getJson(`${stack.url}/health`);
    expect(status).toBe(503);
    expect(body).toMatchObject({
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
});
