import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Kafka, type Admin } from 'kafkajs';
import { kafkaClientConfig } from './kafka-options';

/** Asks the broker for its cluster metadata; throws when no broker answers. */
@Injectable()
export class KafkaHealth implements OnApplicationShutdown {
  private admin?: Admin;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async ping(): Promise<void> {
    if (!this.admin) {
      const kafka = new Kafka({ ...kafkaClientConfig(this.config, 'health'), retry: { retries: 0 } });
      this.admin = kafka.admin();
    }
    try {
      await this.admin.connect();
      await this.admin.describeCluster();
    } catch (error) {
      // Start from a fresh connection next time rather than a half-open one.
      await this.admin.disconnect().catch(() => undefined);
      this.admin = undefined;
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}
