import { Test } from '@nestjs/testing';
import { ConfigModule } from '@seatstorm/config';
import { Topic, type BookingCommand, type SeatUpdated } from '@seatstorm/contracts';
import { DatabaseModule } from '@seatstorm/database';
import { KafkaModule } from '@seatstorm/kafka';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdCommand } from '../../../../test/builders/command.builder';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { testConfig, uniqueId } from '../../../../test/test-env';
import { BookingsRepository } from '../bookings/bookings.repository';
import { BookingsService } from '../bookings/bookings.service';
import { OutboxRelay } from './outbox.relay';
import { OutboxRepository } from './outbox.repository';

/** Kafka refuses a message over its message.max.bytes (1 MiB by default); no message may stop the relay for good. */
describe('the outbox relay with messages too large for Kafka', () => {
  let db: Pool;
  let service: BookingsService;
  let relay: OutboxRelay;
  let seatUpdates: KafkaProbe<typeof Topic.SeatUpdated>;
  let close: () => Promise<void>;
  const config = testConfig();

  beforeAll(async () => {
    db = testDb();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule, KafkaModule.forService('booking')],
      providers: [BookingsRepository, BookingsService, OutboxRepository, OutboxRelay],
    }).compile();
    await moduleRef.init();
    service = moduleRef.get(BookingsService);
    relay = moduleRef.get(OutboxRelay);
    close = () => moduleRef.close();
    seatUpdates = await KafkaProbe.start(config, Topic.SeatUpdated);
  });

  afterAll(async () => {
    await seatUpdates?.close();
    await close?.();
    await db?.end();
  });

  const outboxOf = async (key: string) =>
    (
      await db.query<{ topic: string; payload: SeatUpdated; bytes: number; published: boolean; failure: string | null }>(
        `SELECT topic, payload, octet_length(payload::text) AS bytes, published_at IS NOT NULL AS published, failure
           FROM outbox_messages WHERE key = $1 ORDER BY id`,
        [key],
      )
    ).rows;

  it('an admin blocking 20,000 seats in one batch is announced in chained deltas, and what follows is published', { timeout: 120_000 }, async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 26, perRow: 800 });
    const [admin, buyer] = await buildUsers(db, config, 2);
    const block = (ids: string[]): BookingCommand => ({
      type: 'set-blocked',
      commandId: uniqueId('cmd'),
      eventId,
      issuedAt: new Date().toISOString(),
      userId: admin!.id,
      seatIds: ids,
      blocked: true,
    });

    await service.decide([block(seatIds.slice(0, 10_000)), block(seatIds.slice(10_000, 20_000))]);
    await service.decide([holdCommand(eventId, buyer!.id, [seatIds[20_000]!])]);

    const outbox = await eventually(
      () => outboxOf(eventId),
      (rows) => rows.length > 0 && rows.every((row) => row.published),
      30_000,
    );
    const deltas = outbox.filter((row) => row.topic === Topic.SeatUpdated);
    expect(deltas.every((row) => row.bytes < 1024 * 1024)).toBe(true);
    const { rows } = await db.query<{ seat_version: number }>(`SELECT seat_version FROM events WHERE id = $1`, [eventId]);
    const finalVersion = rows[0]!.seat_version;
    expect(deltas.map((row) => [row.payload.baseVersion, row.payload.version])).toEqual(Array.from({ length: finalVersion }, (_, i) => [i, i + 1]));
    expect(deltas.flatMap((row) => row.payload.changes).filter((change) => change.status === 'blocked')).toHaveLength(20_000);
    // Kafka carried the chain to its end: the hold's delta.
    await seatUpdates.waitFor((message) => message.eventId === eventId && message.version === finalVersion, 30_000);
  });

  it('a message Kafka can never take is set aside with its reason; the messages behind it go out', { timeout: 60_000 }, async () => {
    const key = uniqueId('evt_test');
    const changes = [{ seatId: `${key}_A1`, status: 'blocked', bookingId: null }];
    const oversized = { eventId: key, baseVersion: 0, version: 1, changes, padding: 'x'.repeat(2 * 1024 * 1024) };
    const next = { eventId: key, baseVersion: 0, version: 1, changes };
    await db.query(`INSERT INTO outbox_messages (topic, key, payload, headers) VALUES ($1, $2, $3::jsonb, '{}'::jsonb), ($1, $2, $4::jsonb, '{}'::jsonb)`, [
      Topic.SeatUpdated,
      key,
      JSON.stringify(oversized),
      JSON.stringify(next),
    ]);

    await relay.flush();

    const [first, second] = await outboxOf(key);
    expect(first).toMatchObject({ published: false, failure: expect.stringContaining('bytes') });
    expect(second).toMatchObject({ published: true, failure: null });
    await seatUpdates.waitFor((message) => message.eventId === key);
    // Set aside for good: the next runs neither retry it nor stop at it.
    await relay.flush();
    expect((await outboxOf(key))[0]).toMatchObject({ published: false, failure: expect.stringContaining('bytes') });
  });
});
