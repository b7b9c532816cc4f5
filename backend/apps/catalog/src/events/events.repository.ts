import { Inject, Injectable } from '@nestjs/common';
import type { GeneratedSeat, VenueLayout } from '@seatstorm/contracts';
import { PRISMA, type Prisma, type PrismaClient } from '@seatstorm/database';

const eventSelect = {
  id: true,
  name: true,
  description: true,
  category: true,
  startsAt: true,
  onSaleAt: true,
  status: true,
  maxSeatsPerBuyer: true,
  waitingRoomEnabled: true,
  admissionPerMinute: true,
  admissionPaused: true,
  venue: { select: { id: true, name: true, city: true } },
  tiers: { select: { tier: true, price: true }, orderBy: { price: 'desc' } },
} as const;

/** The columns behind an event's sale settings (`maxSeatsPerBuyer` null: the configured default). */
export interface SaleSettingsColumns {
  maxSeatsPerBuyer?: number | null;
  waitingRoomEnabled?: boolean;
  admissionPerMinute?: number | null;
  admissionPaused?: boolean;
}

export interface SeatCount {
  eventId: string;
  tier: string;
  status: string;
  count: number;
}

@Injectable()
export class EventsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async findVenueLayout(venueId: string): Promise<VenueLayout | undefined> {
    const venue = await this.prisma.venue.findUnique({ where: { id: venueId }, select: { layout: true } });
    // Layouts are written only by this service (and the seed) from a VenueLayout.
    return venue ? (venue.layout as unknown as VenueLayout) : undefined;
  }

  /**
   * Creates an event with its tiers and every seat in one transaction (and,
   * for the simple form, its new venue): an event never exists half-made.
   */
  async createEvent(input: {
    event: { id: string; venueId: string; name: string; description: string | null; category: string | null; startsAt: Date; onSaleAt: Date; status: 'on_sale' | 'scheduled' } & SaleSettingsColumns;
    newVenue?: { id: string; name: string; city: string; layout: VenueLayout };
    tiers: Array<{ tier: string; price: number }>;
    seats: GeneratedSeat[];
  }): Promise<void> {
    await this.prisma.$transaction(
      async (tx) => {
        if (input.newVenue) {
          await tx.venue.create({ data: { ...input.newVenue, layout: input.newVenue.layout as unknown as Prisma.InputJsonValue } });
        }
        await tx.event.create({ data: input.event });
        await tx.eventTier.createMany({ data: input.tiers.map((tier) => ({ eventId: input.event.id, ...tier })) });
        const CHUNK = 5000;
        for (let i = 0; i < input.seats.length; i += CHUNK) await tx.seat.createMany({ data: input.seats.slice(i, i + CHUNK) });
      },
      { timeout: 60_000 },
    );
  }

  /** Changes sale settings; false when there is no such event. */
  async updateSaleSettings(eventId: string, settings: SaleSettingsColumns): Promise<boolean> {
    const { count } = await this.prisma.event.updateMany({ where: { id: eventId }, data: settings });
    return count === 1;
  }

  findSaleSettings(eventId: string) {
    return this.prisma.event.findUnique({
      where: { id: eventId },
      select: { id: true, onSaleAt: true, waitingRoomEnabled: true, admissionPerMinute: true, admissionPaused: true },
    });
  }

  findEvents() {
    return this.prisma.event.findMany({ select: eventSelect, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
  }

  findEvent(eventId: string) {
    return this.prisma.event.findUnique({ where: { id: eventId }, select: eventSelect });
  }

  /** Seats per event, tier and status: the live availability behind every count a visitor sees. */
  async countSeats(eventId?: string): Promise<SeatCount[]> {
    const groups = await this.prisma.seat.groupBy({
      by: ['eventId', 'tier', 'status'],
      where: eventId ? { eventId } : {},
      _count: { _all: true },
    });
    return groups.map((group) => ({ eventId: group.eventId, tier: group.tier, status: group.status, count: group._count._all }));
  }
}
