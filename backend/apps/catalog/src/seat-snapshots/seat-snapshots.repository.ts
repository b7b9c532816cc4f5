import { Inject, Injectable } from '@nestjs/common';
import { seatAttributeSchema, type Seat } from '@seatstorm/contracts';
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
   * `version` converges.
   */
  findSeatSnapshot(eventId: string): Promise<{ version: number; seats: Seat[] } | null> {
    return this.prisma.$transaction(
      async (tx) => {
        const event = await tx.event.findUnique({ where: { id: eventId }, select: { seatVersion: true } });
        if (!event) return null;
        const rows = await tx.seat.findMany({
          where: { eventId },
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
        return { version: event.seatVersion, seats };
      },
      { isolationLevel: 'RepeatableRead' },
    );
  }
}
