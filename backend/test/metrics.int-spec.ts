import { RpcPattern, Topic, type Booking } from '@seatstorm/contracts';
import { kafkaIdOf, MessageProducer } from '@seatstorm/kafka';
import type { Pool, PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdCommand } from './builders/command.builder';
import { buildEvent } from './builders/event.builder';
import { buildUsers, type BuiltUser } from './builders/user.builder';
import { testDb } from './db';
import { eventually } from './eventually';
import { call } from './http';
import { connectSocket } from './live';
import { scrape, valueOf } from './metrics';
import { startStack, type TestStack } from './stack';

// WARNING: the outbox relay's advisory lock key (outbox.repository.ts); holding it stops every relay.
const RELAY_LOCK_KEY = 7_310_001;

/**
 * The figures an operator watches during an on-sale, read from /metrics as
 * Prometheus reads them, while the stack is made to fall behind on purpose.
 */
describe('operational metrics on /metrics', () => {
  let stack: TestStack;
  let db: Pool;
  let producer: MessageProducer;
  let metrics: string;

  beforeAll(async () => {
    stack = await startStack({ services: ['catalog', 'booking', 'gateway'], env: { RPC_TIMEOUT_MS: '1500' } });
    db = testDb();
    producer = new MessageProducer(stack.config, 'metrics-test');
    metrics = `${stack.url}/metrics`;
  });

  afterAll(async () => {
    await producer?.onApplicationShutdown();
    await stack?.close();
    await db?.end();
  });

  /** Runs `work` while `sql` holds what it locks in a transaction of its own; the lock goes when `work` ends. */
  async function whileLocked<T>(sql: string, params: unknown[], work: () => Promise<T>): Promise<T> {
    const client: PoolClient = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query(sql, params);
      return await work();
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  it('consumer lag: commands the booking group has not committed, per partition, back to 0 once decided', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = await buildUsers(db, stack.config, 1);
    const group = kafkaIdOf(stack.config, 'booking');
    const lagOfGroup = async () =>
      (await scrape(metrics, 'seatstorm_kafka_consumer_lag')).filter((s) => s.labels.group === group && s.labels.topic === Topic.BookingCommands);

    // Every partition of the group is reported once it has joined, at 0.
    expect((await eventually(lagOfGroup, (series) => series.length > 0)).every((s) => s.value === 0)).toBe(true);

    // The event's row locked, as a long transaction would: its commands are fetched and wait, uncommitted.
    const partition = await whileLocked('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId], async () => {
      for (const seatId of seatIds.slice(0, 3)) await producer.publish(Topic.BookingCommands, [holdCommand(eventId, user!.id, [seatId])]);
      const behind = await eventually(lagOfGroup, (series) => series.some((s) => s.value === 3));
      return behind.find((s) => s.value === 3)!.labels.partition!;
    });

    await eventually(lagOfGroup, (series) => valueOf(series, { partition }) === 0);
  });

  it('outbox backlog and age: decisions committed but not yet published, back to 0 once the relay runs', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [user] = await buildUsers(db, stack.config, 1);
    const unpublished = async () =>
      (await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM outbox_messages WHERE published_at IS NULL AND failure IS NULL`)).rows[0]!.count;
    const backlog = async () => valueOf(await scrape(metrics, 'seatstorm_outbox_backlog'));
    expect(await eventually(backlog, (count) => count === 0)).toBe(0);

    await whileLocked('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY], async () => {
      await producer.publish(Topic.BookingCommands, [holdCommand(eventId, user!.id, [seatIds[0]!]), holdCommand(eventId, user!.id, [seatIds[1]!])]);
      // Two holds decided: their booking.updated and at least one seat.updated wait in the outbox.
      await eventually(unpublished, (count) => count >= 3);
      const waiting = await unpublished();
      expect(await backlog()).toBe(waiting);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(valueOf(await scrape(metrics, 'seatstorm_outbox_oldest_age_seconds'))).toBeGreaterThanOrEqual(1);
    });

    expect(await eventually(backlog, (count) => count === 0)).toBe(0);
    expect(valueOf(await scrape(metrics, 'seatstorm_outbox_oldest_age_seconds'))).toBe(0);
  });

  it('live holds: reserved bookings of an event, fewer once one is cancelled, gone once none is left', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const [alice, bob] = await buildUsers(db, stack.config, 2);
    const hold = async (user: BuiltUser, seatId: string) => {
      const { status, body } = await call(`${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds: [seatId] } });
      expect(status).toBe(201);
      return body as Booking;
    };
    const holdsOfEvent = async () => valueOf(await scrape(metrics, 'seatstorm_booking_holds_live'), { event: eventId });

    const first = await hold(alice!, seatIds[0]!);
    const second = await hold(bob!, seatIds[1]!);
    expect(await holdsOfEvent()).toBe(2);

    expect((await call(`${stack.url}/bookings/${first.id}/cancel`, { method: 'PUT', token: alice!.token })).status).toBe(200);
    expect(await holdsOfEvent()).toBe(1);
    expect((await call(`${stack.url}/bookings/${second.id}/cancel`, { method: 'PUT', token: bob!.token })).status).toBe(200);
    const series = await scrape(metrics, 'seatstorm_booking_holds_live');
    expect(series.some((s) => s.labels.event === eventId)).toBe(false);
  });

  it('socket rooms and sockets: a seat map watched opens an event room, closed when its last watcher leaves', async () => {
    const { eventId } = await buildEvent(db);
    const rooms = async () => valueOf(await scrape(metrics, 'seatstorm_live_rooms'), { kind: 'event' });
    const sockets = async () => valueOf(await scrape(metrics, 'seatstorm_live_sockets'), { kind: 'anonymous' });
    const [roomsBefore, socketsBefore] = [await rooms(), await sockets()];

    const watchers = await Promise.all([connectSocket(stack.url), connectSocket(stack.url)]);
    for (const watcher of watchers) expect(await watcher.emitWithAck('subscribe', { eventId })).toEqual({ version: 0 });
    expect(await rooms()).toBe(roomsBefore + 1);
    expect(await sockets()).toBe(socketsBefore + 2);

    for (const watcher of watchers) watcher.close();
    await eventually(rooms, (count) => count === roomsBefore);
    await eventually(sockets, (count) => count === socketsBefore);
  });

  it('request-reply timeouts: a service that does not answer is counted by pattern, as the 503 it causes', async () => {
    const timeouts = async () => valueOf(await scrape(metrics, 'seatstorm_rpc_timeouts_total'), { pattern: RpcPattern.CatalogGetEvent });
    const before = await timeouts();
    await stack.stop('catalog');
    try {
      const { status, body } = await call(`${stack.url}/events/evt_eras`);
      expect(status).toBe(503);
      expect(body).toMatchObject({ error: 'SERVICE_UNAVAILABLE' });
      expect(await timeouts()).toBe(before + 1);
    } finally {
      await stack.start('catalog');
    }
  });
});
