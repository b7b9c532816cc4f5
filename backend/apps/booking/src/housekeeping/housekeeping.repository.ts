import { Inject, Injectable } from '@nestjs/common';
import { inPgTransaction, PG_POOL, type Pool } from '@seatstorm/database';

// WARNING: the advisory lock key of housekeeping; every booking instance must use the same one.
export const HOUSEKEEPING_LOCK_KEY = 7_310_002;

/** What one pass removed, per table. */
export interface Pruned {
  outbox: number;
  processedCommands: number;
  rejectedBookings: number;
}

/**
 * Deletes what the booking core no longer needs, a bounded chunk per
 * statement so no delete holds locks or bloats a transaction for long. Each
 * statement is its own transaction; nothing here is read by a decision. Any
 * old rows will do, in no particular order: the BRIN indexes find them
 * without sorting.
 */
@Injectable()
export class HousekeepingRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Runs `work` while holding the housekeeping lock, so one instance prunes at
   * a time; undefined without running it when another instance holds the lock.
   */
  async exclusively<T>(work: () => Promise<T>): Promise<T | undefined> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [HOUSEKEEPING_LOCK_KEY]);
      if (!rows[0]?.locked) return undefined;
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [HOUSEKEEPING_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  /** Published outbox messages older than `before`: the relay never reads a published row again. */
  pruneOutbox(before: Date, limit: number): Promise<number> {
    return this.deleteChunk(
      `DELETE FROM outbox_messages WHERE id IN (
         SELECT id FROM outbox_messages WHERE published_at IS NOT NULL AND published_at < $1 ORDER BY published_at LIMIT $2)`,
      before,
      limit,
    );
  }

  /** Decisions recorded for redelivery older than `before`: by then Kafka can no longer redeliver their commands. */
  pruneProcessedCommands(before: Date, limit: number): Promise<number> {
    return this.deleteChunk(
      `DELETE FROM processed_commands WHERE command_id IN (
         SELECT command_id FROM processed_commands WHERE created_at < $1 LIMIT $2)`,
      before,
      limit,
    );
  }

  /** Rejected bookings older than `before` (they never held a seat; their seat rows go with them). */
  pruneRejectedBookings(before: Date, limit: number): Promise<number> {
    return this.deleteChunk(
      `DELETE FROM bookings WHERE id IN (
         SELECT id FROM bookings WHERE status = 'rejected' AND created_at < $1 LIMIT $2)`,
      before,
      limit,
    );
  }

  private async deleteChunk(sql: string, before: Date, limit: number): Promise<number> {
    return inPgTransaction(this.pool, async (client) => (await client.query(sql, [before, limit])).rowCount ?? 0);
  }
}
