import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorBodySchema, queuePlaceSchema } from '@seatstorm/contracts';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

/** A Redis of this test's own, which it may stop and start: the shared one serves every other test. */
class PrivateRedis {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'seatstorm-redis-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // Appending every write, as a production waiting room's Redis should (docs/architecture.md §8).
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', this.dir], {
      stdio: 'ignore',
    });
    await eventually(async () => {
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    }, Boolean);
  }

  async stop(): Promise<void> {
    const running = this.process;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the waiting room through a Redis restart', () => {
  let db: Pool;
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    db = testDb();
    redis = new PrivateRedis(await freePort());
    await redis.start();
    stack = await startStack({ services: ['catalog', 'booking', 'gateway'], env: { REDIS_URL: redis.url, WAITING_ROOM_TICK_MS: '200' } });
  });

  afterAll(async () => {
    await stack?.close();
    await redis?.remove();
    await db?.end();
  });

  it('says the room is unavailable and lets nobody in while Redis is away, then finds every place again', async () => {
    const event = await buildEvent(db);
    await db.query(`UPDATE events SET waiting_room_enabled = true, admission_paused = true WHERE id = $1`, [event.eventId]);
    const buyers = await buildUsers(db, stack.config, 3);
    const queue = (buyer: BuiltUser, method = 'GET') => call(`${stack.url}/events/${event.eventId}/queue`, { method, token: buyer.token });
    for (const buyer of buyers) expect((await queue(buyer, 'POST')).status).toBe(200);

    await redis.stop();
    const unavailable = await eventually(
      () => queue(buyers[0]!),
      (answer) => answer.status !== 200,
    );
    expect(unavailable.status).toBe(503);
    expect(errorBodySchema.parse(unavailable.body).error).toBe('WAITING_ROOM_UNAVAILABLE');
    const hold = await call(`${stack.url}/bookings`, { token: buyers[0]!.token, body: { eventId: event.eventId, seatIds: [event.seatIds[0]] } });
    expect([403, 503]).toContain(hold.status);
    expect((await db.query(`SELECT count(*)::int AS n FROM bookings WHERE event_id = $1`, [event.eventId])).rows[0].n).toBe(0);

    await redis.start();
    const back = await eventually(
      () => queue(buyers[2]!),
      (answer) => answer.status === 200,
      15_000,
    );
    expect(queuePlaceSchema.parse(back.body)).toMatchObject({ status: 'waiting', ticket: 3, ahead: 2 });
  });
});
