import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ticketPublicKeyAnswer, ticketSigningKeysOf, type AppConfig } from '@seatstorm/config';
import {
  RpcPattern,
  type BookingTickets,
  type CheckInCount,
  type CheckInRequest,
  type CheckInResult,
  type PublicUser,
  type TicketPublicKey,
} from '@seatstorm/contracts';
import { RpcClient } from '@seatstorm/kafka';

/** The gateway's side of tickets: the booking service keeps and checks them; the public key is the configuration's. */
@Injectable()
export class TicketsService {
  private readonly publicKeyAnswer: TicketPublicKey;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicKeyAnswer = ticketPublicKeyAnswer(ticketSigningKeysOf(config).publicKey);
  }

  list(user: PublicUser, bookingId: string): Promise<BookingTickets> {
    return this.rpc.request(RpcPattern.BookingListTickets, { userId: user.id, role: user.role, bookingId });
  }

  checkIn(user: PublicUser, request: CheckInRequest): Promise<CheckInResult> {
    return this.rpc.request(RpcPattern.BookingCheckIn, { userId: user.id, role: user.role, ...request });
  }

  count(user: PublicUser, eventId: string): Promise<CheckInCount> {
    return this.rpc.request(RpcPattern.BookingCountCheckIns, { userId: user.id, role: user.role, eventId });
  }

  publicKey(): TicketPublicKey {
    return this.publicKeyAnswer;
  }
}
