import { Topic, type BookingCommand, type BookingEvent, type SeatChange } from '@seatstorm/contracts';
import { encodeMessage, type EncodedMessage } from '@seatstorm/kafka';
import type { BookingState, Decision, FollowUp, SeatState } from './booking.rules';

/** What a decision says beyond the booking's state: why, with which code, which seats were lost, and how it was decided. */
export type DecisionNote = Pick<Decision, 'reason' | 'errorCode' | 'unavailableSeatIds'> & { trace?: BookingEvent['trace'] };

/** What every view of a booking shows, on the wire. */
export function publicFieldsOf(booking: BookingState) {
  return {
    eventId: booking.eventId,
    userId: booking.userId,
    status: booking.status,
    seatIds: booking.seatIds,
    amount: booking.amount,
    expiresAt: booking.expiresAt?.toISOString() ?? null,
  };
}

/** The booking as the owner sees it after `commandId` was decided. */
export function bookingEventOf(booking: BookingState, commandId: string, now: Date, note: DecisionNote = {}): BookingEvent {
  const reason = note.reason ?? booking.reason;
  return {
    bookingId: booking.id,
    ...publicFieldsOf(booking),
    ...(reason ? { reason } : {}),
    ...(note.errorCode ? { errorCode: note.errorCode } : {}),
    ...(note.unavailableSeatIds ? { unavailableSeatIds: note.unavailableSeatIds } : {}),
    ...(note.trace ? { trace: note.trace } : {}),
    commandId,
    occurredAt: now.toISOString(),
  };
}

/** One versioned delta per event whose seats the batch changed (docs/architecture.md §5). */
export function seatUpdatesOf(changes: ReadonlyArray<{ after: SeatState }>, versions: ReadonlyMap<string, number>): EncodedMessage[] {
  const byEvent = new Map<string, SeatChange[]>();
  for (const { after } of changes) {
    const change: SeatChange = { seatId: after.id, status: after.status, bookingId: after.bookingId };
    const list = byEvent.get(after.eventId);
    if (list) list.push(change);
    else byEvent.set(after.eventId, [change]);
  }
  return [...byEvent].map(([eventId, seatChanges]) => {
    const version = versions.get(eventId);
    if (version === undefined) throw new Error(`no new seat version for ${eventId}`);
    return encodeMessage(Topic.SeatUpdated, { eventId, baseVersion: version - 1, version, changes: seatChanges });
  });
}

/** Follow-ups travel through the outbox with the decision, so they happen if and only if it committed. */
export function followUpMessage(followUp: FollowUp, now: Date): EncodedMessage {
  if (followUp.kind === 'payment-request') {
    return encodeMessage(Topic.PaymentRequests, { ...followUp.request, requestedAt: now.toISOString() });
  }
  const confirm: BookingCommand = {
    type: 'confirm',
    commandId: `confirm_${followUp.bookingId}`,
    eventId: followUp.eventId,
    issuedAt: now.toISOString(),
    bookingId: followUp.bookingId,
  };
  return encodeMessage(Topic.BookingCommands, confirm);
}

/** The booking a command is about; an admin's seat block is about none. */
export const bookingIdOf = (command: BookingCommand): string | undefined => ('bookingId' in command ? command.bookingId : undefined);
