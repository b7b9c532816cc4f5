import {
  bookingCommands,
  Topic,
  type Booking,
  type BookingCommand,
  type BookingEvent,
  type HoldCommand,
  type SeatChange,
  type StandingCount,
} from '@seatstorm/contracts';
import { encodeMessage, type EncodedMessage } from '@seatstorm/kafka';
import type { BookingState, Decision, FollowUp, SeatState } from './booking.rules';

/** What a decision says beyond the booking's state: why, with which code, which seats were lost, and how it was decided. */
export type DecisionNote = Pick<Decision, 'reason' | 'errorCode' | 'unavailableSeatIds'> & { trace?: BookingEvent['trace'] };

/** The booking as its owner sees it: the contracts' one shape. */
export function bookingViewOf(booking: BookingState): Booking {
  return {
    id: booking.id,
    eventId: booking.eventId,
    userId: booking.userId,
    status: booking.status,
    seatIds: booking.seatIds,
    amount: booking.amount,
    expiresAt: booking.expiresAt?.toISOString() ?? null,
    reason: booking.reason,
    failureCode: booking.failureCode,
    extensionsLeft: booking.extensionsLeft,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}

/** The booking after `commandId` was decided, with the decision's words and code when it was refused. */
export function bookingEventOf(booking: BookingState, commandId: string, now: Date, note: DecisionNote = {}): BookingEvent {
  const { id, ...view } = bookingViewOf(booking);
  return {
    bookingId: id,
    ...view,
    reason: note.reason ?? view.reason,
    ...(note.errorCode ? { errorCode: note.errorCode } : {}),
    ...(note.unavailableSeatIds ? { unavailableSeatIds: note.unavailableSeatIds } : {}),
    ...(note.trace ? { trace: note.trace } : {}),
    commandId,
    occurredAt: now.toISOString(),
  };
}

/** The answer to a hold that left no booking behind (it could not be decided): rejected, holding nothing. */
export function rejectedHoldEvent(command: HoldCommand, now: Date, note: DecisionNote): BookingEvent {
  const booking: BookingState = {
    id: command.bookingId,
    eventId: command.eventId,
    userId: command.userId,
    status: 'rejected',
    commandId: command.commandId,
    seatIds: command.seatIds,
    amount: 0,
    expiresAt: null,
    holdExtendedAt: null,
    reason: note.reason ?? null,
    failureCode: note.errorCode ?? null,
    extensionsLeft: 0,
    cardToken: null,
    chargePaymentId: null,
    refundPaymentId: null,
    createdAt: now,
    updatedAt: now,
  };
  return bookingEventOf(booking, command.commandId, now, { errorCode: note.errorCode });
}

/**
 * The most seat changes one seat.updated carries. A seat change is at most
 * about 320 bytes of JSON (ids are at most 128 characters), so a delta stays
 * well under Kafka's message size limit (MAX_MESSAGE_BYTES), however many
 * seats one batch changes (an admin blocking a stadium's seats).
 */
export const MAX_CHANGES_PER_SEAT_UPDATE = 2000;

/**
 * The seat changes of a batch, per event, cut into deltas of at most
 * MAX_CHANGES_PER_SEAT_UPDATE changes: each delta is one step of the event's
 * seat version.
 */
export function seatDeltasOf(changes: ReadonlyArray<{ after: SeatState }>): Map<string, SeatChange[][]> {
  const byEvent = new Map<string, SeatChange[][]>();
  for (const { after } of changes) {
    const change: SeatChange = { seatId: after.id, status: after.status, bookingId: after.bookingId };
    const deltas = byEvent.get(after.eventId) ?? [];
    const last = deltas[deltas.length - 1];
    if (last && last.length < MAX_CHANGES_PER_SEAT_UPDATE) last.push(change);
    else deltas.push([change]);
    byEvent.set(after.eventId, deltas);
  }
  return byEvent;
}

/**
 * The versioned seat.updated messages of the deltas (docs/architecture.md §5),
 * given each event's seat version after them: a chain, each message's
 * `baseVersion` the previous one's `version`. The last one of an event carries how many
 * places its changed standing areas have left after them all (docs/architecture.md §15).
 */
export function seatUpdatesOf(
  deltas: ReadonlyMap<string, SeatChange[][]>,
  versions: ReadonlyMap<string, number>,
  headersOf: (eventId: string) => Record<string, string> = () => ({}),
  placesLeftOf: (eventId: string) => StandingCount[] = () => [],
): EncodedMessage[] {
  return [...deltas].flatMap(([eventId, chunks]) => {
    const version = versions.get(eventId);
    if (version === undefined) throw new Error(`no new seat version for ${eventId}`);
    const base = version - chunks.length;
    const areas = placesLeftOf(eventId);
    return chunks.map((changes, i) =>
      encodeMessage(
        Topic.SeatUpdated,
        { eventId, baseVersion: base + i, version: base + i + 1, changes, ...(i === chunks.length - 1 && areas.length > 0 ? { areas } : {}) },
        headersOf(eventId),
      ),
    );
  });
}

/** Follow-ups travel through the outbox with the decision, so they happen if and only if it committed. */
export function followUpMessage(followUp: FollowUp, now: Date, headers: Record<string, string> = {}): EncodedMessage {
  if (followUp.kind === 'payment-request') {
    return encodeMessage(Topic.PaymentRequests, { ...followUp.request, requestedAt: now.toISOString() }, headers);
  }
  return encodeMessage(Topic.BookingCommands, bookingCommands.confirm({ eventId: followUp.eventId, bookingId: followUp.bookingId }, now), headers);
}

/** The booking a command is about; an admin's seat block is about none. */
export const bookingIdOf = (command: BookingCommand): string | undefined => ('bookingId' in command ? command.bookingId : undefined);
