import { Injectable } from '@nestjs/common';
import type { EventDetail, EventSummary, SeatSnapshot, TierSummary } from '@seatstorm/contracts';
import { notFound } from '@seatstorm/errors';
import { EventsRepository, type SeatCount } from './events.repository';

type EventRow = NonNullable<Awaited<ReturnType<EventsRepository['findEvent']>>>;

@Injectable()
export class EventsService {
  constructor(private readonly events: EventsRepository) {}

  async list(): Promise<EventSummary[]> {
    const [events, counts] = await Promise.all([this.events.findEvents(), this.events.countSeats()]);
    return events.map((event) => toSummary(event, tiersOf(event, counts)));
  }

  async get(eventId: string): Promise<EventDetail> {
    const [event, counts] = await Promise.all([this.events.findEvent(eventId), this.events.countSeats(eventId)]);
    if (!event) throw notFound(`Event ${eventId}`);
    const tiers = tiersOf(event, counts);
    return { ...toSummary(event, tiers), tiers };
  }

  async seats(eventId: string): Promise<SeatSnapshot> {
    const snapshot = await this.events.findSeatSnapshot(eventId);
    if (!snapshot) throw notFound(`Event ${eventId}`);
    return { eventId, version: snapshot.version, seats: snapshot.seats };
  }
}

function tiersOf(event: EventRow, counts: SeatCount[]): TierSummary[] {
  return event.tiers.map(({ tier, price }) => {
    const ofTier = counts.filter((count) => count.eventId === event.id && count.tier === tier);
    return {
      tier,
      price,
      seatsTotal: sum(ofTier.map((count) => count.count)),
      seatsAvailable: sum(ofTier.filter((count) => count.status === 'available').map((count) => count.count)),
    };
  });
}

function toSummary(event: EventRow, tiers: TierSummary[]): EventSummary {
  const prices = tiers.map((tier) => tier.price);
  return {
    id: event.id,
    name: event.name,
    description: event.description,
    category: event.category,
    venue: event.venue,
    startsAt: event.startsAt.toISOString(),
    onSaleAt: event.onSaleAt.toISOString(),
    status: event.status,
    priceMin: prices.length ? Math.min(...prices) : 0,
    priceMax: prices.length ? Math.max(...prices) : 0,
    seatsTotal: sum(tiers.map((tier) => tier.seatsTotal)),
    seatsAvailable: sum(tiers.map((tier) => tier.seatsAvailable)),
  };
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
