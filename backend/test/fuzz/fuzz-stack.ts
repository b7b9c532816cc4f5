import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { buildUsers, type BuiltUser } from '../builders/user.builder';
import { testDb } from '../db';
import { startStack, type TestStack } from '../stack';
import { buildWorld, digest, type World } from './world';

/** The whole stack a fuzz file runs against, with the database, Redis and an admin to read and act with. */
export interface FuzzStack {
  stack: TestStack;
  db: Pool;
  redis: Redis;
  admin: BuiltUser;
  world(waitingRoom: boolean): Promise<World>;
  digest(world: World): Promise<unknown>;
  close(): Promise<void>;
}

export async function startFuzzStack(): Promise<FuzzStack> {
  const db = testDb();
  const stack = await startStack({
    services: ['auth', 'catalog', 'booking', 'payment', 'notification', 'gateway'],
    env: {
      // A case's world must not change under it while it runs: no hold of it expires meanwhile.
      HOLD_TTL: '1h',
      // One socket per case, many cases a second: the per-socket budget is tested where it is defined.
      LIVE_HOLD_RATE_LIMIT: '1000000',
    },
  });
  const redis = new Redis(stack.config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const [admin] = (await buildUsers(db, stack.config, 1, 'Fuzz Admin', 'admin')) as [BuiltUser];
  return {
    stack,
    db,
    redis,
    admin,
    world: (waitingRoom) => buildWorld(db, stack.config, admin, waitingRoom),
    digest: (world) => digest(db, redis, stack.config, world),
    async close() {
      await stack.close();
      redis.disconnect();
      await db.end();
    },
  };
}
