import { Test } from '@nestjs/testing';
import { ConfigModule } from '@seatstorm/config';
import { Topic } from '@seatstorm/contracts';
import { DatabaseModule } from '@seatstorm/database';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooking } from '../../../../test/builders/booking.builder';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { testConfig, uniqueId } from '../../../../test/test-env';
import { HOUSEKEEPING_LOCK_KEY, HousekeepingRepository } from './housekeeping.repository';
import { HousekeepingService } from './housekeeping.service';

const DAY_MS = 86_400_000;

describe('housekeeping on real PostgreSQL', () => {
  let db: Pool;
  let close: () => Promise<void>;
  let housekeeping: HousekeepingService;
  let buyer: BuiltUser;

  beforeAll(async () => {
    db = testDb();
    const config = testConfig({ OUTBOX_RETENTION: '1d', DECISION_RETENTION: '8d' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule],
      providers: [HousekeepingRepository, HousekeepingService],
    }).compile();
    moduleRef.enableShutdownHooks();
    housekeeping = moduleRef.get(HousekeepingService);
    close = () => moduleRef.close();
    [buyer] = (await buildUsers(db, config, 1)) as [BuiltUser];
  });

  afterAll(async () => {
    await close?.();
    await db?.end();
  });

  const exists = async (sql: string, id: string) => (await db.query(sql, [id])).rowCount === 1;

  it('prunes published outbox messages, recorded decisions and rejected bookings by age, and nothing that is still needed', async () => {
    // This test's rows are dated back; the rows of tests running beside it are all recent, out of reach.
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const key = uniqueId('hk');
    const outbox = async (publishedDaysAgo: number | null) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO outbox_messages (topic, key, payload, created_at, published_at) VALUES ($4, $1, '{}', $2, $3) RETURNING id`,
          [key, ago(3), publishedDaysAgo === null ? null : ago(publishedDaysAgo), Topic.SeatUpdated],
        )
      ).rows[0]!.id;
    const oldPublished = await outbox(2);
    const recentPublished = await outbox(0.5);
    const oldUnpublished = await outbox(null);

    const decision = async (daysAgo: number) => {
      const commandId = uniqueId('cmd_hk');
      await db.query(`INSERT INTO processed_commands (command_id, event_id, type, result, created_at) VALUES ($1, 'evt_x', 'hold', '{}', $2)`, [
        commandId,
        ago(daysAgo),
      ]);
      return commandId;
    };
    const oldDecision = await decision(9);
    const recentDecision = await decision(7);

    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 4 });
    const booking = async (status: 'rejected' | 'reserved' | 'cancelled', daysAgo: number, seatId: string) => {
      const { bookingId } = await buildBooking(db, { eventId, userId: buyer.id, seatIds: [seatId], status });
      await db.query(`UPDATE bookings SET created_at = $2 WHERE id = $1`, [bookingId, ago(daysAgo)]);
      return bookingId;
    };
    const oldRejected = await booking('rejected', 9, seatIds[0]!);
    const recentRejected = await booking('rejected', 7, seatIds[1]!);
    const oldLive = await booking('reserved', 9, seatIds[2]!);
    const oldCancelled = await booking('cancelled', 9, seatIds[3]!);

    const pruned = await housekeeping.prune(now);
    expect(pruned?.outbox).toBeGreaterThanOrEqual(1);
    expect(pruned?.processedCommands).toBeGreaterThanOrEqual(1);
    expect(pruned?.rejectedBookings).toBeGreaterThanOrEqual(1);

    const outboxRow = `SELECT 1 FROM outbox_messages WHERE id = $1`;
    expect(await exists(outboxRow, oldPublished)).toBe(false);
    expect(await exists(outboxRow, recentPublished)).toBe(true);
    // Never published: the relay still owes it to Kafka, however old it is.
    expect(await exists(outboxRow, oldUnpublished)).toBe(true);

    const decisionRow = `SELECT 1 FROM processed_commands WHERE command_id = $1`;
    expect(await exists(decisionRow, oldDecision)).toBe(false);
    expect(await exists(decisionRow, recentDecision)).toBe(true);

    const bookingRow = `SELECT 1 FROM bookings WHERE id = $1`;
    expect(await exists(bookingRow, oldRejected)).toBe(false);
    expect(await exists(`SELECT 1 FROM booking_seats WHERE booking_id = $1`, oldRejected)).toBe(false);
    expect(await exists(bookingRow, recentRejected)).toBe(true);
    expect(await exists(bookingRow, oldLive)).toBe(true);
    expect(await exists(bookingRow, oldCancelled)).toBe(true);
    expect((await db.query(`SELECT status FROM seats WHERE id = $1`, [seatIds[2]])).rows[0].status).toBe('reserved');
  });

  it('drains a backlog larger than one chunk in one pass', async () => {
    await db.query(
      `INSERT INTO outbox_messages (topic, key, payload, created_at, published_at)
       SELECT $1, 'hk-backlog', '{}', now() - interval '3 days', now() - interval '2 days' FROM generate_series(1, 4500)`,
      [Topic.SeatUpdated],
    );
    const pruned = await housekeeping.prune(new Date());
    expect(pruned?.outbox).toBeGreaterThanOrEqual(4500);
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE key = 'hk-backlog'`)).rows[0].n).toBe(0);
  });

  it('lets one instance prune at a time: while another holds the lock, a pass does nothing', async () => {
    const other = await db.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [HOUSEKEEPING_LOCK_KEY]);
      expect(await housekeeping.prune(new Date())).toBeUndefined();
      await other.query('SELECT pg_advisory_unlock($1)', [HOUSEKEEPING_LOCK_KEY]);
      expect(await housekeeping.prune(new Date())).toBeDefined();
    } finally {
      other.release();
    }
  });
});
