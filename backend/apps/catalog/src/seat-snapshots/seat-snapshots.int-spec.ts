import { Test } from '@nestjs/testing';
import { ConfigModule } from '@seatstorm/config';
import { seatSnapshotSchema, type SeatSnapshot } from '@seatstorm/contracts';
import { DatabaseModule } from '@seatstorm/database';
import { REDIS, RedisModule } from '@seatstorm/redis';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { testDb } from '../../../../test/db';
import { testConfig } from '../../../../test/test-env';
import { SeatSnapshotCache } from '@seatstorm/redis';
import { SeatSnapshotsRepository } from './seat-snapshots.repository';
import { SeatSnapshotsService } from './seat-snapshots.service';

describe('seat snapshots on real PostgreSQL and Redis', () => {
  let db: Pool;
  let redis: Redis;
  let close: () => Promise<void>;
  let service: SeatSnapshotsService;
  let store: SeatSnapshotCache;
  let repository: SeatSnapshotsRepository;

  /** What the gateway sends for GET /events/:eventId/seats: the body the reference points to. */
  async function load(eventId: string): Promise<SeatSnapshot> {
    const ref = await service.get(eventId);
    const body = await redis.hget(ref.cacheKey, 'body');
    expect(body, `snapshot stored under ${ref.cacheKey}`).not.toBeNull();
    const snapshot = seatSnapshotSchema.parse(JSON.parse(body!));
    expect(snapshot.version).toBeGreaterThanOrEqual(ref.version);
    return snapshot;
  }

  async function bump(eventId: string, seatIds: string[], status: string): Promise<void> {
    const client = await db.connect();
    try {
      // As the booking core does: seats and the event's version change in one transaction.
      await client.query('BEGIN');
      await client.query(`UPDATE seats SET status = $2 WHERE id = ANY($1)`, [seatIds, status]);
      await client.query(`UPDATE events SET seat_version = seat_version + 1 WHERE id = $1`, [eventId]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  beforeAll(async () => {
    db = testDb();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig()), DatabaseModule, RedisModule],
      providers: [SeatSnapshotsRepository, SeatSnapshotsService, SeatSnapshotCache],
    }).compile();
    moduleRef.enableShutdownHooks();
    service = moduleRef.get(SeatSnapshotsService);
    redis = moduleRef.get(REDIS);
    store = moduleRef.get(SeatSnapshotCache);
    repository = moduleRef.get(SeatSnapshotsRepository);
    close = () => moduleRef.close();
  });

  afterAll(async () => {
    await close?.();
    await db?.end();
  });

  it('stores a snapshot whose version and seats come from the same moment', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 4 });
    const writes = (async () => {
      for (let round = 1; round <= 30; round += 1) await bump(eventId, seatIds, round % 2 === 1 ? 'reserved' : 'available');
    })();
    const snapshots: SeatSnapshot[] = [];
    while (snapshots.length < 30) snapshots.push(await load(eventId));
    await writes;

    for (const snapshot of snapshots) {
      const expected = snapshot.version % 2 === 1 ? 'reserved' : 'available';
      expect(snapshot.seats.map((seat) => seat.status)).toEqual(seatIds.map(() => expected));
    }
    expect((await load(eventId)).version).toBe(30);
  });

  it('serves an unchanged version from the cache, and a new version as soon as the event has one', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 3 });
    expect((await load(eventId)).seats.map((seat) => seat.status)).toEqual(['available', 'available', 'available']);

    // A write that does not bump the version (nothing the booking core does) shows that the cache answered.
    await db.query(`UPDATE seats SET status = 'blocked' WHERE id = $1`, [seatIds[0]]);
    expect((await load(eventId)).seats[0]!.status).toBe('available');

    await bump(eventId, [seatIds[1]!], 'reserved');
    const fresh = await load(eventId);
    expect(fresh.version).toBe(1);
    expect(fresh.seats.map((seat) => seat.status)).toEqual(['blocked', 'reserved', 'available']);
  });

  it('builds a version once however many people load it at the same moment', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 4, perRow: 10 });
    const reads = vi.spyOn(repository, 'findSeatSnapshot');
    try {
      const first = await Promise.all(Array.from({ length: 20 }, () => service.get(eventId)));
      expect(new Set(first.map((ref) => ref.version))).toEqual(new Set([0]));
      expect(reads).toHaveBeenCalledTimes(1);

      await bump(eventId, [seatIds[0]!], 'reserved');
      const second = await Promise.all(Array.from({ length: 20 }, () => service.get(eventId)));
      expect(new Set(second.map((ref) => ref.version))).toEqual(new Set([1]));
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  it('never replaces a newer snapshot with an older one', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 2 });
    await bump(eventId, seatIds, 'reserved');
    const ref = await service.get(eventId);
    // A slow reader that read version 0 finishes late.
    await store.put(ref.cacheKey, 0, JSON.stringify({ eventId, version: 0, seats: [] }));
    expect(await redis.hget(ref.cacheKey, 'version')).toBe('1');
    expect((await load(eventId)).seats).toHaveLength(2);
  });

  it('keeps snapshots of an event re-created under the same id apart (a database reset)', async () => {
    const { eventId } = await buildEvent(db, { rows: 1, perRow: 2 });
    const before = await service.get(eventId);
    await db.query(`UPDATE events SET created_at = created_at + interval '1 second' WHERE id = $1`, [eventId]);
    const after = await service.get(eventId);
    expect(after.cacheKey).not.toBe(before.cacheKey);
    expect(await redis.hget(after.cacheKey, 'version')).toBe('0');
  });

  it('answers NOT_FOUND for an event that does not exist', async () => {
    await expect(service.get('evt_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.version('evt_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
