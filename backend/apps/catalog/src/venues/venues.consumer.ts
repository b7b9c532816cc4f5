import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { catalogListVenuesRpc, parseContract, type VenueListing } from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { VenuesService } from './venues.service';

/** The stored venues, for the admin's event form. */
@Controller()
export class VenuesConsumer {
  constructor(private readonly venues: VenuesService) {}

  @RpcHandler(catalogListVenuesRpc)
  list(@Payload() payload: unknown): Promise<VenueListing[]> {
    parseContract(catalogListVenuesRpc.request, payload, 'request');
    return this.venues.list();
  }
}
