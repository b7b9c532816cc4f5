import type { ErrorCode, TicketStatus } from '@seatstorm/contracts';
import type { BookingState } from '../bookings/booking.rules';

/**
 * When tickets exist and when they let anyone in, as pure functions (docs/architecture.md,
 * "Tickets"). The booking core calls `ticketChangesOf` with each batch it decides, so tickets
 * are issued and revoked in the very transaction that changes their booking.
 */

/**
 * A booking's tickets are valid exactly while it is confirmed and no refund was asked for:
 * a confirmed booking whose owner cancelled it stays `confirmed` until the refund lands, and
 * its seats must not get anyone in meanwhile.
 */
export function hasValidTickets(booking: Pick<BookingState, 'status' | 'refundPaymentId'>): boolean {
  return booking.status === 'confirmed' && booking.refundPaymentId === null;
}

export interface TicketChanges {
  /** Bookings whose seats get a ticket each. */
  issue: string[];
  /** Bookings whose tickets stop letting anyone in. */
  revoke: string[];
}

/** What a batch does to tickets: from each changed booking as it was (absent: new) to as it is. */
export function ticketChangesOf(before: ReadonlyMap<string, BookingState>, after: readonly BookingState[]): TicketChanges {
  const changes: TicketChanges = { issue: [], revoke: [] };
  for (const booking of after) {
    const was = before.get(booking.id);
    const valid = hasValidTickets(booking);
    const wasValid = was !== undefined && hasValidTickets(was);
    if (valid && !wasValid) changes.issue.push(booking.id);
    else if (wasValid && !valid) changes.revoke.push(booking.id);
  }
  return changes;
}

/** A ticket as the door found it after its scan changed nothing. */
export interface ScannedTicket {
  status: TicketStatus;
  checkedInAt: Date | null;
  revokedAt: Date | null;
}

export interface Refusal {
  code: ErrorCode;
  message: string;
}

/**
 * Why a genuine code let nobody in, given its ticket as it stands now (after the scan's
 * conditional update changed nothing): used, revoked, or unknown to this database.
 */
export function refusalOf(ticket: ScannedTicket | undefined): Refusal {
  if (!ticket) return { code: 'TICKET_INVALID', message: 'This ticket was not issued here.' };
  if (ticket.status === 'revoked') return { code: 'TICKET_REVOKED', message: 'This ticket was revoked: its booking was cancelled or refunded.' };
  if (ticket.status === 'checked_in' && ticket.checkedInAt) {
    return { code: 'ALREADY_CHECKED_IN', message: `This ticket was already scanned, at ${ticket.checkedInAt.toISOString()}.` };
  }
  // A valid ticket whose update matched nothing names another seat or event than its code: not this code's ticket.
  return { code: 'TICKET_INVALID', message: 'This code does not match its ticket.' };
}
