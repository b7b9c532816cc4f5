import { createHash } from 'node:crypto';

/**
 * An id derived from a client's Idempotency-Key, scoped to its account: the
 * same account retrying with the same key names the same thing, and no two
 * accounts' keys ever meet.
 */
export function keyedId(prefix: string, userId: string, key: string, hexLength = 32): string {
  return `${prefix}_${createHash('sha256').update(`${userId}\u0000${key}`).digest('hex').slice(0, hexLength)}`;
}
