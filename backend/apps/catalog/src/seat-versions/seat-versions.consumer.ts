import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { catalogGetSeatVersionRpc, parseContract, type RpcPattern, type RpcResult } from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { SeatVersionsService } from './seat-versions.service';

/** The version an event's seats are at, for the gateway's socket `subscribe`. */
@Controller()
export class SeatVersionsConsumer {
  constructor(private readonly versions: SeatVersionsService) {}

  @RpcHandler(catalogGetSeatVersionRpc)
  get(@Payload() payload: unknown): Promise<RpcResult<typeof RpcPattern.CatalogGetSeatVersion>> {
    const { eventId } = parseContract(catalogGetSeatVersionRpc.request, payload, 'request');
    return this.versions.get(eventId);
  }
}
