import type { AppConfig } from '@seatstorm/config';
import { metricsRegistry } from '@seatstorm/observability';
import { Kafka, type Admin } from 'kafkajs';
import { Gauge } from 'prom-client';
import { kafkaClientConfig } from './kafka-options';

/** A sample younger than this is served again: scrapes of several Prometheus replicas share one. */
const REUSE_SAMPLE_MS = 1_000;
/** A broker that does not answer in time leaves the previous sample in place rather than holding up the scrape. */
const SAMPLE_TIMEOUT_MS = 2_000;

interface LagSample {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

/**
 * The consumer groups this process runs, with the topics each consumes, and
 * how many of its consumers registered each pair (several consumers of one
 * process may share a group). Only these are sampled: a process reports the
 * lag of its own work, not the whole cluster's.
 */
const tracked = new Map<string, Map<string, number>>();
let admin: Admin | undefined;
let adminConfig: AppConfig | undefined;
let connected: Promise<void> | undefined;
let lastSample: { at: number; rows: Promise<LagSample[]> } | undefined;

/**
 * Sampled from the broker when scraped, at most once a second: the group's
 * committed offset against the partition's high watermark, for the groups of
 * this process only. A partition its group never committed on is not
 * reported. Its cost follows the scrape interval (two small admin requests per
 * group and topic), and a process nobody scrapes pays nothing.
 */
export const consumerLag = new Gauge({
  name: 'seatstorm_kafka_consumer_lag',
  help: 'Messages a consumer group of this process has not committed yet (high watermark minus committed offset), by group, topic and partition.',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (tracked.size === 0) {
      this.reset();
      return;
    }
    let rows: LagSample[];
    try {
      rows = await freshSample();
    } catch {
      // The broker away: the last sample stays, as the other sampled gauges do, rather than failing every metric.
      return;
    }
    this.reset();
    for (const row of rows) this.set({ group: row.group, topic: row.topic, partition: String(row.partition) }, row.lag);
  },
});

/**
 * Registers a consumer group of this process and the topics it consumes for
 * the lag gauge; the returned function takes them back (at shutdown). The
 * first registration's broker settings are used for the sampling client.
 */
export function trackConsumerLag(config: AppConfig, groupId: string, topics: readonly string[]): () => void {
  adminConfig ??= config;
  const byTopic = tracked.get(groupId) ?? new Map<string, number>();
  for (const topic of topics) byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
  tracked.set(groupId, byTopic);
  lastSample = undefined;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const topic of topics) {
      const count = (byTopic.get(topic) ?? 1) - 1;
      if (count > 0) byTopic.set(topic, count);
      else byTopic.delete(topic);
    }
    if (byTopic.size === 0) tracked.delete(groupId);
    lastSample = undefined;
    if (tracked.size === 0) {
      adminConfig = undefined;
      void closeAdmin();
    }
  };
}

function freshSample(): Promise<LagSample[]> {
  const now = Date.now();
  if (!lastSample || now - lastSample.at > REUSE_SAMPLE_MS) {
    const rows = withTimeout(sample(), SAMPLE_TIMEOUT_MS);
    lastSample = { at: now, rows };
    rows.catch(() => {
      if (lastSample?.rows === rows) lastSample = undefined;
    });
  }
  return lastSample.rows;
}

async function sample(): Promise<LagSample[]> {
  const client = await connectedAdmin();
  const groups = [...tracked].map(([group, topics]) => ({ group, topics: [...topics.keys()] }));
  const topics = [...new Set(groups.flatMap(({ topics }) => topics))];
  try {
    const ends = new Map(
      await Promise.all(
        topics.map(async (topic) => [topic, new Map((await client.fetchTopicOffsets(topic)).map((end) => [end.partition, BigInt(end.high)]))] as const),
      ),
    );
    const committed = await Promise.all(groups.map(async ({ group, topics }) => ({ group, offsets: await client.fetchOffsets({ groupId: group, topics }) })));
    return committed.flatMap(({ group, offsets }) =>
      offsets.flatMap(({ topic, partitions }) =>
        partitions.flatMap(({ partition, offset }) => {
          const high = ends.get(topic)?.get(partition);
          const at = BigInt(offset);
          if (high === undefined || at < 0n) return [];
          return [{ group, topic, partition, lag: Number(high > at ? high - at : 0n) }];
        }),
      ),
    );
  } catch (error) {
    // Start from a fresh connection next time rather than a half-open one.
    await closeAdmin();
    throw error;
  }
}

function connectedAdmin(): Promise<Admin> {
  if (!adminConfig) return Promise.reject(new Error('no consumer group is tracked'));
  const client = (admin ??= new Kafka({ ...kafkaClientConfig(adminConfig, 'lag'), retry: { retries: 0 } }).admin());
  connected ??= client.connect().catch((error: unknown) => {
    connected = undefined;
    throw error;
  });
  return connected.then(() => client);
}

async function closeAdmin(): Promise<void> {
  const client = admin;
  admin = undefined;
  connected = undefined;
  await client?.disconnect().catch(() => undefined);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
