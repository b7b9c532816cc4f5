import { Injectable } from '@nestjs/common';
import { RpcPattern, type JoinWaitingList, type PublicUser, type WaitingListCount, type WaitingListEntry } from '@seatstorm/contracts';
import { RpcClient } from '@seatstorm/kafka';

/** The gateway's side of waiting lists: the booking service keeps them, beside the seats it offers. */
@Injectable()
export class WaitingListService {
  constructor(private readonly rpc: RpcClient) {}

  join(user: PublicUser, eventId: string, ask: JoinWaitingList): Promise<WaitingListEntry> {
    return this.rpc.request(RpcPattern.BookingJoinWaitingList, { userId: user.id, role: user.role, eventId, ...ask });
  }

  mine(user: PublicUser, eventId: string): Promise<WaitingListEntry> {
    return this.rpc.request(RpcPattern.BookingGetWaitingListEntry, { userId: user.id, role: user.role, eventId });
  }

  leave(user: PublicUser, eventId: string): Promise<WaitingListEntry> {
    return this.rpc.request(RpcPattern.BookingLeaveWaitingList, { userId: user.id, role: user.role, eventId });
  }

  count(user: PublicUser, eventId: string): Promise<WaitingListCount> {
    return this.rpc.request(RpcPattern.BookingCountWaitingList, { userId: user.id, role: user.role, eventId });
  }
}
