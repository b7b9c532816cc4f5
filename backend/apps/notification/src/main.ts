import type { INestMicroservice } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { startRpcService } from '@seatstorm/kafka';
import { NotificationModule } from './notification.module';

/** Starts the notification service: it consumes booking events and answers the gateway's list requests. */
export function startNotification(config: AppConfig): Promise<INestMicroservice> {
  return startRpcService(NotificationModule.forRoot(config), config, 'notification');
}
