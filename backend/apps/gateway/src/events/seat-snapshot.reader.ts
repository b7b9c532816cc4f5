import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';

export interface StoredSeatSnapshot {
  version: number;
  /** The JSON of GET /events/:eventId/seats, as the catalog serialized it. */
  body: Buffer;
}

/** Reads the seat snapshot the catalog left in Redis (the reference came over Kafka: catalogGetSeatsRpc). */
@Injectable()
export class SeatSnapshotReader {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** The snapshot under `cacheKey`, or null when it has expired since the catalog answered. */
  async read(cacheKey: string): Promise<StoredSeatSnapshot | null> {
    const [version, body] = await this.redis.hmgetBuffer(cacheKey, 'version', 'body');
    return version && body ? { version: Number(version.toString('utf8')), body } : null;
  }
}
