import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { catalogGetSeatsRpc, catalogGetSeatVersionRpc, parseContract, type RpcPattern, type RpcResult, type SeatSnapshotRef } from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { SeatSnapshotsService } from './seat-snapshots.service';

/** An event's seat snapshot (where the gateway finds it), or only its version (the socket `subscribe`). */
@Controller()
export class SeatSnapshotsConsumer {
  constructor(private readonly snapshots: SeatSnapshotsService) {}

  @RpcHandler(catalogGetSeatsRpc)
  get(@Payload() payload: unknown): Promise<SeatSnapshotRef> {
    const { eventId } = parseContract(catalogGetSeatsRpc.request, payload, 'request');
    return this.snapshots.get(eventId);
  }

  @RpcHandler(catalogGetSeatVersionRpc)
  version(@Payload() payload: unknown): Promise<RpcResult<typeof RpcPattern.CatalogGetSeatVersion>> {
    const { eventId } = parseContract(catalogGetSeatVersionRpc.request, payload, 'request');
    return this.snapshots.version(eventId);
  }
}
