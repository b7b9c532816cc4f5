import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import type { Topic, TopicPayload } from '@seatstorm/contracts';
import { Kafka, type Producer } from 'kafkajs';
import { kafkaClientConfig, PRODUCER_SETTINGS } from './kafka-options';
import { DEPLOYMENT_HEADER, deploymentOf } from './deployment';
import { encodeMessage, type EncodedMessage } from './message-codec';
import { KAFKA_SERVICE } from './kafka-service.token';

/**
 * Typed, validated publishing, in order per partition (PRODUCER_SETTINGS);
 * acks=all waits for the broker to persist each batch.
 */
@Injectable()
export class MessageProducer implements OnApplicationShutdown {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  private readonly deployment: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(KAFKA_SERVICE) service: string) {
    this.deployment = deploymentOf(config);
    this.producer = new Kafka(kafkaClientConfig(config, `${service}-producer`)).producer(PRODUCER_SETTINGS);
  }

  async publish<T extends Topic>(topic: T, payloads: ReadonlyArray<TopicPayload<T>>, headers?: Record<string, string>): Promise<void> {
    await this.send(payloads.map((payload) => encodeMessage(topic, payload, headers)));
  }

  /** Sends already-encoded messages (the outbox relay), in order, in as few requests as possible. */
  async send(messages: readonly EncodedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
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

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }

  private connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }
}
