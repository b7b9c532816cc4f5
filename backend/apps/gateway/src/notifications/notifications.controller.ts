import { Controller, Get } from '@nestjs/common';
import { RpcPattern, type Notification, type PublicUser } from '@seatstorm/contracts';
import { RpcClient } from '@seatstorm/kafka';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated } from '../auth/roles.decorator';
import { CorrelationId } from '../errors/correlation-id.decorator';

/** The signed-in user's latest notifications, newest first; new ones arrive on the socket as `notification`. */
@Controller('notifications')
@Authenticated()
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@CurrentUser() user: PublicUser, @CorrelationId() correlationId?: string): Promise<Notification[]> {
    return this.rpc.request(RpcPattern.NotificationList, { userId: user.id }, correlationId);
  }
}
