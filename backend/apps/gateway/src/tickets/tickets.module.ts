import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { RpcClientModule } from '@seatstorm/kafka';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [RpcClientModule.register([RpcPattern.BookingListTickets, RpcPattern.BookingCheckIn, RpcPattern.BookingCountCheckIns])],
  controllers: [TicketsController],
  providers: [TicketsService],
})
export class TicketsModule {}
