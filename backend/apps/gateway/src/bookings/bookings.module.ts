import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { KafkaModule, RpcClientModule } from '@seatstorm/kafka';
import { WaitingRoomModule } from '../waiting-room/waiting-room.module';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { DecisionWaiter } from './decision-waiter';
import { PendingHoldsStore } from './pending-holds.store';

@Module({
  imports: [RpcClientModule.register([RpcPattern.BookingGet, RpcPattern.BookingList]), KafkaModule.forService('gateway'), WaitingRoomModule],
  controllers: [BookingsController],
  providers: [BookingsService, DecisionWaiter, PendingHoldsStore],
  // The socket gateway holds and releases through the same service.
  exports: [BookingsService],
})
export class BookingsModule {}
