import { Module } from '@nestjs/common';
import { KafkaModule } from '@seatstorm/kafka';
import { AnalyticsConsumer } from './analytics.consumer';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';
import { BookingEventsConsumer } from './booking-events.consumer';

@Module({
  imports: [KafkaModule.forService('analytics')],
  controllers: [AnalyticsConsumer],
  providers: [BookingEventsConsumer, AnalyticsService, AnalyticsRepository],
})
export class SalesAnalyticsModule {}
