import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { RpcClientModule } from '@seatstorm/kafka';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({
  imports: [
    RpcClientModule.register([RpcPattern.CatalogListEvents, RpcPattern.CatalogGetEvent, RpcPattern.CatalogGetSeats]),
  ],
  controllers: [EventsController],
  providers: [EventsService],
})
export class EventsModule {}
