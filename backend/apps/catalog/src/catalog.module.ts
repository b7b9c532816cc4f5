import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import { LoggingModule } from '@seatstorm/observability';
import { RedisModule } from '@seatstorm/redis';
import { EventsModule } from './events/events.module';
import { SeatSnapshotsModule } from './seat-snapshots/seat-snapshots.module';
import { VenuesModule } from './venues/venues.module';

/** Venues, events, seat maps and snapshots; answers queries over Kafka request-reply. */
@Module({})
export class CatalogModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CatalogModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), DatabaseModule, RedisModule, EventsModule, SeatSnapshotsModule, VenuesModule],
    };
  }
}
