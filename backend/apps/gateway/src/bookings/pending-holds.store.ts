import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';
import { bestAvailableSchema, standingRequestSchema } from '@seatstorm/contracts';
import { z } from 'zod';
import { keyedId } from '../idempotency/keyed-id';

const pendingHoldSchema = z.object({
  bookingId: z.string(),
  commandId: z.string(),
  eventId: z.string(),
  userId: z.string(),
  /** Empty when the booking core picks them (`best`). */
  seatIds: z.array(z.string()),
  best: bestAvailableSchema.optional(),
  ga: standingRequestSchema.optional(),
  requestedAt: z.string(),
});
export type PendingHold = z.infer<typeof pendingHoldSchema>;

/** An idempotency key is remembered for a day, like payment providers do. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/**
 * What the gateway must remember between requests, in Redis: which booking an
 * Idempotency-Key already started, and holds answered 202 because their
 * decision did not come in time (the `pending` state exists only while a hold
 * command waits in Kafka).
 */
@Injectable()
export class PendingHoldsStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Records that this user's key starts `hold`, unless the key was used
   * before: then returns the hold it started, which the caller repeats.
   */
  async claimIdempotencyKey(userId: string, key: string, hold: PendingHold): Promise<PendingHold | undefined> {
    const redisKey = `idempotency:${createHash('sha256').update(`${userId}\u0000${key}`).digest('hex')}`;
    const stored = await this.redis.set(redisKey, JSON.stringify(hold), 'EX', IDEMPOTENCY_TTL_SECONDS, 'NX');
    if (stored === 'OK') return undefined;
    const earlier = await this.redis.get(redisKey);
    return earlier === null ? undefined : pendingHoldSchema.parse(JSON.parse(earlier));
  }

  async rememberPending(hold: PendingHold, ttlSeconds: number): Promise<void> {
    await this.redis.set(`pending-hold:${hold.bookingId}`, JSON.stringify(hold), 'EX', ttlSeconds);
  }

  async findPending(bookingId: string): Promise<PendingHold | undefined> {
    const stored = await this.redis.get(`pending-hold:${bookingId}`);
    return stored === null ? undefined : pendingHoldSchema.parse(JSON.parse(stored));
  }
}

/** A command id derived from the user's Idempotency-Key, so a retried request is the same command. */
export function commandIdForKey(userId: string, key: string): string {
  return keyedId('hold', userId, key);
}
