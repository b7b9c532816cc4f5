import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import { LoggingModule } from '@seatstorm/observability';
import { SalesAnalyticsModule } from './analytics/analytics.module';

/** Live sales analytics for organisers: counted from `Topic.BookingEvents`, answered on request, pushed on `Topic.AnalyticsUpdated`. */
@Module({})
export class AnalyticsAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AnalyticsAppModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), DatabaseModule, SalesAnalyticsModule],
    };
  }
}
