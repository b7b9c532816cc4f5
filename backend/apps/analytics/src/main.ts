import type { INestMicroservice } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { startRpcService } from '@seatstorm/kafka';
import { AnalyticsAppModule } from './analytics-app.module';

/** Starts the analytics service: it counts booking events into sales figures and answers the gateway's requests for them. */
export function startAnalytics(config: AppConfig): Promise<INestMicroservice> {
  return startRpcService(AnalyticsAppModule.forRoot(config), config, 'analytics');
}
