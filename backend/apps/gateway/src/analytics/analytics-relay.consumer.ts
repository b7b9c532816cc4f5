import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Topic } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { AnalyticsGateway } from './analytics.gateway';

/**
 * `analytics.updated` → the admins' sockets, once in the whole fleet (one
 * group, `gateway-live-analytics`, for every gateway instance). Figures
 * older than LIVE_RELAY_MAX_AGE_MS (a relay catching up after an outage)
 * are not pushed: a newer push or the page's REST read has them.
 */
@Injectable()
export class AnalyticsRelayConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consumers: MessageConsumers,
    private readonly gateway: AnalyticsGateway,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.consume(Topic.AnalyticsUpdated, { group: 'gateway-live-analytics', fromBeginning: false }, async (message) => {
      if (Date.now() - message.timestamp > this.config.LIVE_RELAY_MAX_AGE_MS) return;
      this.gateway.updated(message.payload);
    });
  }
}
