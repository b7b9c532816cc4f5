import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { ContractViolation, type Topic } from '@seatstorm/contracts';
import { correlationIdIn, withCorrelation, withCorrelations } from '@seatstorm/observability';
import { Kafka, type Admin, type Consumer, type ConsumerRunConfig, type KafkaMessage } from 'kafkajs';
import { trackConsumerLag } from './consumer-lag';
import { restartWhenGivenUp } from './consumer-restart';
import { kafkaClientConfig, kafkaIdOf } from './kafka-options';
import { deploymentOf, isForeign } from './deployment';
import { parseValue, validatePayload, type DecodedMessage } from './message-codec';
import { KAFKA_SERVICE } from './kafka-service.token';

export interface ConsumeOptions {
  /** Consumer group suffix; the group is `<KAFKA_CLIENT_ID>-<group>`. Defaults to the service name. */
  group?: string;
  /** Where a new group starts: the earliest offset or the latest; KAFKA_AUTO_OFFSET_RESET by default. */
  fromBeginning?: boolean;
  /** How many partitions are handled at once (kafkajs' partitionsConsumedConcurrently). */
  concurrency?: number;
  /**
   * Sees each message's parsed JSON before it is validated: a message it
   * answers false for is skipped unvalidated. For a consumer that needs a few
   * of many messages (a gateway waits for its own commands' decisions only).
   */
  wants?: (raw: unknown) => boolean;
}

export interface BatchContext {
  partition: number;
  /** Keeps the group membership alive during long work. */
  heartbeat(): Promise<void>;
}

const JOIN_TIMEOUT_MS = 30_000;

/**
 * Typed consumers. Every message handed on is validated against its topic's
 * contract; a message that breaks it is logged and skipped, never retried forever. A
 * handler that throws is retried by kafkajs from the last committed offset,
 * so handlers must be idempotent (at-least-once delivery).
 */
