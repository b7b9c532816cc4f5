import { randomUUID } from 'node:crypto';
import { bookingCommands, type BookingCommand } from '@seatstorm/contracts';
import { PRODUCER_SETTINGS } from '@seatstorm/kafka';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { Latency } from '../load/histogram';
import { log } from '../report';
import type { Baselines } from '../results';

const PARTITIONS = 12;
/** A fresh broker's JIT is cold: its first second ran at a fifth of its later rate here. */
const WARMUP_SECONDS = 1;
const DRAIN_TIMEOUT_MS = 15_000;
const POLL_MS = 20;

const now = () => performance.timeOrigin + performance.now();

/** What a hold command looks like on the wire, plus the producer's send time (ms since the epoch, sub-millisecond). */
type StampedCommand = BookingCommand & { sentAt: number };

/**
 * A bare kafkajs round trip: one producer sends hold-command-sized messages
 * (acks from all replicas, one request of `batch` messages in flight, the
 * project's producer settings) to a 12-partition topic of the run's own,
 * and one consumer of a fresh group reads them back. After a second of
 * warm-up that is not counted, it produces for `seconds`, or exactly
 * `messages` when given. The producer does not wait for the consumer: when
 * the consumer is the slower side, its backlog shows in the latency. The
 * topic and the group are deleted at the end.
 */
export async function measureRawKafka({
  brokers,
  seconds = 4,
  messages,
  batch = 100,
}: {
  brokers: string[];
  seconds?: number;
  messages?: number;
  batch?: number;
}): Promise<Baselines['kafka']> {
  const run = randomUUID().slice(0, 8);
  const topic = `bench.raw-kafka.${run}`;
  const groupId = `bench-raw-kafka-${run}`;
  const kafka = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }], waitForLeaders: true });
    const receiver = await startReceiver(kafka, topic, groupId);
    try {
      log(`raw Kafka: produce → consume, ${messages === undefined ? `${seconds} s` : `${messages} messages`} in requests of ${batch}…`);
      const warmup = await produce(kafka, topic, batch, { until: performance.now() + WARMUP_SECONDS * 1000 });
      await receiver.drain(warmup.count);
      receiver.reset();
      const sent = await produce(kafka, topic, batch, messages === undefined ? { until: performance.now() + seconds * 1000 } : { count: messages });
      await receiver.drain(sent.count);
      return {
        messagesPerSecond: (sent.count * 1000) / (receiver.lastReceivedAt() - sent.firstSentAt),
        roundTripLatency: receiver.latency().summary(),
        batch,
      };
    } finally {
      await receiver.stop();
      await admin.deleteGroups([groupId]);
    }
  } finally {
    await admin.deleteTopics({ topics: [topic] }).finally(() => admin.disconnect());
  }
}

/** Sends requests of `batch` messages one after the other, spread evenly over the partitions, until the time or the count is reached. */
async function produce(
  kafka: Kafka,
  topic: string,
  batch: number,
  limit: { until: number } | { count: number },
): Promise<{ count: number; firstSentAt: number }> {
  const producer = kafka.producer(PRODUCER_SETTINGS);
  await producer.connect();
  const more = (count: number) => ('count' in limit ? count < limit.count : performance.now() < limit.until);
  const firstSentAt = now();
  let count = 0;
  try {
    while (more(count)) {
      const size = 'count' in limit ? Math.min(batch, limit.count - count) : batch;
      const sentAt = now();
      const messages = Array.from({ length: size }, (_, i): Message => ({
        partition: (count + i) % PARTITIONS,
        value: JSON.stringify(holdCommand(count + i, sentAt)),
      }));
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
      count += size;
    }
  } finally {
    await producer.disconnect();
  }
  return { count, firstSentAt };
}

/** About 300 bytes, like the gateway's hold commands (ids of 20 characters after the prefix, as it makes them). */
function holdCommand(n: number, sentAt: number): StampedCommand {
  const id = (prefix: string, value: number) => `${prefix}_${String(value).padStart(20, '0')}`;
  const eventId = `evt_raw_${n % 24}`;
  const seatIds = [`${eventId}_A${n % 100}`, `${eventId}_A${(n + 1) % 100}`];
  const command = bookingCommands.hold(
    { commandId: id('hold', n), eventId, bookingId: id('bkg', n), userId: id('usr', n % 200), seatIds },
    5000,
    new Date(sentAt),
  );
  return { ...command, sentAt };
}

interface Receiver {
  /** Send → receive, one sample per message. */
  latency(): Latency;
  lastReceivedAt(): number;
  /** Forgets what arrived so far. */
  reset(): void;
  /** Resolves once `count` messages have arrived; fails after DRAIN_TIMEOUT_MS. */
  drain(count: number): Promise<void>;
  stop(): Promise<void>;
}

/** A consumer of a fresh group, joined before anything is sent, so no message waits for the group to form. */
async function startReceiver(kafka: Kafka, topic: string, groupId: string): Promise<Receiver> {
  let latency = new Latency();
  let lastReceivedAt = Number.NaN;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) => {
    const stopListening = consumer.on(consumer.events.GROUP_JOIN, () => {
      stopListening();
      resolve();
    });
  });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const { sentAt } = JSON.parse(message.value?.toString() ?? '{}') as Partial<StampedCommand>;
        lastReceivedAt = now();
        if (sentAt !== undefined) latency.record(lastReceivedAt - sentAt);
      }
    },
  });
  await joined;
  return {
    latency: () => latency,
    lastReceivedAt: () => lastReceivedAt,
    reset: () => {
      latency = new Latency();
    },
    drain: async (count) => {
      const giveUpAt = Date.now() + DRAIN_TIMEOUT_MS;
      while (latency.count < count) {
        if (Date.now() > giveUpAt) throw new Error(`only ${latency.count} of ${count} messages came back within ${DRAIN_TIMEOUT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    stop: () => consumer.disconnect(),
  };
}
