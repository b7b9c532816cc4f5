import { Inject, Injectable } from '@nestjs/common';
import type { VenueLayout } from '@seatstorm/contracts';
import { PRISMA, type PrismaClient } from '@seatstorm/database';

@Injectable()
export class VenuesRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Every venue with its layout, by name. */
  async findVenues(): Promise<Array<{ id: string; name: string; city: string; layout: VenueLayout }>> {
    const venues = await this.prisma.venue.findMany({
      select: { id: true, name: true, city: true, layout: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    // Layouts are written only by the catalog (and the seed) from a VenueLayout.
    return venues.map((venue) => ({ ...venue, layout: venue.layout as unknown as VenueLayout }));
  }
}
