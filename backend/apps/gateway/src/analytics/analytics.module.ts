import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { KafkaModule, RpcClientModule } from '@seatstorm/kafka';
import { AnalyticsRelayConsumer } from './analytics-relay.consumer';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsGateway } from './analytics.gateway';
import { AnalyticsService } from './analytics.service';

/** Live sales analytics for admins: REST, CSV and the socket (docs/architecture.md §12). */
@Module({
  imports: [RpcClientModule.register([RpcPattern.AnalyticsGetEvent]), KafkaModule.forService('gateway')],
  controllers: [AnalyticsController],
  providers: [AnalyticsService, AnalyticsGateway, AnalyticsRelayConsumer],
})
export class AnalyticsModule {}
