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

  it('counts availability per tier from the seats themselves', async () => {
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
});
