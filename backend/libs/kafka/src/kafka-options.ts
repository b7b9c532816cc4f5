import type { AppConfig } from '@seatstorm/config';
import { RPC_REPLY_MAX_BYTES } from '@seatstorm/contracts';
import { CompressionTypes, logLevel, type KafkaConfig } from 'kafkajs';

/**
 * Broker connection settings shared by every client. kafkajs is told to log
 * only warnings and errors; Nest routes them through the app's logger.
 */
export function kafkaClientConfig(config: AppConfig, service: string): KafkaConfig {
  return {
    clientId: kafkaIdOf(config, service),
    brokers: config.KAFKA_BROKERS,
    logLevel: logLevel.WARN,
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

/** Large replies (seat snapshots) compress roughly tenfold. */
export const RPC_SEND_SETTINGS = { compression: CompressionTypes.GZIP } as const;
