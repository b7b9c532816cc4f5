import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { notificationListRpc, parseContract, type Notification } from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { NotificationsService } from './notifications.service';

/** The notification service's request-reply edge on Kafka, for the gateway. */
@Controller()
export class NotificationsConsumer {
  constructor(private readonly notifications: NotificationsService) {}

  @RpcHandler(notificationListRpc)
  list(@Payload() payload: unknown): Promise<Notification[]> {
    const { userId } = parseContract(notificationListRpc.request, payload, 'request');
    return this.notifications.list(userId);
  }
}
