import { eventDetailSchema, eventSummarySchema, seatSnapshotSchema, errorBodySchema } from '@seatstorm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getJson, startStack, type TestStack } from '../../../../test/stack';

describe('GET /events through gateway → Kafka → catalog → PostgreSQL', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists the seeded events with venue, prices and live availability', async () => {
    const { status, body } = await getJson(`${stack.url}/events`);
    expect(status).toBe(200);
    const events = z.array(eventSummarySchema).parse(body);
    const byId = new Map(events.map((event) => [event.id, event]));
    expect(byId.get('evt_eras')).toMatchObject({
      name: 'Taylor Swift – The Eras Tour',
      venue: { id: 'ven_msg', name: 'Madison Square Garden' },
      priceMin: 15000,
      priceMax: 22500,
      seatsTotal: 100,
    });
    expect(byId.get('evt_sheeran')).toMatchObject({ venue: { name: 'Wembley Stadium' }, priceMin: 12000, priceMax: 12000, seatsTotal: 80 });
    expect(byId.get('evt_jazz')).toMatchObject({ venue: { name: 'Blue Note Jazz Club' }, priceMin: 4500, seatsTotal: 50 });
    expect(byId.get('evt_stadium')?.seatsTotal).toBe(50_000);
  });

  it('answers one event with its tiers', async () => {
    const { status, body } = await getJson(`${stack.url}/events/evt_eras`);
    expect(status).toBe(200);
    const event = eventDetailSchema.parse(body);
    expect(event.tiers.map(({ tier, price, seatsTotal }) => ({ tier, price, seatsTotal }))).toEqual([
      { tier: 'VIP', price: 22500, seatsTotal: 10 },
      { tier: 'Premium', price: 18000, seatsTotal: 10 },
      { tier: 'Regular', price: 15000, seatsTotal: 80 },
    ]);
  });

  it('serves the 50,000-seat snapshot with its version in one reply', async () => {
    const { status, headers, body } = await getJson(`${stack.url}/events/evt_stadium/seats`);
    expect(status).toBe(200);
    // Several MB of JSON travel compressed.
    expect(headers.get('content-encoding')).toBe('gzip');
    const snapshot = seatSnapshotSchema.parse(body);
    expect(snapshot.seats).toHaveLength(50_000);
    expect(new Set(snapshot.seats.map((seat) => seat.id)).size).toBe(50_000);
    expect(snapshot.seats.every((seat) => seat.id === `evt_stadium_${seat.label}`)).toBe(true);
  });

  it('names the snapshot version in its ETag, answers 304 to a client that has it, and 404 for an unknown event', async () => {
    const first = await fetch(`${stack.url}/events/evt_jazz/seats`);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const snapshot = seatSnapshotSchema.parse(await first.json());
    expect(first.headers.get('etag')).toBe(`W/"evt_jazz@${snapshot.version}"`);

    // As a browser revalidates (fetch() adds `cache-control: no-cache` to a hand-made conditional request, which forces a 200).
    const revalidate = (etag: string) => ({ headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    const again = await fetch(`${stack.url}/events/evt_jazz/seats`, revalidate(first.headers.get('etag')!));
    expect(again.status).toBe(304);
    const stale = await fetch(`${stack.url}/events/evt_jazz/seats`, revalidate(`W/"evt_jazz@${snapshot.version + 1}"`));
    expect(stale.status).toBe(200);

    const missing = await fetch(`${stack.url}/events/evt_nope/seats`);
    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(await missing.json())).toMatchObject({ error: 'NOT_FOUND', message: 'Event evt_nope was not found' });
  });

  it('answers an unknown event with 404 NOT_FOUND and a correlation id', async () => {
    const response = await fetch(`${stack.url}/events/evt_nope`, { headers: { 'x-correlation-id': 'trace-123' } });
    expect(response.status).toBe(404);
    const body = errorBodySchema.parse(await response.json());
    expect(body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND', message: 'Event evt_nope was not found', correlationId: 'trace-123' });
    expect(response.headers.get('x-correlation-id')).toBe('trace-123');
  });

  it('rejects a malformed event id with 400 VALIDATION_FAILED before asking anyone', async () => {
    const { status, body } = await getJson(`${stack.url}/events/${encodeURIComponent('evt eras;--')}/seats`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ error: 'VALIDATION_FAILED' });
    expect(JSON.stringify(body)).toContain('eventId');
  });

  it('answers an unknown route with the same error shape', async () => {
    const { status, body } = await getJson(`${stack.url}/nowhere`);
    expect(status).toBe(404);
    expect(errorBodySchema.parse(body)).toMatchObject({ error: 'NOT_FOUND', message: 'No route GET /nowhere' });
  });
});

describe('when the catalog service is down', () => {
  it('answers 503 SERVICE_UNAVAILABLE instead of hanging', async () => {
    const stack = await startStack({ services: ['gateway'], env: { RPC_TIMEOUT_MS: '1500' } });
    try {
      const started = Date.now();
      const { status, body } = await getJson(`${stack.url}/events`);
      expect(status).toBe(503);
      expect(errorBodySchema.parse(body)).toMatchObject({ error: 'SERVICE_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await stack.close();
    }
  });
});
