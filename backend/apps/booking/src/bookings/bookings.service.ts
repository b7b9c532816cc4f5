import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { errorCodeSchema, Topic, type BookingCommand, type BookingEvent } from '@seatstorm/contracts';
import { z } from 'zod';
import { encodeMessage, type EncodedMessage } from '@seatstorm/kafka';
import { OutboxRelay } from '../outbox/outbox.relay';
import { bookingEventOf, bookingIdOf, followUpMessage, seatUpdatesOf, type DecisionNote } from './booking-messages';
import { buyerKey, decideBatch, type HoldPolicy } from './booking.rules';
import { BookingsRepository, SeatConflictError, type BookingStore, type ProcessedCommandRow } from './bookings.repository';
import { batchSize, bookingDecisions, decisionLatency } from './booking.metrics';

/**
 * Decides batches of booking commands: load and lock what they touch, decide
 * with the pure rules, save winners, losers, seats, the new seat version and
 * the outgoing messages in one transaction; then publish (docs/architecture.md §4).
 */
@Injectable()
export class BookingsService {
  private readonly logger = new Logger(BookingsService.name);
  private readonly policy: HoldPolicy;

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = {
      holdTtlMs: config.HOLD_TTL * 1000,
      paymentExtensionMs: config.PAYMENT_HOLD_EXTENSION * 1000,
      maxHoldLifetimeMs: config.HOLD_MAX_LIFETIME * 1000,
      maxSeatsPerBooking: config.MAX_SEATS_PER_BOOKING,
      maxSeatsPerBuyer: config.MAX_SEATS_PER_BUYER,
    };
  }

  /**
   * Decides the commands in order. If the database disagrees with a decision
   * (a seat changed under it), nothing of the batch is kept and each command is
   * decided again on its own, against fresh state.
   */
  async decide(commands: readonly BookingCommand[], positions: ReadonlyMap<string, KafkaPosition> = new Map()): Promise<void> {
    batchSize.observe(commands.length);
    try {
      await this.bookings.inTransaction((store) => this.decideIn(store, commands, positions));
    } catch (error) {
      if (!(error instanceof SeatConflictError) || commands.length === 1) throw error;
      this.logger.warn({ commands: commands.length, err: error.message }, 'seat conflict: deciding the batch one command at a time');
      for (const command of commands) await this.bookings.inTransaction((store) => this.decideIn(store, [command], positions));
    }
    await this.relay.flush();
  }

  private async decideIn(store: BookingStore, commands: readonly BookingCommand[], positions: ReadonlyMap<string, KafkaPosition>): Promise<void> {
    const events = await store.lockEvents(unique(commands.map((command) => command.eventId)));
    const now = new Date();
    const holds = commands.filter((command) => command.type === 'hold');
    const buyers = new Map(holds.map((command) => [buyerKey(command.userId, command.eventId), { userId: command.userId, eventId: command.eventId }]));
    // Everything any command of the batch may need, read at once: a replay's keys come along, which costs a few rows.
    const rows = await store.load({
      commandIds: commands.map((command) => command.commandId),
      userIds: unique(holds.map((command) => command.userId)),
      bookingIds: defined(unique(commands.map(bookingIdOf))),
      seatIds: unique(commands.flatMap((command) => (command.type === 'hold' || command.type === 'set-blocked' ? command.seatIds : []))),
      buyers: [...buyers.values()],
    });
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
    const result = decideBatch(
      {
        seats: byId(rows.seats),
        bookings: byId(loaded),
        events: byId(events),
        users: new Set(rows.users),
        liveSeats: new Map(rows.liveSeats.map((row) => [buyerKey(row.userId, row.eventId), row.seats])),
      },
      fresh,
      now,
      this.policy,
    );

    const versions = await store.save({
      bookings: result.bookings,
      seatChanges: result.seatChanges,
      bumpedEventIds: unique(result.seatChanges.map((change) => change.after.eventId)),
      processed: result.decisions.map((decision): ProcessedCommandRow => ({
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

    const latest = byId([...loaded, ...result.bookings]);
    const messages: EncodedMessage[] = [
      ...seatUpdatesOf(result.seatChanges, versions),
      ...result.decisions.flatMap((decision) => [
        ...(decision.booking
          ? [encodeMessage(Topic.BookingEvents, bookingEventOf(decision.booking, decision.command.commandId, now, { ...decision, trace: traceOf(decision.command, positions, now) }))]
          : []),
        ...decision.followUps.map((followUp) => followUpMessage(followUp, now)),
      ]),
      // A replayed command is answered again with the booking as it stands, so a
      // client retrying with the same Idempotency-Key gets the first outcome.
      ...replays.flatMap((command, i) => {
        const bookingId = replayedBookingIds[i];
        const booking = bookingId === undefined ? undefined : latest.get(bookingId);
        const note = noteOf(processed.get(command.commandId));
        return booking ? [encodeMessage(Topic.BookingEvents, bookingEventOf(booking, command.commandId, now, note))] : [];
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

/** Where a command sat in its partition, for the decision's trace. */
export interface KafkaPosition {
  partition: number;
  offset: string;
}

function traceOf(command: BookingCommand, positions: ReadonlyMap<string, KafkaPosition>, now: Date): BookingEvent['trace'] {
  const position = positions.get(command.commandId);
  return position && { ...position, decidedInMs: Math.max(0, now.getTime() - Date.parse(command.issuedAt)) };
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const defined = <T>(values: ReadonlyArray<T | undefined>): T[] => values.filter((value): value is T => value !== undefined);
const byId = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((row) => [row.id, row]));

