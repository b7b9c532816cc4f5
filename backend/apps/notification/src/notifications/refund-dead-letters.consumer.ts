import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topic } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { NotificationsService } from './notifications.service';

/**
 * The notification service's edge on `Topic.PaymentDlq` (consumer group
 * `notification-dead-letters`): a refund's dead letter tells its owner the
 * refund is delayed.
 */
@Injectable()
export class RefundDeadLettersConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly notifications: NotificationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.consume(Topic.PaymentDlq, { group: 'notification-dead-letters' }, ({ payload }) => this.notifications.notifyRefundDelayed(payload));
  }
}
