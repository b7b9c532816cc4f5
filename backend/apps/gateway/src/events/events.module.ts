import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { KafkaModule, RpcClientModule } from '@seatstorm/kafka';
import { SeatSnapshotCache } from '@seatstorm/redis';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { VenuesController } from './venues.controller';

/**
 * The catalog's REST edge: events and, for the admin, venues. They share one
 * RpcClient: a client's reply consumer group is named after the services it
 * calls, and two clients of one group with different reply topics would take
 * each other's partitions.
 */
@Module({
  imports: [
    RpcClientModule.register([
      RpcPattern.CatalogListEvents,
      RpcPattern.CatalogGetEvent,
      RpcPattern.CatalogGetSeats,
      RpcPattern.CatalogCreateEvent,
      RpcPattern.CatalogUpdateEvent,
      RpcPattern.CatalogListVenues,
    ]),
    KafkaModule.forService('gateway'),
  ],
  controllers: [EventsController, VenuesController],
  providers: [EventsService, SeatSnapshotCache],
})
export class EventsModule {}
