import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import { LoggingModule } from '@seatstorm/observability';
import { NotificationsModule } from './notifications/notifications.module';

/** Tells people what happened to their bookings: stored, pushed on `Topic.NotificationCreated`, listed on request. */
@Module({})
export class NotificationModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), DatabaseModule, NotificationsModule],
    };
  }
}
