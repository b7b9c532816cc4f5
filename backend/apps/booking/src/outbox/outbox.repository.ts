import { Inject, Injectable } from '@nestjs/common';
import type { Topic } from '@seatstorm/contracts';
import { inPgTransaction, PG_POOL, type Pool } from '@seatstorm/database';
import type { EncodedMessage } from '@seatstorm/kafka';

// WARNING: the advisory lock key of the outbox relay; every instance must use the same one.
const RELAY_LOCK_KEY = 7_310_001;

interface OutboxRow {
  /** A bigint, as node-postgres hands it over: text. */
  id: string;
  topic: Topic;
  key: string;
  /** JSON text: it goes to Kafka as text, so it is not parsed only to be serialized again. */
  payload: string;
  headers: Record<string, string> | null;
}

@Injectable()
export class OutboxRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Hands the oldest unpublished messages, in commit order, to `publish` and
   * marks them published once it resolves. One relay at a time (an advisory
   * lock), so messages of one event never overtake each other; if `publish`
   * fails or the process dies, they stay unpublished and go out next time.
   * Returns how many were published.
   */
  publishNext(limit: number, publish: (messages: EncodedMessage[]) => Promise<void>): Promise<number> {
    return inPgTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, topic, key, payload::text AS payload, headers FROM outbox_messages
          WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await publish(rows.map((row) => ({ topic: row.topic, key: row.key, value: row.payload, headers: row.headers ?? {} })));
      await client.query(
        `UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::bigint[])`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
  }

  /** Messages not published yet (for health and tests). */
  async countUnpublished(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM outbox_messages WHERE published_at IS NULL');
    return rows[0]?.count ?? 0;
  }
}
