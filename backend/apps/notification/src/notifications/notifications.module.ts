import { Module } from '@nestjs/common';
import { KafkaModule } from '@seatstorm/kafka';
import { BookingEventsConsumer } from './booking-events.consumer';
import { NotificationsConsumer } from './notifications.consumer';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { RefundDeadLettersConsumer } from './refund-dead-letters.consumer';

@Module({
  imports: [KafkaModule.forService('notification')],
  controllers: [NotificationsConsumer],
  providers: [BookingEventsConsumer, RefundDeadLettersConsumer, NotificationsService, NotificationsRepository],
})
export class NotificationsModule {}