@Injectable()
export class MessageConsumers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MessageConsumers.name);
  private readonly kafka: Kafka;
  private readonly consumers: Consumer[] = [];
  /** Takes each consumer's group back from the lag gauge (consumer-lag.ts). */
  private readonly untrackLag: Array<() => void> = [];
  private admin?: Admin;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(KAFKA_SERVICE) private readonly service: string,
  ) {
    this.kafka = new Kafka(kafkaClientConfig(config, `${service}-consumer`));
  }

  /** Handles messages one at a time per partition, in offset order, each inside its correlation id. */
  async consume<T extends Topic>(topic: T, options: ConsumeOptions, onMessage: (message: DecodedMessage<T>) => Promise<void>): Promise<void> {
    await this.launch(topic, options, () => ({
      partitionsConsumedConcurrently: options.concurrency ?? 1,
      eachMessage: async ({ partition, message }) => {
        const decoded = this.decode(topic, partition, message, options.wants);
        if (decoded) await withCorrelation(correlationIdIn(decoded.headers), () => onMessage(decoded));
      },
    }));
  }

  /**
   * Handles each fetched batch of a partition as one unit: offsets are
   * committed only after `onBatch` resolves, so a crash replays the whole batch.
   * It runs inside its messages' correlation ids (withCorrelations): what it
   * produces for one message of several must say whose (correlationHeaders).
   */
  async consumeBatches<T extends Topic>(
    topic: T,
    options: ConsumeOptions,
    onBatch: (messages: Array<DecodedMessage<T>>, context: BatchContext) => Promise<void>,
  ): Promise<void> {
    await this.launch(topic, options, (consumer) => ({
      partitionsConsumedConcurrently: options.concurrency ?? 1,
      eachBatchAutoResolve: false,
      autoCommit: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const decoded = batch.messages.flatMap((message) => this.decode(topic, batch.partition, message, options.wants) ?? []);
        if (decoded.length > 0) {
          await withCorrelations(
            decoded.map((message) => correlationIdIn(message.headers)),
            () => onBatch(decoded, { partition: batch.partition, heartbeat }),
          );
        }
        const last = batch.messages[batch.messages.length - 1];
        if (last) resolveOffset(last.offset);
        await consumer.commitOffsets([{ topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
      },
    }));
  }

  /**
   * Consumers stop before anything they feed is torn down (Nest disposes the
   * HTTP and socket.io adapters between this hook and onApplicationShutdown),
   * so no handler runs against a closed socket server or Redis connection.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const untrack of this.untrackLag.splice(0)) untrack();
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
    await this.admin?.disconnect();
  }

  /** Starts a consumer and keeps it running (consumer-restart.ts). */
  private async launch(topic: Topic, options: ConsumeOptions, runConfig: (consumer: Consumer) => ConsumerRunConfig): Promise<void> {
    const consumer = await this.start(topic, options);
    const joined = this.joined(consumer, topic, options);
    restartWhenGivenUp(consumer, {
      resume: async () => {
        await consumer.connect();
        await consumer.run(runConfig(consumer));
      },
      stopping: () => this.stopping,
      logger: this.logger,
      what: { topic },
    });
    await consumer.run(runConfig(consumer));
    await joined;
  }

  private async start(topic: Topic, options: ConsumeOptions): Promise<Consumer> {
    const groupId = kafkaIdOf(this.config, options.group ?? this.service);
    const consumer = this.kafka.consumer({
      groupId,
      maxWaitTimeInMs: this.config.KAFKA_CONSUMER_MAX_WAIT_MS,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 10_000,
      allowAutoTopicCreation: false,
    });
    this.consumers.push(consumer);
    this.untrackLag.push(trackConsumerLag(this.config, groupId, [topic]));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: this.startsAtBeginning(options) });
    return consumer;
  }

  private startsAtBeginning(options: ConsumeOptions): boolean {
    return options.fromBeginning ?? this.config.KAFKA_AUTO_OFFSET_RESET === 'earliest';
  }

  /**
   * "Start at the end" must hold at the group's first start only: commit the
   * current end of every assigned partition the group has no offset for yet,
   * so that a restart resumes where it stopped, even on partitions that had no
   * traffic before it went away (Kafka's plain `latest` would skip what came
   * meanwhile).
   */
  private async anchorAtEnd(consumer: Consumer, groupId: string, topic: Topic): Promise<void> {
    this.admin ??= this.kafka.admin();
    await this.admin.connect();
    const [committed] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
    const unanchored = new Set((committed?.partitions ?? []).filter((p) => p.offset === '-1').map((p) => p.partition));
    if (unanchored.size === 0) return;
    const ends = await this.admin.fetchTopicOffsets(topic);
    await consumer.commitOffsets(ends.filter((end) => unanchored.has(end.partition)).map((end) => ({ topic, partition: end.partition, offset: end.high })));
  }

  /** Resolves once the group has assigned partitions, so nothing sent after start-up is missed. */
  private joined(consumer: Consumer, topic: Topic, options: ConsumeOptions): Promise<void> {
    const groupId = kafkaIdOf(this.config, options.group ?? this.service);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn({ topic }, 'consumer has not joined its group yet; continuing');
        resolve();
      }, JOIN_TIMEOUT_MS);
      consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        const anchored = this.startsAtBeginning(options) ? Promise.resolve() : this.anchorAtEnd(consumer, groupId, topic);
        anchored.catch((error: unknown) => this.logger.warn({ topic, err: String(error) }, 'could not anchor a new group at the end')).finally(resolve);
      });
    });
  }

  private decode<T extends Topic>(topic: T, partition: number, message: KafkaMessage, wants?: (raw: unknown) => boolean): DecodedMessage<T> | undefined {
    if (isForeign(message.headers, deploymentOf(this.config))) return undefined;
    try {
      const raw = parseValue(message.value);
      if (wants && !wants(raw)) return undefined;
      return {
        topic,
        payload: validatePayload(topic, raw),
        key: message.key?.toString('utf8') ?? null,
        partition,
        offset: message.offset,
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).flatMap(([name, value]) =>
            value === undefined ? [] : [[name, Array.isArray(value) ? value.join(',') : value.toString()]],
          ),
        ),
        timestamp: Number(message.timestamp),
      };
    } catch (error) {
      const reason = error instanceof ContractViolation ? error.message : `not JSON: ${String(error)}`;
      this.logger.error({ topic, partition, offset: message.offset, reason }, 'skipping a message that breaks its contract');
      return undefined;
    }
  }
}
