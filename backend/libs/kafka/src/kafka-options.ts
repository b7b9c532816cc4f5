import type { AppConfig } from '@seatstorm/config';
import { RPC_REPLY_MAX_BYTES } from '@seatstorm/contracts';
import { CompressionTypes, logLevel, Partitioners, type KafkaConfig, type ProducerConfig } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log';

/**
 * Broker connection settings shared by every client. kafkajs is told to log
 * only warnings and errors, through the app's structured logger.
 */
export function kafkaClientConfig(config: AppConfig, service: string): KafkaConfig {
  return {
    clientId: kafkaIdOf(config, service),
    brokers: config.KAFKA_BROKERS,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 100, retries: 8 },
  };
}

/**
 * Client ids and consumer groups are named after KAFKA_CLIENT_ID, so two
 * deployments (or a test run beside a running stack) sharing one broker never
 * steal each other's messages.
 */
export function kafkaIdOf(config: AppConfig, service: string): string {
  return `${config.KAFKA_CLIENT_ID}-${service}`;
}

/**
 * Low-latency consumer settings for request-reply: the broker answers a fetch
 * as soon as one byte is there, and an idle fetch returns after 100 ms rather
 * than kafkajs' 5 s default so shutdown and rebalances stay quick.
 */
export const RPC_CONSUMER_SETTINGS = {
  maxWaitTimeInMs: 100,
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 10_000,
  maxBytesPerPartition: RPC_REPLY_MAX_BYTES,
  maxBytes: RPC_REPLY_MAX_BYTES * 2,
  allowAutoTopicCreation: false,
} as const;

/**
 * Every producer: acks from all in-sync replicas, one request in flight so a
 * retry cannot reorder a partition, and the murmur2 partitioner Kafka's own
 * clients use, so a key maps to the same partition whoever produces it.
 * Not kafkajs' "idempotent" mode: it would retry forever while the broker is
 * away, and every consumer here de-duplicates (by command id or version) anyway.
 */
export const PRODUCER_SETTINGS = {
  allowAutoTopicCreation: false,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
} as const satisfies ProducerConfig;

/** Large replies (seat snapshots) compress roughly tenfold. */
export const RPC_SEND_SETTINGS = { compression: CompressionTypes.GZIP } as const;
