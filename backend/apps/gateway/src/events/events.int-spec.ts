import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { eventDetailSchema, eventSummarySchema, seatSnapshotSchema, errorBodySchema } from '@seatstorm/contracts';
import { SeatSnapshotCache } from '@seatstorm/redis';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDb } from '../../../../test/db';
import { getJson, startStack, type TestStack } from '../../../../test/stack';

describe('GET /events through gateway → Kafka → catalog → PostgreSQL', () => {
  let stack: TestStack;
  let db: Pool;
  let redis: Redis;

  beforeAll(async () => {
    stack = await startStack();
    db = testDb();
    redis = new Redis(stack.config.REDIS_URL);
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
    redis?.disconnect();
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

  it('sends the stadium snapshot gzipped once per version, the stored bytes as they are, and plain JSON to a client without gzip', async () => {
    const gzipped = await rawGet(`${stack.url}/events/evt_stadium/seats`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    const version = seatSnapshotSchema.parse(JSON.parse(gunzipSync(gzipped.body).toString('utf8'))).version;
    // Byte for byte what the catalog stored with that version: nothing was compressed for this request.
    const { rows } = await db.query<{ createdAt: Date }>(`SELECT created_at AS "createdAt" FROM events WHERE id = 'evt_stadium'`);
    const [storedVersion, stored] = await redis.hmgetBuffer(new SeatSnapshotCache(redis).keyOf('evt_stadium', rows[0]!.createdAt), 'version', 'gzip');
    expect(Number(storedVersion)).toBe(version);
    expect(gzipped.body.equals(stored!)).toBe(true);

    const plain = await rawGet(`${stack.url}/events/evt_stadium/seats`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(seatSnapshotSchema.parse(JSON.parse(plain.body.toString('utf8'))).seats).toHaveLength(50_000);
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

/** A GET whose body arrives as sent on the wire (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
