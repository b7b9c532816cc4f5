import {
  alreadyCheckedInDetailsSchema,
  ticketRevokedDetailsSchema,
  ticketWrongEventDetailsSchema,
  type CheckInResult,
  type Ticket,
} from '@seatstorm/contracts';
import { ApiError } from './api';
import { describeError } from './errors';

/**
 * What the door shows after a scan: let in, or refused and why. The gateway decides (a ticket
 * lets one person in, once); this only puts its answer in words for the person at the door.
 */
export type DoorScan =
  | { kind: 'admitted'; ticket: Ticket; at: string }
  | { kind: 'already-in'; ticket: Ticket; at: string }
  | { kind: 'revoked'; ticket: Ticket; at: string }
  | { kind: 'wrong-event'; ticketEventId: string }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

export function admitted(result: CheckInResult): DoorScan {
  return { kind: 'admitted', ticket: result.ticket, at: result.ticket.checkedInAt ?? new Date().toISOString() };
}

/** A refused scan, read from the error the gateway answered; anything unexpected is `failed`, in words. */
export function refused(error: unknown): DoorScan {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'ALREADY_CHECKED_IN': {
        const details = alreadyCheckedInDetailsSchema.safeParse(error.details);
        if (details.success) return { kind: 'already-in', ticket: details.data.ticket, at: details.data.checkedInAt };
        break;
      }
      case 'TICKET_REVOKED': {
        const details = ticketRevokedDetailsSchema.safeParse(error.details);
        if (details.success) return { kind: 'revoked', ticket: details.data.ticket, at: details.data.revokedAt };
        break;
      }
      case 'TICKET_WRONG_EVENT': {
        const details = ticketWrongEventDetailsSchema.safeParse(error.details);
        if (details.success) return { kind: 'wrong-event', ticketEventId: details.data.ticketEventId };
        break;
      }
      case 'TICKET_INVALID':
      case 'VALIDATION_FAILED':
        return { kind: 'invalid' };
    }
  }
  return { kind: 'failed', message: describeError(error) };
}

/** "Floor, row C, seat 5": where a ticket's holder sits, as the door says it. */
export function seatWords(ticket: Pick<Ticket, 'seat'>): string {
  const { section, row, number } = ticket.seat;
  return `${section}, row ${row}, seat ${number}`;
}
