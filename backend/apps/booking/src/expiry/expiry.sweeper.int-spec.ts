import { Test } from '@nestjs/testing';
import { ConfigModule } from '@seatstorm/config';
import type { BookingCommand, Topic, TopicPayload } from '@seatstorm/contracts';
import { DatabaseModule } from '@seatstorm/database';
import { MessageProducer } from '@seatstorm/kafka';
import { holdCommand } from '../../../../test/builders/command.builder';
import type { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { testConfig, uniqueId } from '../../../../test/test-env';
import { BookingsRepository } from '../bookings/bookings.repository';
import { BookingsService } from '../bookings/bookings.service';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ExpiryRepository } from './expiry.repository';
import { ExpirySweeper } from './expiry.sweeper';

/**
 * Keeps what the sweeper asks for instead of sending it, so a test sees every
 * command, and nothing decides them unless the test does; the outbox goes nowhere.
 */
class RecordingProducer {
  readonly commands: BookingCommand[] = [];

  async publish<T extends Topic>(_topic: T, payloads: ReadonlyArray<TopicPayload<T>>): Promise<void> {
    this.commands.push(...(payloads as readonly BookingCommand[]));
  }

  async send(): Promise<void> {}
}

/** This host's clock running `skewMs` behind the database's while `work` runs. */
async function withHostClockBehind<T>(skewMs: number, work: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  class HostDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() - skewMs);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return RealDate.now() - skewMs;
    }
  }
  globalThis.Date = HostDate as DateConstructor;
  try {
    return await work();
  } finally {
    globalThis.Date = RealDate;
  }
}

describe('the expiry sweeper', () => {
  let db: Pool;
  let sweeper: ExpirySweeper;
  let bookings: BookingsService;
  let producer: RecordingProducer;
  let close: () => Promise<void>;
  // The timer stays out of the way: the tests sweep when they choose.
  const config = testConfig({ EXPIRY_SWEEP_INTERVAL_MS: '3600000', HOLD_TTL: '2s' });

  beforeAll(async () => {
    db = testDb();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule],
      providers: [
        ExpiryRepository,
        ExpirySweeper,
        BookingsRepository,
        BookingsService,
        OutboxRepository,
        OutboxRelay,
        { provide: MessageProducer, useClass: RecordingProducer },
      ],
    }).compile();
    await moduleRef.init();
    sweeper = moduleRef.get(ExpirySweeper);
    bookings = moduleRef.get(BookingsService);
    producer = moduleRef.get(MessageProducer);
    close = () => moduleRef.close();
  });

  beforeEach(() => {
    producer.commands.length = 0;
  });

  afterAll(async () => {
    await close?.();
    await db?.end();
  });

  /** A sweep that does not end within `ms` fails the test instead of running on. */
  const sweepWithin = (ms: number): Promise<void> =>
    Promise.race([sweeper.sweep(), new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`the sweep did not end within ${ms} ms`)), ms))]);

  it('asks once for each of 1,200 overdue holds while nothing decides them, not in a loop', { timeout: 60_000 }, async () => {
    const { eventId } = await buildEvent(db);
    const [user] = await buildUsers(db, config, 1);
    await db.query(
      `INSERT INTO bookings (id, event_id, user_id, status, command_id, amount, expires_at)
       SELECT 'bkg_' || $3 || '_' || n, $1, $2, 'reserved', 'cmd_' || $3 || '_' || n, 0, now() - interval '1 minute'
         FROM generate_series(1, 1200) AS n`,
      [eventId, user!.id, uniqueId('storm')],
    );
    const asked = () => producer.commands.filter((command) => command.eventId === eventId);

    await sweepWithin(20_000);
    expect(asked()).toHaveLength(1200);
    expect(new Set(asked().map((command) => command.commandId)).size).toBe(1200);

    // The next tick, with the commands still waiting in Kafka: nothing is asked again.
    await sweepWithin(20_000);
    expect(asked()).toHaveLength(1200);
  });

  it("expires a hold when the database clock runs ahead of this host's: one clock decides", { timeout: 60_000 }, async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = await buildUsers(db, config, 1);
    const hold = holdCommand(eventId, user!.id, [seatIds[0]!]);

    const status = await withHostClockBehind(60_000, async () => {
      await bookings.decide([hold]);
      let decided = 0;
      // As the booking service would: the sweeper asks, the booking core decides what it asked.
      return eventually(
        async () => {
          await sweeper.sweep();
          const asked = producer.commands.filter((command) => command.eventId === eventId);
          await bookings.decide(asked.slice(decided));
          decided = asked.length;
          return (await db.query<{ status: string }>(`SELECT status::text FROM bookings WHERE id = $1`, [hold.bookingId])).rows[0]?.status;
        },
        (value) => value === 'expired',
        15_000,
        200,
      );
    });
    expect(status).toBe('expired');
    expect((await db.query(`SELECT status::text, booking_id FROM seats WHERE id = $1`, [seatIds[0]])).rows).toEqual([
      { status: 'available', booking_id: null },
    ]);
  });
});
