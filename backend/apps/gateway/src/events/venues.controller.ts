import { Controller, Get } from '@nestjs/common';
import { RpcPattern, type VenueListing } from '@seatstorm/contracts';
import { RpcClient } from '@seatstorm/kafka';
import { Roles } from '../auth/roles.decorator';
import { CorrelationId } from '../errors/correlation-id.decorator';

/**
 * Admin: the stored venues with their layouts' tiers and seat counts, to
 * create events on (POST /events `{venueId, prices}`). Admin-only because
 * only the admin's event form needs it: it is not part of what visitors see.
 */
@Controller('venues')
@Roles('admin')
export class VenuesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@CorrelationId() correlationId?: string): Promise<VenueListing[]> {
    return this.rpc.request(RpcPattern.CatalogListVenues, {}, correlationId);
  }
}
