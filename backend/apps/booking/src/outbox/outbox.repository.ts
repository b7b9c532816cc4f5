import { Inject, Injectable } from '@nestjs/common';
import type { Topic } from '@seatstorm/contracts';
import { PRISMA, type PrismaClient } from '@seatstorm/database';
import type { EncodedMessage } from '@seatstorm/kafka';

// WARNING: the advisory lock key of the outbox relay; every instance must use the same one.
const RELAY_LOCK_KEY = 7_310_001;

interface OutboxRow {
  id: bigint;
  topic: Topic;
  key: string;
  /** JSON text: it goes to Kafka as text, so it is not parsed only to be serialized again. */
  payload: string;
  headers: Record<string, string> | null;
}

@Injectable()
export class OutboxRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * Hands the oldest unpublished messages, in commit order, to `publish` and
   * marks them published once it resolves. One relay at a time (an advisory
   * lock), so messages of one event never overtake each other; if `publish`
   * fails or the process dies, they stay unpublished and go out next time.
   * Returns how many were published.
   */
  publishNext(limit: number, publish: (messages: EncodedMessage[]) => Promise<void>): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', RELAY_LOCK_KEY);
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT id, topic, key, payload::text AS payload, headers FROM outbox_messages
            WHERE published_at IS NULL ORDER BY id LIMIT $1`,
          limit,
        );
        if (rows.length === 0) return 0;
        await publish(
          rows.map((row) => ({ topic: row.topic, key: row.key, value: row.payload, headers: row.headers ?? {} })),
        );
        await tx.$executeRawUnsafe(
          `UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::bigint[])`,
          rows.map((row) => row.id.toString()),
        );
        return rows.length;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }

  /** Messages not published yet (for health and tests). */
  async countUnpublished(): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ count: bigint }>>(
      'SELECT count(*) AS count FROM outbox_messages WHERE published_at IS NULL',
    );
    return Number(row?.count ?? 0);
  }
}
