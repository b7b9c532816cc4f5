import { SocketEvent, Topic, type SeatUpdated } from '@seatstorm/contracts';
import { encodeMessage, kafkaIdOf } from '@seatstorm/kafka';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { connectSocket, received } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';
import { liveSeatDeltas } from './live.metrics';

/** Long enough to stop the gateway while it holds the tick's second change. */
const TICK_MS = 4_000;

/**
 * The relay's offsets are what another gateway instance resumes from when
 * this one stops or dies. A seat change the coalescer still holds for its
 * tick must not be committed yet, or the instance that takes the partition
 * over skips it, and every watcher's version chain has a gap that never
 * closes.
 */
describe('a gateway that stops while it holds a tick of seat changes', () => {
  let stack: TestStack;
  let db: Pool;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  let closed = false;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['catalog', 'gateway'], env: { LIVE_TICK_MS: String(TICK_MS) } });
    kafka = new Kafka({ clientId: 'relay-handover-test', brokers: stack.config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    if (!closed) await stack?.close();
    await db?.end();
  });

  const delayed = async () => (await liveSeatDeltas.get()).values.find((value) => value.labels.outcome === 'delayed')?.value ?? 0;

  async function committed(partition: number): Promise<bigint> {
    const [topic] = await admin.fetchOffsets({ groupId: kafkaIdOf(stack.config, 'gateway-live-seats'), topics: [Topic.SeatUpdated] });
    return BigInt(topic?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1');
  }

  it('commits no offset past a change it has not sent, and sends what it holds before it stops', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const watcher = await connectSocket(stack.url);
    expect(await watcher.emitWithAck('subscribe', { eventId })).toEqual({ version: 0 });
    const deltas = received(watcher, SocketEvent.SeatUpdated);
    const delta = (version: number): SeatUpdated => ({
      eventId,
      baseVersion: version - 1,
      version,
      changes: [{ seatId: seatIds[version - 1]!, status: 'reserved', bookingId: `bkg_handover_${version}` }],
    });
    const publish = async (version: number) => {
      const [written] = await producer.send({ topic: Topic.SeatUpdated, messages: [encodeMessage(Topic.SeatUpdated, delta(version))] });
      return { partition: written!.partition, offset: BigInt(written!.baseOffset!) };
    };

    await publish(1);
    await eventually(
      async () => deltas.map((d) => d.version),
      (versions) => versions.includes(1),
    );
    const heldBefore = await delayed();
    const second = await publish(2);
    // Consumed and held for the rest of the tick: not yet on the watcher's socket.
    await eventually(delayed, (count) => count > heldBefore);
    expect(deltas.map((d) => d.version)).toEqual([1]);
    // Give an eager commit every chance to happen; none may pass the held change.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await committed(second.partition)).toBeLessThanOrEqual(second.offset);

    // Stopped mid-tick (SIGTERM): what it holds goes out before the gateway goes.
    closed = true;
    const stopping = stack.close();
    await eventually(
      async () => deltas.map((d) => d.version),
      (versions) => versions.includes(2),
      TICK_MS + 5_000,
    );
    await stopping;
    expect(deltas.map((d) => d.version)).toEqual([1, 2]);
    // kafkajs commits nothing more once a consumer is stopping: the change stays uncommitted, and the
    // instance that takes the partition over sends it again, a duplicate the chain drops. Never a gap.
    expect(await committed(second.partition)).toBeLessThanOrEqual(second.offset + 1n);
    watcher.close();
  });
});
