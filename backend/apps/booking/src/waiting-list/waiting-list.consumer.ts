import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  bookingCountWaitingListRpc,
  bookingGetWaitingListEntryRpc,
  bookingJoinWaitingListRpc,
  bookingLeaveWaitingListRpc,
  parseContract,
  type WaitingListCount,
  type WaitingListEntry,
} from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { WaitingListService } from './waiting-list.service';

/** The booking service's request-reply edge for waiting lists: join, read one's place, leave, count. */
@Controller()
export class WaitingListConsumer {
  constructor(private readonly waitingList: WaitingListService) {}

  @RpcHandler(bookingJoinWaitingListRpc)
  join(@Payload() payload: unknown): Promise<WaitingListEntry> {
    const { eventId, quantity, tier, userId, role } = parseContract(bookingJoinWaitingListRpc.request, payload, 'request');
    return this.waitingList.join({ userId, role }, eventId, { quantity, ...(tier === undefined ? {} : { tier }) });
  }

  @RpcHandler(bookingGetWaitingListEntryRpc)
  mine(@Payload() payload: unknown): Promise<WaitingListEntry> {
    const { eventId, ...caller } = parseContract(bookingGetWaitingListEntryRpc.request, payload, 'request');
    return this.waitingList.mine(caller, eventId);
  }

  @RpcHandler(bookingLeaveWaitingListRpc)
  leave(@Payload() payload: unknown): Promise<WaitingListEntry> {
    const { eventId, ...caller } = parseContract(bookingLeaveWaitingListRpc.request, payload, 'request');
    return this.waitingList.leave(caller, eventId);
  }

  @RpcHandler(bookingCountWaitingListRpc)
  count(@Payload() payload: unknown): Promise<WaitingListCount> {
    const { eventId, ...caller } = parseContract(bookingCountWaitingListRpc.request, payload, 'request');
    return this.waitingList.count(caller, eventId);
  }
}
