import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, type PrismaClient } from '@seatstorm/database';

@Injectable()
export class SeatVersionsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The event's seat version, or undefined for an unknown event: one indexed row, no seats. */
  async findSeatVersion(eventId: string): Promise<number | undefined> {
    const event = await this.prisma.event.findUnique({ where: { id: eventId }, select: { seatVersion: true } });
    return event?.seatVersion;
  }
}
