import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { RpcClientModule } from '@seatstorm/kafka';
import { NotificationsController } from './notifications.controller';

@Module({
  imports: [RpcClientModule.register([RpcPattern.NotificationList])],
  controllers: [NotificationsController],
})
export class NotificationsModule {}
