import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from './redis.module';

const gzipAsync = promisify(gzip);

/** How long an event's snapshot stays cached after it was last written. */
const SNAPSHOT_TTL_MS = 5 * 60_000;

/**
 * Writes the snapshot unless the hash already holds a newer one: a slow
 * reader must never replace a fresher snapshot with its older one.
 * KEYS[1] the hash; ARGV: version, body, gzipped body, ttl ms. Returns 1 when written.
 */
const PUT_IF_NEWER = `
local stored = redis.call('HGET', KEYS[1], 'version')
if stored and tonumber(stored) >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'body', ARGV[2], 'gzip', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/** How a snapshot's body is sent: as JSON, or gzipped once when it was stored. */
export type SnapshotEncoding = 'identity' | 'gzip';

export interface CachedSeatSnapshot {
  version: number;
  /** The JSON of GET /events/:eventId/seats, as the catalog serialized it, in `encoding`. */
  body: Buffer;
}

/**
 * The seat-map snapshot cache in Redis, the one place its layout is known:
 * one hash per event with the newest snapshot's version, its JSON and that
 * JSON gzipped. The catalog writes it once per version; the gateway sends the
 * stored bytes as they are, so a page load of the 50,000-seat map (9 MB of
 * JSON, 1 MB gzipped) costs no compression, however many people load it.
 */
@Injectable()
export class SeatSnapshotCache {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * One key per event, stamped with when the event was created: a database
   * reset or another database on the same Redis (a test run beside a dev
   * stack) seeds `evt_eras` again at version 0, and must not find the old one's seats.
   */
  keyOf(eventId: string, createdAt: Date): string {
    return `seat-snapshot:${eventId}:${createdAt.getTime()}`;
  }

  /** The version of the snapshot cached under `key`, or undefined when none is. */
  async cachedVersion(key: string): Promise<number | undefined> {
    const version = await this.redis.hget(key, 'version');
    return version === null ? undefined : Number(version);
  }

  /** Stores `body` (compressed off the event loop) unless a newer version is there already. */
  async put(key: string, version: number, body: string): Promise<void> {
    const gzipped = await gzipAsync(body);
    await this.redis.eval(PUT_IF_NEWER, 1, key, version, body, gzipped, SNAPSHOT_TTL_MS);
  }

  /** The snapshot under `key` in `encoding`, or null when it has expired since the catalog named it. */
  async read(key: string, encoding: SnapshotEncoding): Promise<CachedSeatSnapshot | null> {
    const [version, body] = await this.redis.hmgetBuffer(key, 'version', encoding === 'gzip' ? 'gzip' : 'body');
    return version && body ? { version: Number(version.toString('utf8')), body } : null;
  }
}
