import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Topic, TOPIC_PARTITIONS } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { NotificationsService } from './notifications.service';

/** The notification service's edge on `Topic.BookingEvents` (consumer group `notification`). */
@Injectable()
export class BookingEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Each partition in flight holds a database connection for its transaction: no more at once than the pool has.
    const concurrency = Math.min(TOPIC_PARTITIONS[Topic.BookingEvents], this.config.DATABASE_POOL_SIZE);
    await this.consumers.consume(Topic.BookingEvents, { concurrency }, ({ payload }) => this.notifications.notify(payload));
  }
}
