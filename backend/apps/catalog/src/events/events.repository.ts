import { Inject, Injectable } from '@nestjs/common';
import type { GeneratedSeat, VenueLayout } from '@seatstorm/contracts';
import { PRISMA, Prisma, type PrismaClient } from '@seatstorm/database';

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
  noOrphanSeats: true,
  venue: { select: { id: true, name: true, city: true } },
  tiers: { select: { tier: true, price: true }, orderBy: { price: 'desc' } },
} as const;

/** The columns behind an event's sale settings (`maxSeatsPerBuyer` null: the configured default). */
export interface SaleSettingsColumns {
  maxSeatsPerBuyer?: number | null;
  waitingRoomEnabled?: boolean;
  admissionPerMinute?: number | null;
  admissionPaused?: boolean;
  noOrphanSeats?: boolean;
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
   * False when an event with that id exists already (a concurrent retry won).
   */
  async createEvent(input: {
    event: {
      id: string;
      venueId: string;
      name: string;
      description: string | null;
      category: string | null;
      startsAt: Date;
      onSaleAt: Date;
      status: 'on_sale' | 'scheduled';
    } & SaleSettingsColumns;
    newVenue?: { id: string; name: string; city: string; layout: VenueLayout };
    tiers: Array<{ tier: string; price: number }>;
    seats: GeneratedSeat[];
  }): Promise<boolean> {
    try {
      await this.prisma.$transaction(
        async (tx) => {
          if (input.newVenue) {
            await tx.venue.create({ data: { ...input.newVenue, layout: input.newVenue.layout as unknown as Prisma.InputJsonValue } });
          }
          await tx.event.create({ data: input.event });
          await tx.eventTier.createMany({ data: input.tiers.map((tier) => ({ eventId: input.event.id, ...tier })) });
          // One statement, the rows as parallel arrays: 50,000 seats cost one round trip, not ten batches of bound parameters.
          const { seats } = input;
          await tx.$executeRaw`
            INSERT INTO "seats" ("id", "event_id", "label", "section", "row", "number", "tier", "price", "x", "y", "block", "stage_distance", "attributes")
            SELECT v.id, v.event_id, v.label, v.section, v.row, v.number, v.tier, v.price, v.x, v.y, v.block, v.stage_distance,
                   string_to_array(v.attributes, ',')
              FROM unnest(
                ${seats.map((seat) => seat.id)}::text[], ${seats.map((seat) => seat.eventId)}::text[],
                ${seats.map((seat) => seat.label)}::text[], ${seats.map((seat) => seat.section)}::text[],
                ${seats.map((seat) => seat.row)}::text[], ${seats.map((seat) => seat.number)}::int4[],
                ${seats.map((seat) => seat.tier)}::text[], ${seats.map((seat) => seat.price)}::int4[],
                ${seats.map((seat) => seat.x)}::float8[], ${seats.map((seat) => seat.y)}::float8[],
                ${seats.map((seat) => seat.block)}::int4[], ${seats.map((seat) => seat.stageDistance)}::float8[],
                -- One text per seat (unnest would flatten an array of arrays), split back above.
                ${seats.map((seat) => seat.attributes.join(','))}::text[]
              ) AS v(id, event_id, label, section, row, number, tier, price, x, y, block, stage_distance, attributes)`;
        },
        { timeout: 60_000 },
      );
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
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

  /**
   * Seats per event, tier and status: the live availability behind every count
   * a visitor sees, as kept by the database with every seat change (a few rows
   * per event, however many seats it has).
   */
  async countSeats(eventId?: string): Promise<SeatCount[]> {
    return this.prisma.eventSeatCount.findMany({
      where: eventId ? { eventId, count: { gt: 0 } } : { count: { gt: 0 } },
      select: { eventId: true, tier: true, status: true, count: true },
    });
  }
}
