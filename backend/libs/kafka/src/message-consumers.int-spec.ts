import { Topic, type SeatUpdated } from '@seatstorm/contracts';
import { Kafka, KafkaJSNonRetriableError, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually';
import { testConfig, uniqueId } from '../../../test/test-env';
import { encodeMessage } from './message-codec';
import { MessageConsumers } from './message-consumers';

describe('typed consumers on a real broker', () => {
  const config = testConfig();
  const consumers = new MessageConsumers(config, 'consumers-test');
  const kafka = new Kafka({ clientId: uniqueId('consumers-test'), brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();

  afterAll(async () => {
    await consumers.beforeApplicationShutdown();
    await producer.disconnect();
  });

  it('starts a consumer again after an error kafkajs gives up on, and hands on what it failed with', async () => {
    const eventId = uniqueId('evt_consumer');
    const handled: SeatUpdated[] = [];
    let failures = 0;
    await consumers.consume(Topic.SeatUpdated, { group: uniqueId('consumers-test'), fromBeginning: false }, async ({ payload }) => {
      if (payload.eventId !== eventId) return;
      if (failures === 0) {
        failures += 1;
        // What kafkajs does not restart after: without a restart of our own, nothing would be consumed again.
        throw new KafkaJSNonRetriableError('the group no longer knows this member');
      }
      handled.push(payload);
    });

    await producer.connect();
    const delta = (version: number): SeatUpdated => ({
      eventId,
      baseVersion: version - 1,
      version,
      changes: [{ seatId: `${eventId}_A1`, status: 'reserved', bookingId: 'bkg_x' }],
    });
    await producer.send({ topic: Topic.SeatUpdated, messages: [encodeMessage(Topic.SeatUpdated, delta(1))] });

    await eventually(
      async () => handled.length,
      (count) => count >= 1,
      30_000,
    );
    await producer.send({ topic: Topic.SeatUpdated, messages: [encodeMessage(Topic.SeatUpdated, delta(2))] });
    await eventually(
      async () => handled.map((payload) => payload.version),
      (versions) => versions.includes(2),
      30_000,
    );
    expect(failures).toBe(1);
    expect(handled.map((payload) => payload.version)).toEqual([1, 2]);
  });
});
