import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { KafkaModule, RpcClientModule } from '@seatstorm/kafka';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({
  imports: [
    RpcClientModule.register([
      RpcPattern.CatalogListEvents,
      RpcPattern.CatalogGetEvent,
      RpcPattern.CatalogGetSeats,
      RpcPattern.CatalogCreateEvent,
    ]),
    KafkaModule.forService('gateway'),
  ],
  controllers: [EventsController],
  providers: [EventsService],
})
export class EventsModule {}
