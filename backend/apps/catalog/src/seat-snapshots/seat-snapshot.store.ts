import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';

/** How long an event's snapshot stays cached after it was last written. */
const SNAPSHOT_TTL_MS = 5 * 60_000;

/**
 * Writes the snapshot unless the hash already holds a newer one: a slow
 * reader must never replace a fresher snapshot with its older one.
 * KEYS[1] the hash; ARGV: version, body, ttl ms. Returns 1 when written.
 */
const PUT_IF_NEWER = `
local stored = redis.call('HGET', KEYS[1], 'version')
if stored and tonumber(stored) >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'body', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/**
 * The seat-map snapshot cache in Redis: one hash per event with the newest
 * serialized snapshot and its version, so memory stays one snapshot per
 * event however fast versions change. The gateway reads `body` as is.
 */
@Injectable()
export class SeatSnapshotStore {
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

  async put(key: string, version: number, body: string): Promise<void> {
    await this.redis.eval(PUT_IF_NEWER, 1, key, version, body, SNAPSHOT_TTL_MS);
  }
}
