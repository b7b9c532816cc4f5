import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Topic, TOPIC_PARTITIONS } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { AnalyticsService } from './analytics.service';

/**
 * The analytics service's edge on `Topic.BookingEvents` (consumer group
 * `analytics`), a batch at a time: a batch is counted in one transaction,
 * and its offsets are committed after it, so a crash replays it, and the
 * replay counts nothing twice (analytics.rules.ts). A new group starts at
 * KAFKA_AUTO_OFFSET_RESET (the earliest offset by default): deployed on a
 * running system, it counts the bookings the topic still holds.
 */
@Injectable()
export class BookingEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly analytics: AnalyticsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Each partition in flight holds a database connection for its transaction: no more at once than the pool has.
    const concurrency = Math.min(TOPIC_PARTITIONS[Topic.BookingEvents], this.config.DATABASE_POOL_SIZE);
    await this.consumers.consumeBatches(Topic.BookingEvents, { concurrency }, (messages) => this.analytics.count(messages.map((message) => message.payload)));
  }
}
