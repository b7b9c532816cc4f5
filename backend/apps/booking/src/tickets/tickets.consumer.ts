import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  bookingCheckInRpc,
  bookingCountCheckInsRpc,
  bookingListTicketsRpc,
  parseContract,
  type BookingTickets,
  type CheckInCount,
  type CheckInResult,
} from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { TicketsService } from './tickets.service';

/** The booking service's request-reply edge for tickets: a booking's tickets, and the door. */
@Controller()
export class TicketsConsumer {
  constructor(private readonly tickets: TicketsService) {}

  @RpcHandler(bookingListTicketsRpc)
  list(@Payload() payload: unknown): Promise<BookingTickets> {
    const { bookingId, ...caller } = parseContract(bookingListTicketsRpc.request, payload, 'request');
    return this.tickets.list(caller, bookingId);
  }

  @RpcHandler(bookingCheckInRpc)
  checkIn(@Payload() payload: unknown): Promise<CheckInResult> {
    const { eventId, code, ...caller } = parseContract(bookingCheckInRpc.request, payload, 'request');
    return this.tickets.checkIn(caller, { eventId, code });
  }

  @RpcHandler(bookingCountCheckInsRpc)
  count(@Payload() payload: unknown): Promise<CheckInCount> {
    const { eventId, ...caller } = parseContract(bookingCountCheckInsRpc.request, payload, 'request');
    return this.tickets.count(caller, eventId);
  }
}
