import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { errorCodeSchema, isStandingPlace, Topic, type BestAvailable, type BookingCommand, type BookingEvent } from '@seatstorm/contracts';
import { z } from 'zod';
import { encodeMessage, type EncodedMessage } from '@seatstorm/kafka';
import { correlationHeaders, withCorrelation } from '@seatstorm/observability';
import { OutboxRelay } from '../outbox/outbox.relay';
import { bookingEventOf, bookingIdOf, followUpMessage, rejectedHoldEvent, seatDeltasOf, seatUpdatesOf, type DecisionNote } from './booking-messages';
import { buyerKey, decideBatch, type BatchResult, type BatchState, type HoldPolicy, type SeatState } from './booking.rules';
import { areaKeyOf, type StandingCandidates } from './standing.rules';
import { BookingsRepository, type BookingStore, type ProcessedCommandRow } from './bookings.repository';
import { batchSize, bookingDecisions, decisionLatency, liveHolds } from './booking.metrics';
import { isDatabaseUnavailable } from './database-errors';
import { ticketChangesOf } from '../tickets/tickets.rules';

/** How often a command that fails is tried alone before it is dead-lettered. */
const ATTEMPTS_ALONE = 3;

/** What the requester of a dead-lettered command is told. */
const FAILED = {
  errorCode: 'INTERNAL_ERROR',
  reason: 'Something went wrong on our side while deciding this request; nothing was changed.',
} as const satisfies DecisionNote;

/**
 * Decides batches of booking commands: load and lock what they touch, decide
 * with the pure rules, save winners, losers, seats, the new seat version and
 * the outgoing messages in one transaction; then publish (docs/architecture.md §4).
 */
