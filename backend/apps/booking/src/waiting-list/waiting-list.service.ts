import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { ACTIVE_WAITING_LIST_STATUSES, eventStatusAt, newId, type JoinWaitingList, type WaitingListCount, type WaitingListEntry } from '@seatstorm/contracts';
import { DomainError, notFound } from '@seatstorm/errors';
import type { Caller } from '../tickets/tickets.service';
import { WaitingListRepository, type WaitingEntryView } from './waiting-list.repository';
import { joinRefusalOf } from './waiting-list.rules';

/**
 * Joining, reading and leaving an event's waiting list (docs/architecture.md §14). Offers are
 * the booking core's: made in the batch that releases the seats.
 */
@Injectable()
export class WaitingListService {
  private readonly logger = new Logger(WaitingListService.name);

  constructor(
    private readonly waitingList: WaitingListRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async join(caller: Caller, eventId: string, ask: JoinWaitingList): Promise<WaitingListEntry> {
    const tier = ask.tier ?? null;
    const joined = await this.waitingList.withEventLocked(eventId, async (store, event) => {
      const refusal = joinRefusalOf({
        onSale: eventStatusAt(event, new Date()) === 'on_sale',
        quantity: ask.quantity,
        tier,
        maxSeatsPerBooking: this.config.MAX_SEATS_PER_BOOKING,
        seats: await store.countSeats(eventId, tier),
        alreadyInLine: isActive(await store.findLatest(eventId, caller.userId)),
      });
      if (refusal) throw new DomainError(refusal.code, refusal.message);
      await store.insert({ id: newId('wle'), eventId, userId: caller.userId, quantity: ask.quantity, tier });
      return store.findLatest(eventId, caller.userId);
    });
    if (!joined) throw notFound(`Event ${eventId}`);
    this.logger.log({ eventId, userId: caller.userId, entryId: joined.id }, 'joined the waiting list');
    return viewOf(joined);
  }

  async mine(caller: Caller, eventId: string): Promise<WaitingListEntry> {
    const entry = await this.waitingList.findLatest(eventId, caller.userId);
    if (!entry) throw notFound('Your place on this waiting list');
    return viewOf(entry);
  }

  async leave(caller: Caller, eventId: string): Promise<WaitingListEntry> {
    const left = await this.waitingList.withEventLocked(eventId, async (store) => {
      const entry = await store.findLatest(eventId, caller.userId);
      if (entry?.status === 'offered') {
        throw new DomainError('INVALID_STATE', 'Seats are already held for you: pay for them at checkout, or cancel that booking to let them go.');
      }
      if (entry?.status !== 'waiting') return undefined;
      await store.setStatus(entry.id, 'left');
      return { ...entry, status: 'left' as const, ahead: null };
    });
    if (!left) throw notFound('Your place on this waiting list');
    return viewOf(left);
  }

  async count(caller: Caller, eventId: string): Promise<WaitingListCount> {
    if (caller.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only an admin can count a waiting list.');
    const waiting = await this.waitingList.countWaiting(eventId);
    if (waiting === undefined) throw notFound(`Event ${eventId}`);
    return { eventId, waiting };
  }
}

const isActive = (entry: WaitingEntryView | undefined): boolean =>
  entry !== undefined && (ACTIVE_WAITING_LIST_STATUSES as readonly string[]).includes(entry.status);

function viewOf(entry: WaitingEntryView): WaitingListEntry {
  return {
    id: entry.id,
    eventId: entry.eventId,
    userId: entry.userId,
    quantity: entry.quantity,
    tier: entry.tier,
    status: entry.status,
    joinedAt: new Date(entry.joinedAt).toISOString(),
    position: entry.status === 'waiting' && entry.ahead !== null ? entry.ahead + 1 : null,
    offer:
      entry.status === 'offered' && entry.offeredBookingId && entry.offerExpiresAt
        ? { bookingId: entry.offeredBookingId, expiresAt: new Date(entry.offerExpiresAt).toISOString() }
        : null,
  };
}
