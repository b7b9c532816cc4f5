import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { RpcClientModule } from '@seatstorm/kafka';
import { WaitingListController } from './waiting-list.controller';
import { WaitingListService } from './waiting-list.service';

@Module({
  imports: [
    RpcClientModule.register([
      RpcPattern.BookingJoinWaitingList,
      RpcPattern.BookingGetWaitingListEntry,
      RpcPattern.BookingLeaveWaitingList,
      RpcPattern.BookingCountWaitingList,
    ]),
  ],
  controllers: [WaitingListController],
  providers: [WaitingListService],
})
export class WaitingListModule {}