@Injectable()
export class BookingsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BookingsService.name);
  private readonly policy: HoldPolicy;
  private stopCounting?: () => void;

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = {
      holdTtlMs: config.HOLD_TTL * 1000,
      paymentExtensionMs: config.PAYMENT_HOLD_EXTENSION * 1000,
      maxHoldLifetimeMs: config.HOLD_MAX_LIFETIME * 1000,
      paymentResultWaitMs: config.PAYMENT_RESULT_WAIT * 1000,
      maxSeatsPerBooking: config.MAX_SEATS_PER_BOOKING,
      maxSeatsPerBuyer: config.MAX_SEATS_PER_BUYER,
      companionReleaseMs: config.COMPANION_RELEASE_BEFORE_EVENT * 1000,
      holdExtensions: config.HOLD_EXTENSIONS,
      holdExtensionMs: config.HOLD_EXTENSION * 1000,
      waitingListClaimMs: config.WAITING_LIST_CLAIM * 1000,
    };
  }

  onModuleInit(): void {
    this.stopCounting = liveHolds.readWith(async () =>
      (await this.bookings.countLiveHolds()).map(({ eventId, holds }) => ({ labels: { event: eventId }, value: holds })),
    );
  }

  onModuleDestroy(): void {
    this.stopCounting?.();
  }

  /**
   * Decides the commands in order. If the batch fails (the database disagrees
   * with a decision, a seat changed under it; or a command breaks a
   * constraint, overflows, meets a bug), nothing of it is kept and each
   * command is decided again on its own, against fresh state; one that still
   * fails is dead-lettered, so that it never blocks its event's partition.
   * While the database is away, the batch fails as a whole, to be redelivered.
   */
  async decide(commands: readonly BookingCommand[], positions: ReadonlyMap<string, CommandOrigin> = new Map()): Promise<void> {
    batchSize.observe(commands.length);
    try {
      await this.bookings.inTransaction((store) => this.decideIn(store, commands, positions));
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      this.logger.warn({ commands: commands.length, err: messageOf(error) }, 'the batch failed: deciding it one command at a time');
      for (const command of commands) await this.decideAlone(command, positions);
    }
    await this.relay.flush();
  }

  /** A command on its own, tried a few times; still failing, it is dead-lettered. */
  private decideAlone(command: BookingCommand, positions: ReadonlyMap<string, CommandOrigin>): Promise<void> {
    // Alone, the command is the one request being handled: its log lines and dead letter name it.
    return withCorrelation(positions.get(command.commandId)?.correlationId, () => this.decideAloneNow(command, positions));
  }

  private async decideAloneNow(command: BookingCommand, positions: ReadonlyMap<string, CommandOrigin>): Promise<void> {
    let failure: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS_ALONE; attempt += 1) {
      try {
        await this.bookings.inTransaction((store) => this.decideIn(store, [command], positions));
        return;
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        failure = error;
      }
    }
    await this.deadLetter(command, failure);
  }

  /**
   * Sets a command that cannot be decided aside on the dead-letter topic with
   * its reason, answers its requester with INTERNAL_ERROR (so a waiting hold
   * request does not hang), and records it as decided, so a redelivery is
   * answered the same instead of failing again.
   */
  private async deadLetter(command: BookingCommand, failure: unknown): Promise<void> {
    const error = messageOf(failure);
    this.logger.error({ commandId: command.commandId, type: command.type, eventId: command.eventId, err: error }, 'booking command dead-lettered');
    const now = new Date();
    const bookingId = bookingIdOf(command);
    const booking = bookingId === undefined ? undefined : await this.bookings.findBooking(bookingId);
    const answer = booking
      ? bookingEventOf(booking, command.commandId, now, FAILED)
      : command.type === 'hold'
        ? rejectedHoldEvent(command, now, FAILED)
        : undefined;
    await this.bookings.inTransaction(async (store) => {
      await store.record([
        {
          commandId: command.commandId,
          eventId: command.eventId,
          type: command.type,
          bookingId: booking?.id ?? null,
          result: { outcome: 'rejected', ...FAILED, unavailableSeatIds: null } satisfies RecordedDecision,
        },
      ]);
      await store.enqueue([
        encodeMessage(Topic.BookingDlq, { command, error, attempts: ATTEMPTS_ALONE, failedAt: now.toISOString() }),
        ...(answer ? [encodeMessage(Topic.BookingEvents, answer)] : []),
      ]);
    });
    bookingDecisions.inc({ type: command.type, outcome: 'dead-lettered' });
  }

  /**
   * Decides the batch, reading for its best-available holds the runs nearest the stage first;
   * while one of them found no seats there and more runs exist, reads more and decides the
   * whole batch again (the rules are pure, nothing was written yet). Holds asking for the same
   * part of the same event share one read: a flash sale's hundreds of "best 4" read it once.
   */
  private async decideWithCandidates(store: BookingStore, fresh: readonly BookingCommand[], now: Date, state: BatchState): Promise<BatchResult> {
    const groups = new Map<string, { key: string; eventId: string; best: BestAvailable; runs: number; commandIds: string[] }>();
    for (const command of fresh) {
      if (command.type !== 'hold' || !command.best) continue;
      const { tier, section, accessible } = command.best;
      const key = JSON.stringify([command.eventId, tier ?? null, section ?? null, accessible === true]);
      const group = groups.get(key);
      if (group) {
        // The smallest group asked for decides which runs have room: a run with room for it may seat the others too.
        group.best = { ...group.best, count: Math.min(group.best.count, command.best.count) };
        group.commandIds.push(command.commandId);
      } else {
        groups.set(key, { key, eventId: command.eventId, best: command.best, runs: FIRST_CANDIDATE_RUNS, commandIds: [command.commandId] });
      }
    }
    const groupOf = new Map([...groups.values()].flatMap((group) => group.commandIds.map((commandId) => [commandId, group] as const)));
    const areas = standingGroupsOf(fresh);
    const areaOf = new Map([...areas.values()].flatMap((group) => group.commandIds.map((commandId) => [commandId, group] as const)));
    let asking = [...groups.values()];
    let askingPlaces = [...areas.values()];
    const seats = new Map(state.seats);
    const bestCandidates = new Map<string, { seatIds: string[]; complete: boolean }>();
    const standingCandidates = new Map<string, StandingCandidates>();
    for (;;) {
      const read = await store.loadBestCandidates(asking);
      for (const group of asking) {
        const candidates = read.get(group.key)!;
        for (const seat of candidates.seats) if (!seats.has(seat.id)) seats.set(seat.id, seat);
        const seen = { seatIds: candidates.seats.map((seat) => seat.id), complete: candidates.complete };
        for (const commandId of group.commandIds) bestCandidates.set(commandId, seen);
      }
      const places = await store.loadStandingCandidates(askingPlaces);
      for (const group of askingPlaces) {
        const candidates = places.get(group.key)!;
        for (const seat of candidates.seats) if (!seats.has(seat.id)) seats.set(seat.id, seat);
        const seen = { seatIds: candidates.seats.map((seat) => seat.id), complete: candidates.complete, exists: candidates.exists };
        for (const commandId of group.commandIds) standingCandidates.set(commandId, seen);
      }
      const result = decideBatch({ ...state, seats, bestCandidates, standingCandidates }, fresh, now, this.policy);
      if (result.needsMoreCandidates.length === 0 && result.needsMorePlaces.length === 0) return result;
      asking = [...new Set(result.needsMoreCandidates.map((commandId) => groupOf.get(commandId)!))];
      for (const group of asking) group.runs *= MORE_CANDIDATE_RUNS;
      askingPlaces = [...new Set(result.needsMorePlaces.map((commandId) => areaOf.get(commandId)!))];
      for (const group of askingPlaces) group.limit *= MORE_CANDIDATE_RUNS;
    }
  }

  private async decideIn(store: BookingStore, commands: readonly BookingCommand[], positions: ReadonlyMap<string, CommandOrigin>): Promise<void> {
    const events = await store.lockEvents(unique(commands.map((command) => command.eventId)));
    const holds = commands.filter((command) => command.type === 'hold');
    // The head of the line of each event where a command may release seats (a hold never does: a flash sale's batches of holds
    // read no line), and the offers among the batch's bookings; the buyers in line have their live seats counted like the holds'.
    const releasing = unique(commands.filter((command) => command.type !== 'hold').map((command) => command.eventId));
    const waitingEntries = await store.waitingLines().load(releasing, defined(unique(commands.map(bookingIdOf))));
    const buyers = new Map(
      [...holds, ...waitingEntries].map((buyer) => [buyerKey(buyer.userId, buyer.eventId), { userId: buyer.userId, eventId: buyer.eventId }]),
    );
    const noOrphans = new Set(events.filter((event) => event.noOrphanSeats).map((event) => event.id));
    // Everything any command of the batch may need, read at once: a replay's keys come along, which costs a few rows.
    const rows = await store.load({
      commandIds: commands.map((command) => command.commandId),
      userIds: unique(holds.map((command) => command.userId)),
      bookingIds: defined(unique(commands.map(bookingIdOf))),
      seatIds: unique(commands.flatMap((command) => (command.type === 'hold' || command.type === 'set-blocked' ? command.seatIds : []))),
      runsOf: unique(holds.filter((command) => noOrphans.has(command.eventId)).flatMap((command) => command.seatIds)),
      buyers: [...buyers.values()],
    });
    const now = rows.now;
    const processed = new Map(rows.processed.map((row) => [row.commandId, row]));
    const fresh: BookingCommand[] = [];
    const replays: BookingCommand[] = [];
    const seen = new Set<string>();
    for (const command of commands) {
      if (processed.has(command.commandId) || seen.has(command.commandId)) replays.push(command);
      else fresh.push(command);
      seen.add(command.commandId);
    }

    const replayedBookingIds = replays.map((command) => processed.get(command.commandId)?.bookingId ?? bookingIdOf(command));
    const loaded = rows.bookings;
    const result = await this.decideWithCandidates(store, fresh, now, {
      seats: byId(rows.seats),
      bookings: byId(loaded),
      events: byId(events),
      users: new Set(rows.users),
      liveSeats: new Map(rows.liveSeats.map((row) => [buyerKey(row.userId, row.eventId), row.seats])),
      waitingEntries,
    });

    const deltas = seatDeltasOf(result.seatChanges);
    const versions = await store.save({
      bookings: result.bookings,
      seatChanges: result.seatChanges,
      versionSteps: new Map([...deltas].map(([eventId, chunks]) => [eventId, chunks.length])),
      // A deferred decision is not final: the same command asked again is decided afresh.
      processed: result.decisions
        .filter((decision) => !decision.deferred)
        .map((decision): ProcessedCommandRow => ({
          commandId: decision.command.commandId,
          eventId: decision.command.eventId,
          type: decision.command.type,
          bookingId: decision.booking?.id ?? null,
          result: {
            outcome: decision.outcome,
            errorCode: decision.errorCode ?? null,
            reason: decision.reason ?? null,
            unavailableSeatIds: decision.unavailableSeatIds ?? null,
          } satisfies RecordedDecision,
        })),
    });

    await store.waitingLines().save(result.waitingEntries);
    // Each delta that changed places says how many each of their areas has left, counted after this batch's writes.
    const placesLeft = await store.countPlacesLeft(standingAreasChanged(result.seatChanges));

    // Tickets change with their bookings, in this transaction: none ever lets anyone in for a booking that is not confirmed.
    const tickets = ticketChangesOf(byId(loaded), result.bookings);
    if (tickets.issue.length > 0 || tickets.revoke.length > 0) await store.saveTickets(tickets, now);

    const latest = byId([...loaded, ...result.bookings]);
    // Each message says which request it answers; a seat delta carrying several requests' changes says the first one's.
    const headersOf = (command: BookingCommand) => correlationHeaders(positions.get(command.commandId)?.correlationId);
    const firstOfEvent = new Map<string, Record<string, string>>();
    for (const command of commands) {
      const headers = headersOf(command);
      if (!firstOfEvent.has(command.eventId) && Object.keys(headers).length > 0) firstOfEvent.set(command.eventId, headers);
    }
    const messages: EncodedMessage[] = [
      ...seatUpdatesOf(
        deltas,
        versions,
        (eventId) => firstOfEvent.get(eventId) ?? {},
        (eventId) => placesLeft.filter((area) => area.eventId === eventId).map(({ areaId, available }) => ({ areaId, available })),
      ),
      ...result.decisions.flatMap((decision) => [
        ...(decision.booking
          ? [
              encodeMessage(
                Topic.BookingEvents,
                bookingEventOf(decision.booking, decision.command.commandId, now, { ...decision, trace: traceOf(decision.command, positions, now) }),
                headersOf(decision.command),
              ),
            ]
          : []),
        ...decision.followUps.map((followUp) => followUpMessage(followUp, now, headersOf(decision.command))),
      ]),
      // Seats held for buyers in line: their tabs hear of it like of any hold, and they are told (docs/architecture.md §14).
      ...result.offers.map((bookingId) => {
        const offer = latest.get(bookingId)!;
        return encodeMessage(Topic.BookingEvents, { ...bookingEventOf(offer, offer.commandId, now), waitingListOffer: true as const });
      }),
      // A replayed command is answered again with the booking as it stands, so a
      // client retrying with the same Idempotency-Key gets the first outcome.
      ...replays.flatMap((command, i) => {
        const bookingId = replayedBookingIds[i];
        const booking = bookingId === undefined ? undefined : latest.get(bookingId);
        const note = noteOf(processed.get(command.commandId));
        if (booking) return [encodeMessage(Topic.BookingEvents, bookingEventOf(booking, command.commandId, now, note), headersOf(command))];
        // A hold that was dead-lettered left no booking: it is answered as it was the first time.
        return command.type === 'hold' && note.errorCode ? [encodeMessage(Topic.BookingEvents, rejectedHoldEvent(command, now, note), headersOf(command))] : [];
      }),
    ];
    await store.enqueue(messages);

    for (const decision of result.decisions) {
      bookingDecisions.inc({ type: decision.command.type, outcome: decision.outcome });
      decisionLatency.observe(Math.max(0, now.getTime() - Date.parse(decision.command.issuedAt)) / 1000);
    }
    if (replays.length > 0) bookingDecisions.inc({ type: 'replay', outcome: 'ignored' }, replays.length);
  }
}

