import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import { LoggingModule } from '@seatstorm/observability';
import { RedisModule } from '@seatstorm/redis';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { DocsModule } from './docs/docs.module';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { TicketsModule } from './tickets/tickets.module';
import { WaitingListModule } from './waiting-list/waiting-list.module';
import { WaitingRoomModule } from './waiting-room/waiting-room.module';

/** The public edge: REST and socket.io. It owns no data; it asks the services over Kafka. */
@Module({})
export class GatewayModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        AnalyticsModule,
        AuthModule,
        BookingsModule,
        DocsModule,
        EventsModule,
        HealthModule,
        LiveModule,
        MetricsModule,
        NotificationsModule,
        RateLimitsModule,
        TicketsModule,
        WaitingListModule,
        WaitingRoomModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
