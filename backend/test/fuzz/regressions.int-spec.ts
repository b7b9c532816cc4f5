import { errorBodySchema } from '@seatstorm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../stack';

/** Cases the fuzz suite found, kept as plain tests so they stay fixed whatever the fuzz draws. */
describe('fuzz regressions', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ services: ['catalog', 'gateway'] });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('answers a URL past the header limit with 431 VALIDATION_FAILED and an error body', async () => {
    const response = await fetch(`${stack.url}/bookings?limit=${'x'.repeat(20_000)}`, { headers: { authorization: 'Bearer not.a.token' } });
    expect(response.status).toBe(431);
    expect(errorBodySchema.parse(JSON.parse(await response.text()))).toMatchObject({ statusCode: 431, error: 'VALIDATION_FAILED' });
  });
});
