import { Inject, Injectable } from '@nestjs/common';
import { seatAttributeSchema, STANDING_ATTRIBUTE, type Seat, type StandingArea, type VenueLayout } from '@seatstorm/contracts';
import { PRISMA, type PrismaClient } from '@seatstorm/database';

@Injectable()
export class SeatSnapshotsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The event's seat version and when the event was created: one indexed row, no seats. Undefined for an unknown event. */
  async findSeatVersion(eventId: string): Promise<{ version: number; createdAt: Date } | undefined> {
    const event = await this.prisma.event.findUnique({ where: { id: eventId }, select: { seatVersion: true, createdAt: true } });
    return event ? { version: event.seatVersion, createdAt: event.createdAt } : undefined;
  }

  /**
   * The seats of one event and the version they are at, from one snapshot of
   * the database (REPEATABLE READ), so a client that applies deltas after
   * `version` converges. A standing area's places are counted, not listed (docs/architecture.md §15).
   */
  findSeatSnapshot(eventId: string): Promise<{ version: number; seats: Seat[]; areas: StandingArea[] } | null> {
    return this.prisma.$transaction(
      async (tx) => {
        const event = await tx.event.findUnique({ where: { id: eventId }, select: { seatVersion: true, venue: { select: { layout: true } } } });
        if (!event) return null;
        const rows = await tx.seat.findMany({
          where: { eventId, NOT: { attributes: { has: STANDING_ATTRIBUTE } } },
          select: {
            id: true,
            label: true,
            section: true,
            row: true,
            number: true,
            tier: true,
            price: true,
            x: true,
            y: true,
            status: true,
            bookingId: true,
            attributes: true,
            block: true,
          },
          orderBy: [{ section: 'asc' }, { row: 'asc' }, { number: 'asc' }],
        });
        // Most seats have no attribute and sit in their row's first run: left out rather than sent 50,000 times.
        const seats = rows.map(({ attributes, block, ...seat }): Seat => ({
          ...seat,
          ...(attributes.length > 0 ? { attributes: attributes.map((attribute) => seatAttributeSchema.parse(attribute)) } : {}),
          ...(block > 0 ? { block } : {}),
        }));
        const placeCounts = await tx.seat.groupBy({
          by: ['section', 'tier', 'price', 'status'],
          where: { eventId, attributes: { has: STANDING_ATTRIBUTE } },
          _count: { _all: true },
        });
        return { version: event.seatVersion, seats, areas: standingAreasOf(event.venue.layout as VenueLayout, placeCounts) };
      },
      { isolationLevel: 'RepeatableRead' },
    );
  }
}

/** Each standing area of the layout with its places counted: all of them, and those still available. */
function standingAreasOf(
  layout: VenueLayout,
  counts: ReadonlyArray<{ section: string; tier: string; price: number; status: string; _count: { _all: number } }>,
): StandingArea[] {
  return layout.sections.flatMap((section): StandingArea[] => {
    const standing = section.standing;
    const ofArea = counts.filter((count) => count.section === section.name);
    if (!standing || ofArea.length === 0) return [];
    return [
      {
        id: section.name,
        tier: ofArea[0]!.tier,
        price: ofArea[0]!.price,
        capacity: ofArea.reduce((total, count) => total + count._count._all, 0),
        available: ofArea.reduce((total, count) => total + (count.status === 'available' ? count._count._all : 0), 0),
        x: section.placement.center.x,
        y: section.placement.center.y,
        width: standing.width,
        height: standing.height,
      },
    ];
  });
}
