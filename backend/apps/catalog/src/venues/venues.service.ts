import { Injectable } from '@nestjs/common';
import type { VenueListing } from '@seatstorm/contracts';
import { VenuesRepository } from './venues.repository';
import { toVenueListing } from './venues.rules';

@Injectable()
export class VenuesService {
  constructor(private readonly venues: VenuesRepository) {}

  async list(): Promise<VenueListing[]> {
    const venues = await this.venues.findVenues();
    return venues.map(({ layout, ...venue }) => toVenueListing(venue, layout));
  }
}