/**
 * The holds of standing places, one group per area of an event: one read serves them all, its
 * first limit the places the group asks for in all (enough unless the batch frees or names some).
 */
function standingGroupsOf(
  commands: readonly BookingCommand[],
): Map<string, { key: string; eventId: string; areaId: string; limit: number; commandIds: string[] }> {
  const groups = new Map<string, { key: string; eventId: string; areaId: string; limit: number; commandIds: string[] }>();
  for (const command of commands) {
    if (command.type !== 'hold' || !command.ga || command.best) continue;
    const key = areaKeyOf(command.eventId, command.ga.areaId);
    const group = groups.get(key) ?? { key, eventId: command.eventId, areaId: command.ga.areaId, limit: 0, commandIds: [] };
    group.limit = Math.min(group.limit + command.ga.quantity, MAX_PLACES_READ);
    group.commandIds.push(command.commandId);
    groups.set(key, group);
  }
  return groups;
}

/** The most places one group reads at first: a flash sale's batch of thousands of holds reads in steps. */
const MAX_PLACES_READ = 5000;

/** The standing areas whose places the batch changed. */
function standingAreasChanged(changes: ReadonlyArray<{ after: SeatState }>): Array<{ eventId: string; areaId: string }> {
  const areas = new Map<string, { eventId: string; areaId: string }>();
  for (const { after } of changes) {
    if (isStandingPlace(after)) areas.set(areaKeyOf(after.eventId, after.section), { eventId: after.eventId, areaId: after.section });
  }
  return [...areas.values()];
}

