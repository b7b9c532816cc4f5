import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import type { Topic, TopicPayload } from '@seatstorm/contracts';
import { Kafka, type Producer } from 'kafkajs';
import { kafkaClientConfig, PRODUCER_SETTINGS } from './kafka-options';
import { DEPLOYMENT_HEADER, deploymentOf } from './deployment';
import { encodeMessage, MAX_MESSAGE_BYTES, sizeOf, type EncodedMessage } from './message-codec';
import { KAFKA_SERVICE } from './kafka-service.token';

interface PendingSend {
  messages: readonly EncodedMessage[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Waiting sends joined into one round stay under this many messages (one
 * send alone may be larger); each round goes out in requests bounded in bytes
 * (byteBounded).
 */
const MAX_MESSAGES_PER_REQUEST = 1000;

/**
 * Typed, validated publishing, in order per partition (PRODUCER_SETTINGS);
 * acks=all waits for the broker to persist each batch.
 */
@Injectable()
export class MessageProducer implements OnApplicationShutdown {
  private readonly producer: Producer;
  private connected?: Promise<void>;
  private readonly deployment: string;
  /** Sends waiting for the request in flight to finish. */
  private readonly waiting: PendingSend[] = [];
  private draining = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(KAFKA_SERVICE) service: string) {
    this.deployment = deploymentOf(config);
    this.producer = new Kafka(kafkaClientConfig(config, `${service}-producer`)).producer(PRODUCER_SETTINGS);
  }

  async publish<T extends Topic>(topic: T, payloads: ReadonlyArray<TopicPayload<T>>, headers?: Record<string, string>): Promise<void> {
    await this.send(payloads.map((payload) => encodeMessage(topic, payload, headers)));
  }

  /**
   * Sends already-encoded messages, in order. One request is in flight at a
   * time (PRODUCER_SETTINGS); sends that arrive meanwhile leave together in
   * the next one, so many concurrent callers (the gateway's hold requests)
   * share round trips instead of queueing one request each. A request that
   * fails fails every send in it.
   */
  send(messages: readonly EncodedMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ messages, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.waiting.length > 0) {
      const sends = this.nextRequest();
      try {
        await this.connect();
        for (const request of byteBounded(sends.flatMap((pending) => pending.messages))) await this.sendBatch(request);
        for (const pending of sends) pending.resolve();
      } catch (error) {
        for (const pending of sends) pending.reject(error);
      }
    }
    this.draining = false;
  }

  /** The waiting sends that make up the next request: at least one, then as many as stay under the cap. */
  private nextRequest(): PendingSend[] {
    let taken = 0;
    let messages = 0;
    for (const pending of this.waiting) {
      if (taken > 0 && messages + pending.messages.length > MAX_MESSAGES_PER_REQUEST) break;
      taken += 1;
      messages += pending.messages.length;
    }
    return this.waiting.splice(0, taken);
  }

  private async sendBatch(messages: readonly EncodedMessage[]): Promise<void> {
    const byTopic = new Map<Topic, EncodedMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic);
      if (list) list.push(message);
      else byTopic.set(message.topic, [message]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map(({ key, value, headers }) => ({ key, value, headers: { ...headers, [DEPLOYMENT_HEADER]: this.deployment } })),
      })),
    });
  }

  private connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }
}

/**
 * Cuts messages, in order, into requests of at most MAX_MESSAGE_BYTES each
 * (one larger message goes alone, for the broker to judge): the broker
 * refuses a partition's share of a request over its message.max.bytes, and a
 * refused request fails every message in it.
 */
function byteBounded(messages: readonly EncodedMessage[]): EncodedMessage[][] {
  const requests: EncodedMessage[][] = [];
  let current: EncodedMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = sizeOf(message);
    if (current.length > 0 && bytes + size > MAX_MESSAGE_BYTES) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
