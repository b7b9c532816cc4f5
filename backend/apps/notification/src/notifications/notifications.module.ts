import { Module } from '@nestjs/common';
import { KafkaModule } from '@seatstorm/kafka';
import { BookingEventsConsumer } from './booking-events.consumer';
import { NotificationsConsumer } from './notifications.consumer';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [KafkaModule.forService('notification')],
  controllers: [NotificationsConsumer],
  providers: [BookingEventsConsumer, NotificationsService, NotificationsRepository],
})
export class NotificationsModule {}
