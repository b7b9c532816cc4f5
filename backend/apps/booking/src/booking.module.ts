import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import { KafkaModule } from '@seatstorm/kafka';
import { LoggingModule } from '@seatstorm/observability';
import { BookingQueriesConsumer } from './bookings/booking-queries.consumer';
import { BookingQueriesService } from './bookings/booking-queries.service';
import { BookingsConsumer } from './bookings/bookings.consumer';
import { BookingsRepository } from './bookings/bookings.repository';
import { BookingsService } from './bookings/bookings.service';
import { ExpiryRepository } from './expiry/expiry.repository';
import { ExpirySweeper } from './expiry/expiry.sweeper';
import { HousekeepingRepository } from './housekeeping/housekeeping.repository';
import { HousekeepingService } from './housekeeping/housekeeping.service';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxRepository } from './outbox/outbox.repository';
import { PaymentResultsConsumer } from './payments/payment-results.consumer';
import { TicketsConsumer } from './tickets/tickets.consumer';
import { TicketsRepository } from './tickets/tickets.repository';
import { TicketsService } from './tickets/tickets.service';
import { WaitingListConsumer } from './waiting-list/waiting-list.consumer';
import { WaitingListRepository } from './waiting-list/waiting-list.repository';
import { WaitingListService } from './waiting-list/waiting-list.service';

/** Holds, the race, the booking state machine, expiry and the outbox: the single writer of seats; the tickets it issues and the waiting lists it offers seats to. */
@Module({})
export class BookingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BookingModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), DatabaseModule, KafkaModule.forService('booking')],
      controllers: [BookingQueriesConsumer, TicketsConsumer, WaitingListConsumer],
      providers: [
        BookingsRepository,
        BookingsService,
        BookingsConsumer,
        BookingQueriesService,
        OutboxRepository,
        OutboxRelay,
        ExpiryRepository,
        ExpirySweeper,
        PaymentResultsConsumer,
        HousekeepingRepository,
        HousekeepingService,
        TicketsRepository,
        TicketsService,
        WaitingListRepository,
        WaitingListService,
      ],
    };
  }
}
