import { Test } from '@nestjs/testing';
import { ConfigModule } from '@seatstorm/config';
import { Topic } from '@seatstorm/contracts';
import { DatabaseModule } from '@seatstorm/database';
import { KafkaModule } from '@seatstorm/kafka';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdCommand } from '../../../../test/builders/command.builder';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { testConfig } from '../../../../test/test-env';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxRepository } from '../outbox/outbox.repository';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';

/**
 * Kafka may hand one batch to two consumers around a rebalance. Two deciders
 * working on the same commands at once must still decide each command once.
 */
describe('the booking core when a command is delivered twice at the same moment', () => {
  let db: Pool;
  let service: BookingsService;
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
    close = () => moduleRef.close();
  });

  afterAll(async () => {
    await close?.();
    await db?.end();
  });

  it('decides it once: one reserved booking, one seat change, the duplicate answered the same', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = await buildUsers(db, config, 1);
    const hold = holdCommand(eventId, user!.id, [seatIds[0]!, seatIds[1]!]);

    await Promise.all([service.decide([hold]), service.decide([hold])]);

    const bookings = await db.query(`SELECT id, status FROM bookings WHERE event_id = $1`, [eventId]);
    expect(bookings.rows).toEqual([{ id: hold.bookingId, status: 'reserved' }]);
    const seats = await db.query(`SELECT status, booking_id FROM seats WHERE id = ANY($1) ORDER BY id`, [[seatIds[0], seatIds[1]]]);
    expect(seats.rows).toEqual([
      { status: 'reserved', booking_id: hold.bookingId },
      { status: 'reserved', booking_id: hold.bookingId },
    ]);
    const outbox = await db.query<{ topic: string; payload: { status?: string; version?: number } }>(
      `SELECT topic, payload FROM outbox_messages WHERE key = $1 ORDER BY id`,
      [eventId],
    );
    expect(outbox.rows.filter((row) => row.topic === Topic.SeatUpdated).map((row) => row.payload.version)).toEqual([1]);
    expect(outbox.rows.filter((row) => row.topic === Topic.BookingEvents).map((row) => row.payload.status)).toEqual(['reserved', 'reserved']);
    expect((await db.query(`SELECT seat_version FROM events WHERE id = $1`, [eventId])).rows).toEqual([{ seat_version: 1 }]);
  });

  it('two deciders with different holds on one seat: exactly one wins', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [alice, bob] = await buildUsers(db, config, 2);
    const first = holdCommand(eventId, alice!.id, [seatIds[2]!]);
    const second = holdCommand(eventId, bob!.id, [seatIds[2]!]);

    await Promise.all([service.decide([first, second]), service.decide([second, first])]);

    const { rows } = await db.query<{ status: string }>(`SELECT status::text FROM bookings WHERE event_id = $1 ORDER BY 1`, [eventId]);
    expect(rows.map((row) => row.status)).toEqual(['rejected', 'reserved']);
    const seat = await db.query(`SELECT b.status FROM seats s JOIN bookings b ON b.id = s.booking_id WHERE s.id = $1`, [seatIds[2]]);
    expect(seat.rows).toEqual([{ status: 'reserved' }]);
  });

  it('holds eight seats at $3M each: the amount, past what 32 bits hold, is stored and announced exactly', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    await db.query(`UPDATE seats SET price = 300000000 WHERE event_id = $1`, [eventId]);
    const [user] = await buildUsers(db, config, 1);
    const hold = holdCommand(eventId, user!.id, seatIds.slice(0, 8));

    await service.decide([hold]);

    const { rows } = await db.query(`SELECT status::text, amount::text FROM bookings WHERE id = $1`, [hold.bookingId]);
    expect(rows).toEqual([{ status: 'reserved', amount: '2400000000' }]);
    const answer = await db.query<{ payload: { amount: number } }>(`SELECT payload FROM outbox_messages WHERE topic = $1 AND payload->>'commandId' = $2`, [
      Topic.BookingEvents,
      hold.commandId,
    ]);
    expect(answer.rows.map((row) => row.payload.amount)).toEqual([2_400_000_000]);
  });
});
