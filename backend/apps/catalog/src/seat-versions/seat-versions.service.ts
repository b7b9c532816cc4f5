import { Injectable } from '@nestjs/common';
import type { RpcResult, RpcPattern } from '@seatstorm/contracts';
import { notFound } from '@seatstorm/errors';
import { SeatVersionsRepository } from './seat-versions.repository';

@Injectable()
export class SeatVersionsService {
  constructor(private readonly versions: SeatVersionsRepository) {}

  async get(eventId: string): Promise<RpcResult<typeof RpcPattern.CatalogGetSeatVersion>> {
    const version = await this.versions.findSeatVersion(eventId);
    if (version === undefined) throw notFound(`Event ${eventId}`);
    return { eventId, version };
  }
}
