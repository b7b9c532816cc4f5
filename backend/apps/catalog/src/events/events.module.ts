import { Module } from '@nestjs/common';
import { EventsConsumer } from './events.consumer';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

@Module({
  controllers: [EventsConsumer],
  providers: [EventsService, EventsRepository],
})
export class EventsModule {}
