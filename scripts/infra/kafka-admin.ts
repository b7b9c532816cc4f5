import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import type { TopicSpec } from '../../backend/libs/contracts/src/index';
import { pollUntil } from './wait';

const CLIENT_ID = 'seatstorm-infra';

/** Whether a broker at `brokers` answers a metadata request within a couple of seconds. */
export async function kafkaAnswers(brokers: string[]): Promise<boolean> {
  // No retries and short timeouts: this is a probe, called in a loop.
  const kafka = new Kafka({
    clientId: CLIENT_ID,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  });
  return withAdmin(kafka, async (admin) => (await admin.describeCluster()).brokers.length > 0).catch(() => false);
}

export interface TopicsReport {
  total: number;
  created: string[];
  grown: string[];
}

/**
 * Creates the missing topics and adds partitions where a topic has fewer than
 * its spec. Never deletes or shrinks: a topic's data outlives a spec change.
 */
export async function ensureTopics(brokers: string[], specs: readonly TopicSpec[]): Promise<TopicsReport> {
  return withAdmin(adminClient(brokers), async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.name));
    if (missing.length > 0) {
      await admin.createTopics({
        // No replication factor: the broker's default fits both our single
        // node and a bigger cluster someone points KAFKA_BROKERS at.
        topics: missing.map((spec) => ({ topic: spec.name, numPartitions: spec.partitions, configEntries: configEntriesOf(spec) })),
        waitForLeaders: true,
        timeout: 30_000,
      });
    }

    const present = specs.filter((spec) => existing.has(spec.name));
    const partitions = await partitionCounts(
      admin,
      present.map((spec) => spec.name),
    );
    const short = present.filter((spec) => (partitions.get(spec.name) ?? 0) < spec.partitions);
    if (short.length > 0) {
      await admin.createPartitions({
        topicPartitions: short.map((spec) => ({ topic: spec.name, count: spec.partitions })),
        timeout: 30_000,
      });
    }
    // Topic-level configs of topics that already existed follow the spec too
    // (e.g. the reply size limit); setting them again is harmless.
    const configured = present.filter((spec) => spec.configs);
    if (configured.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: configured.map((spec) => ({ type: ConfigResourceTypes.TOPIC, name: spec.name, configEntries: configEntriesOf(spec) })),
      });
    }
    return { total: specs.length, created: missing.map((spec) => spec.name), grown: short.map((spec) => spec.name) };
  });
}

function configEntriesOf(spec: TopicSpec): Array<{ name: string; value: string }> {
  return Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value }));
}

/**
 * Makes the broker create its consumer-offsets topic now. Otherwise the first
 * consumer group of a test run waits for it and kafkajs logs "The group
 * coordinator is not available" while it does. A broker started for the first
 * time answers "no coordinator" for a while: asked again until `timeoutMs`,
 * then the last answer is thrown.
 */
export async function warmUpGroupCoordinator(brokers: string[], timeoutMs = 60_000): Promise<void> {
  let failure: unknown;
  const ready = await pollUntil(
    () =>
      withAdmin(adminClient(brokers), async (admin) => {
        await admin.describeGroups(['seatstorm-infra-warm-up']);
      }).then(
        () => true,
        (error: unknown) => {
          failure = error;
          return false;
        },
      ),
    { timeoutMs, intervalMs: 500 },
  );
  if (!ready) throw failure instanceof Error ? failure : new Error(`no group coordinator within ${timeoutMs / 1000} s`);
}

/** How many of `specs` exist on the broker with at least their partition count. */
export async function countReadyTopics(brokers: string[], specs: readonly TopicSpec[]): Promise<number> {
  return withAdmin(adminClient(brokers), async (admin) => {
    const existing = new Set(await admin.listTopics());
    const names = specs.map((spec) => spec.name).filter((name) => existing.has(name));
    const partitions = await partitionCounts(admin, names);
    return specs.filter((spec) => (partitions.get(spec.name) ?? 0) >= spec.partitions).length;
  });
}

async function partitionCounts(admin: Admin, topics: string[]): Promise<Map<string, number>> {
  if (topics.length === 0) return new Map();
  const metadata = await admin.fetchTopicMetadata({ topics });
  return new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
}

function adminClient(brokers: string[]): Kafka {
  return new Kafka({
    clientId: CLIENT_ID,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { retries: 3 },
  });
}

async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
