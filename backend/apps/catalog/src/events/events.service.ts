import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import {
  createSimpleEventSchema,
  eventStatusAt,
  generateSeats,
  layoutTiers,
  newId,
  plainGridLayout,
  type CreateEventRequest,
  type EventDetail,
  type EventSummary,
  type SaleSettings,
  type TierSummary,
  type UpdateEventSettings,
  type VenueLayout,
  type WaitingRoomSettings,
} from '@seatstorm/contracts';
import { DomainError, notFound } from '@seatstorm/errors';
import { EventsRepository, type SaleSettingsColumns, type SeatCount } from './events.repository';

type EventRow = NonNullable<Awaited<ReturnType<EventsRepository['findEvent']>>>;

@Injectable()
export class EventsService {
  private readonly logger = new Logger(EventsService.name);

  constructor(
    private readonly events: EventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<EventSummary[]> {
    const [events, counts] = await Promise.all([this.events.findEvents(), this.events.countSeats()]);
    return events.map((event) => this.toSummary(event, tiersOf(event, counts)));
  }

  async get(eventId: string): Promise<EventDetail> {
    const [event, counts] = await Promise.all([this.events.findEvent(eventId), this.events.countSeats(eventId)]);
    if (!event) throw notFound(`Event ${eventId}`);
    const tiers = tiersOf(event, counts);
    return { ...this.toSummary(event, tiers), tiers };
  }

  async saleSettings(eventId: string): Promise<SaleSettings> {
    const event = await this.events.findSaleSettings(eventId);
    if (!event) throw notFound(`Event ${eventId}`);
    return { eventId, onSaleAt: event.onSaleAt.toISOString(), waitingRoom: waitingRoomOf(event) };
  }

  /** Admin: the per-buyer limit and the waiting room; what is not given stays as it is. */
  async update(eventId: string, update: UpdateEventSettings): Promise<EventDetail> {
    if (!(await this.events.updateSaleSettings(eventId, saleSettingsColumns(update)))) throw notFound(`Event ${eventId}`);
    return this.get(eventId);
  }

  /**
   * Admin: an event on a stored venue layout, or (the original demo's simple
   * form) on a new plain-grid venue, under `eventId`. A retry of a creation
   * that went through (the gateway gave up waiting, the admin asked again with
   * the same Idempotency-Key) answers that event instead of making a second.
   */
  async create(eventId: string, request: CreateEventRequest, now = new Date()): Promise<EventDetail> {
    if (await this.events.findEvent(eventId)) return this.get(eventId);
    const simple = createSimpleEventSchema.safeParse(request);
    let layout: VenueLayout;
    let prices: Record<string, number>;
    let newVenue: { id: string; name: string; city: string; layout: VenueLayout } | undefined;
    let venueId: string;
    let startsAt: Date;
    let onSaleAt = now;
    if (simple.success) {
      layout = plainGridLayout(simple.data.totalSeats, 'General');
      prices = { General: Math.round(simple.data.price * 100) };
      venueId = newId('ven');
      newVenue = { id: venueId, name: simple.data.venue, city: '', layout };
      startsAt = new Date(simple.data.date);
    } else if ('venueId' in request) {
      const stored = await this.events.findVenueLayout(request.venueId);
      if (!stored) throw notFound(`Venue ${request.venueId}`);
      layout = stored;
      prices = request.prices;
      venueId = request.venueId;
      startsAt = new Date(request.startsAt);
      if (request.onSaleAt) onSaleAt = new Date(request.onSaleAt);
      const unpriced = layoutTiers(layout).filter((tier) => prices[tier] === undefined);
      if (unpriced.length > 0) {
        throw new DomainError('VALIDATION_FAILED', `Missing prices for tiers: ${unpriced.join(', ')}.`, { tiers: unpriced });
      }
    } else {
      throw new DomainError('VALIDATION_FAILED', 'Give either a venueId with prices, or the simple form.');
    }
    if (startsAt <= now) throw new DomainError('VALIDATION_FAILED', 'The event must start in the future.', { field: 'startsAt' });
    if (onSaleAt > startsAt) throw new DomainError('VALIDATION_FAILED', 'Sales must open before the event starts.', { field: 'onSaleAt' });

    const settings = 'venueId' in request ? saleSettingsColumns(request) : { noOrphanSeats: request.noOrphanSeats };
    const tiers = layoutTiers(layout).map((tier) => ({ tier, price: prices[tier]! }));
    const created = await this.events.createEvent({
      event: {
        id: eventId,
        venueId,
        name: request.name,
        description: request.description ?? null,
        category: request.category ?? null,
        startsAt,
        onSaleAt,
        status: onSaleAt <= now ? 'on_sale' : 'scheduled',
        ...settings,
      },
      newVenue,
      tiers,
      seats: generateSeats(eventId, layout, prices),
    });
    if (!created) this.logger.log({ eventId }, 'event created by a concurrent request with the same id; answering it');
    return this.get(eventId);
  }

  private toSummary(event: EventRow, tiers: TierSummary[]): EventSummary {
    return {
      ...summaryOf(event, tiers),
      maxSeatsPerBuyer: event.maxSeatsPerBuyer ?? this.config.MAX_SEATS_PER_BUYER,
      maxSeatsPerBooking: this.config.MAX_SEATS_PER_BOOKING,
      waitingRoom: waitingRoomOf(event),
      noOrphanSeats: event.noOrphanSeats,
    };
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

function saleSettingsColumns(update: {
  maxSeatsPerBuyer?: number | null;
  waitingRoom?: Partial<WaitingRoomSettings>;
  noOrphanSeats?: boolean;
}): SaleSettingsColumns {
  return {
    noOrphanSeats: update.noOrphanSeats,
    maxSeatsPerBuyer: update.maxSeatsPerBuyer,
    waitingRoomEnabled: update.waitingRoom?.enabled,
    admissionPerMinute: update.waitingRoom?.admissionPerMinute,
    admissionPaused: update.waitingRoom?.paused,
  };
}

function waitingRoomOf(event: Pick<EventRow, 'waitingRoomEnabled' | 'admissionPerMinute' | 'admissionPaused'>): WaitingRoomSettings {
  return { enabled: event.waitingRoomEnabled, admissionPerMinute: event.admissionPerMinute, paused: event.admissionPaused };
}

function summaryOf(event: EventRow, tiers: TierSummary[]): Omit<EventSummary, 'maxSeatsPerBuyer' | 'maxSeatsPerBooking' | 'waitingRoom' | 'noOrphanSeats'> {
  const prices = tiers.map((tier) => tier.price);
  return {
    id: event.id,
    name: event.name,
    description: event.description,
    category: event.category,
    venue: event.venue,
    startsAt: event.startsAt.toISOString(),
    onSaleAt: event.onSaleAt.toISOString(),
    status: eventStatusAt(event, new Date()),
    priceMin: prices.length ? Math.min(...prices) : 0,
    priceMax: prices.length ? Math.max(...prices) : 0,
    seatsTotal: sum(tiers.map((tier) => tier.seatsTotal)),
    seatsAvailable: sum(tiers.map((tier) => tier.seatsAvailable)),
  };
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