/** Best available first reads this many runs per request, and four times as many each time they were not enough. */
const FIRST_CANDIDATE_RUNS = 8;
const MORE_CANDIDATE_RUNS = 4;

/** How a command's first decision is recorded, so a replay answers with the same error and seats. */
const recordedDecisionSchema = z.object({
  outcome: z.enum(['applied', 'rejected', 'ignored']),
  errorCode: errorCodeSchema.nullable(),
  reason: z.string().nullable(),
  unavailableSeatIds: z.array(z.string()).nullable(),
});
type RecordedDecision = z.infer<typeof recordedDecisionSchema>;

function noteOf(row: ProcessedCommandRow | undefined): DecisionNote {
  const recorded = recordedDecisionSchema.safeParse(row?.result);
  if (!recorded.success) return {};
  const { errorCode, reason, unavailableSeatIds } = recorded.data;
  return { errorCode: errorCode ?? undefined, reason: reason ?? undefined, unavailableSeatIds: unavailableSeatIds ?? undefined };
}

/** Where a command sat in its partition, for the decision's trace, and the request it came from. */
export interface CommandOrigin {
  partition: number;
  offset: string;
  correlationId?: string;
}

function traceOf(command: BookingCommand, positions: ReadonlyMap<string, CommandOrigin>, now: Date): BookingEvent['trace'] {
  const position = positions.get(command.commandId);
  return position && { partition: position.partition, offset: position.offset, decidedInMs: Math.max(0, now.getTime() - Date.parse(command.issuedAt)) };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const defined = <T>(values: ReadonlyArray<T | undefined>): T[] => values.filter((value): value is T => value !== undefined);
const byId = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((row) => [row.id, row]));
