import { BODY_TOO_LARGE_HTTP_STATUS, errorBodySchema } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { startStack, type TestStack } from '../../../../test/stack';

/** Hostile sizes at the REST edge: each is a 4xx with a stable code, never a 500, and stores nothing. */
describe('oversized input', () => {
  let stack: TestStack;
  let db: Pool;
  let buyer: BuiltUser;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['auth', 'gateway'] });
    [buyer] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  const send = async (path: string, body: string, token?: string) => {
    const response = await fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: response.status, body: errorBodySchema.parse(await response.json()) };
  };

  it.each([
    {
      story: 'a hold naming 10,000 seats',
      path: '/bookings',
      body: JSON.stringify({ eventId: 'evt_eras', seatIds: Array.from({ length: 10_000 }, (_, i) => `evt_eras_X${i}`) }),
    },
    { story: 'a 5 MB body', path: '/bookings', body: JSON.stringify({ eventId: 'x'.repeat(5_000_000) }) },
    { story: 'a 1 MB password', path: '/auth/login', body: JSON.stringify({ email: 'a@example.org', password: 'p'.repeat(1_000_000) }), anonymous: true },
    {
      story: 'a 1 MB e-mail',
      path: '/auth/register',
      body: JSON.stringify({ email: `${'a'.repeat(1_000_000)}@example.org`, name: 'A', password: 'password123' }),
      anonymous: true,
    },
    { story: 'a 100 kB card number', path: '/bookings/bkg_x/pay', body: JSON.stringify({ card: '4'.repeat(100_000) }) },
  ])('answers $story with 413 VALIDATION_FAILED', async ({ path, body, anonymous }) => {
    const answer = await send(path, body, anonymous ? undefined : buyer.token);
    expect(answer.status).toBe(BODY_TOO_LARGE_HTTP_STATUS);
    expect(answer.body).toMatchObject({
      statusCode: BODY_TOO_LARGE_HTTP_STATUS,
      error: 'VALIDATION_FAILED',
      message: 'The request body is larger than the gateway accepts.',
    });
  });

  it('answers JSON that does not parse with 400 VALIDATION_FAILED', async () => {
    const answer = await send('/bookings', '{"eventId": ', buyer.token);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('VALIDATION_FAILED');
  });

  it('stores nothing for any of them', async () => {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM bookings WHERE user_id = $1`, [buyer.id]);
    expect(rows[0].n).toBe(0);
  });
});
