import { Test } from '@nestjs/testing';
import { ConfigModule } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { testDb } from '../../../../test/db';
import { testConfig } from '../../../../test/test-env';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

describe('catalog on real PostgreSQL', () => {
  let db: Pool;
  let close: () => Promise<void>;
  let service: EventsService;

  beforeAll(async () => {
    db = testDb();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig()), DatabaseModule],
      providers: [EventsRepository, EventsService],
    }).compile();
    moduleRef.enableShutdownHooks();
    service = moduleRef.get(EventsService);
    close = () => moduleRef.close();
  });

  afterAll(async () => {
    await close?.();
    await db?.end();
  });

  it('counts availability per tier', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 2, perRow: 5 });
    await db.query(`UPDATE seats SET status = 'reserved' WHERE id = ANY($1)`, [[seatIds[0], seatIds[6]]]);
    await db.query(`UPDATE seats SET status = 'blocked' WHERE id = $1`, [seatIds[9]]);

    const event = await service.get(eventId);
    expect(event.tiers).toEqual([
      { tier: 'VIP', price: 10000, seatsTotal: 5, seatsAvailable: 4 },
      { tier: 'Regular', price: 5000, seatsTotal: 5, seatsAvailable: 3 },
    ]);
    expect(event).toMatchObject({ seatsTotal: 10, seatsAvailable: 7, priceMin: 5000, priceMax: 10000 });
  });

  it('keeps the counts equal to the seats through inserts, updates of one or many seats, concurrent writers and deletes', async () => {
    const { eventId, seatIds } = await buildEvent(db, { rows: 4, perRow: 25 });
    const counted = async () =>
      (await db.query(`SELECT tier, status, count FROM event_seat_counts WHERE event_id = $1 AND count > 0 ORDER BY 1, 2`, [eventId])).rows;
    const actual = async () =>
      (await db.query(`SELECT tier, status, count(*)::int AS count FROM seats WHERE event_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [eventId])).rows;
    expect(await counted()).toEqual(await actual());

    const statuses = ['available', 'reserved', 'paid', 'confirmed', 'blocked'];
    // Ten writers at once on the same counts, each changing handfuls of its own seats (some to the status they already have).
    await Promise.all(
      Array.from({ length: 10 }, async (_, writer) => {
        for (let round = 0; round < 10; round += 1) {
          const picked = seatIds.filter((_, i) => i % 10 === writer && (i + round) % 3 !== 0);
          await db.query(`UPDATE seats SET status = $2 WHERE id = ANY($1)`, [picked, statuses[(writer + round) % statuses.length]]);
        }
      }),
    );
    await db.query(`UPDATE seats SET status = 'reserved' WHERE id = $1`, [seatIds[0]]);
    await db.query(`UPDATE seats SET updated_at = now() WHERE event_id = $1`, [eventId]);
    await db.query(`DELETE FROM seats WHERE id = ANY($1)`, [seatIds.slice(90)]);
    expect(await counted()).toEqual(await actual());

    const event = await service.get(eventId);
    expect(event.seatsTotal).toBe(90);
    expect(event.seatsAvailable).toBe((await actual()).filter((row) => row.status === 'available').reduce((sum, row) => sum + row.count, 0));
  });
});
