import { Inject, Injectable } from '@nestjs/common';
import type { Topic } from '@seatstorm/contracts';
import { inPgTransaction, PG_POOL, type Pool } from '@seatstorm/database';
import type { EncodedMessage } from '@seatstorm/kafka';

// WARNING: the advisory lock key of the outbox relay; every instance must use the same one.
const RELAY_LOCK_KEY = 7_310_001;

/** An outbox message as the relay gets it: what goes to Kafka, and which row it is. */
export interface OutboxEntry extends EncodedMessage {
  id: string;
}

/** A message Kafka can never take, and why. */
export interface SetAside {
  id: string;
  failure: string;
}

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
   * marks them published once it resolves, except those it set aside, which
   * keep their failure and are never handed on again. One relay at a time (an
   * advisory lock), so messages of one event never overtake each other; if
   * `publish` fails or the process dies, they stay unpublished and go out
   * next time. Returns how many were handled.
   */
  publishNext(limit: number, publish: (messages: OutboxEntry[]) => Promise<SetAside[]>): Promise<number> {
    return inPgTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, topic, key, payload::text AS payload, headers FROM outbox_messages
          WHERE published_at IS NULL AND failure IS NULL ORDER BY id LIMIT $1`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const setAside = await publish(rows.map((row) => ({ id: row.id, topic: row.topic, key: row.key, value: row.payload, headers: row.headers ?? {} })));
      const failed = new Set(setAside.map((entry) => entry.id));
      await client.query(`UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.filter((row) => !failed.has(row.id)).map((row) => row.id),
      ]);
      if (setAside.length > 0) {
        await client.query(`UPDATE outbox_messages o SET failure = v.failure FROM unnest($1::bigint[], $2::text[]) AS v(id, failure) WHERE o.id = v.id`, [
          setAside.map((entry) => entry.id),
          setAside.map((entry) => entry.failure),
        ]);
      }
      return rows.length;
    });
  }

  /** Messages waiting to be published, and how long the oldest of them has waited (0 when none waits); set-aside ones wait for nothing. */
  async backlog(): Promise<{ messages: number; oldestAgeSeconds: number }> {
    const { rows } = await this.pool.query<{ messages: number; oldestAgeSeconds: number }>(
      `SELECT count(*)::int AS messages, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS "oldestAgeSeconds"
         FROM outbox_messages WHERE published_at IS NULL AND failure IS NULL`,
    );
    return rows[0] ?? { messages: 0, oldestAgeSeconds: 0 };
  }

  /** Messages waiting to be published (for health and tests); set-aside ones wait for nothing. */
  async countUnpublished(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM outbox_messages WHERE published_at IS NULL AND failure IS NULL',
    );
    return rows[0]?.count ?? 0;
  }
}
