import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { bookingGetRpc, bookingListRpc, parseContract, type Booking, type BookingPage } from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { BookingQueriesService } from './booking-queries.service';

/** The booking service's request-reply edge: reading bookings. */
@Controller()
export class BookingQueriesConsumer {
  constructor(private readonly queries: BookingQueriesService) {}

  @RpcHandler(bookingGetRpc)
  get(@Payload() payload: unknown): Promise<Booking> {
    const { bookingId, userId, role } = parseContract(bookingGetRpc.request, payload, 'request');
    return this.queries.get(bookingId, userId, role);
  }

  @RpcHandler(bookingListRpc)
  list(@Payload() payload: unknown): Promise<BookingPage> {
    const { userId, limit, after, eventId, status } = parseContract(bookingListRpc.request, payload, 'request');
    return this.queries.list(userId, { limit, after, eventId, status });
  }
}
