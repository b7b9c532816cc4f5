import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, ticketSigningKeysOf, type AppConfig, type TicketSigningKeys } from '@seatstorm/config';
import type { BookingTickets, CheckInCount, CheckInRequest, CheckInResult, Ticket, UserRole } from '@seatstorm/contracts';
import { DomainError, notFound } from '@seatstorm/errors';
import { signTicketCode, verifyTicketCode } from './ticket-codes';
import { TicketsRepository, type TicketRow } from './tickets.repository';
import { refusalOf } from './tickets.rules';

/** Who asks, as the gateway verified them. */
export interface Caller {
  userId: string;
  role: UserRole;
}

/** Who may check tickets in, and read an event's count at the door. */
const DOOR_ROLES: readonly UserRole[] = ['staff', 'admin'];

/**
 * Tickets as their holders see them, with codes signed, and the door: a scanned code is
 * verified with the public key before anything is read, and let in exactly once.
 */
@Injectable()
export class TicketsService {
  private readonly logger = new Logger(TicketsService.name);
  private readonly keys: TicketSigningKeys;

  constructor(
    private readonly tickets: TicketsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = ticketSigningKeysOf(config);
  }

  async list(caller: Caller, bookingId: string): Promise<BookingTickets> {
    const booking = await this.tickets.findBookingTickets(bookingId);
    if (!booking) throw notFound(`Booking ${bookingId}`);
    if (booking.userId !== caller.userId && caller.role !== 'admin') throw new DomainError('FORBIDDEN', 'This booking belongs to someone else.');
    return { bookingId, bookingStatus: booking.status, tickets: booking.tickets.map((ticket) => this.view(ticket)) };
  }

  async checkIn(caller: Caller, { eventId, code }: CheckInRequest): Promise<CheckInResult> {
    mayWorkTheDoor(caller);
    // Nothing is read before the signature holds: a forged code costs no query.
    const claims = verifyTicketCode(code, this.keys.publicKey);
    if (!claims) throw new DomainError('TICKET_INVALID', 'This is not a valid ticket: the code is damaged, altered or not one of ours.');
    if (claims.eventId !== eventId) {
      throw new DomainError('TICKET_WRONG_EVENT', 'This ticket is for another event.', { ticketEventId: claims.eventId });
    }
    const checkedIn = await this.tickets.checkIn(claims, caller.userId);
    if (checkedIn) {
      this.logger.log({ ticketId: checkedIn.id, eventId, bookingId: checkedIn.bookingId }, 'ticket checked in');
      const count = await this.tickets.countCheckIns(eventId);
      return { ticket: this.view(checkedIn), count: count ?? { eventId, checkedIn: 0, total: 0 } };
    }
    const ticket = await this.tickets.findTicket(claims.ticketId);
    const refusal = refusalOf(ticket);
    throw new DomainError(refusal.code, refusal.message, ticket && this.refusalDetails(refusal.code, ticket));
  }

  async count(caller: Caller, eventId: string): Promise<CheckInCount> {
    mayWorkTheDoor(caller);
    const count = await this.tickets.countCheckIns(eventId);
    if (!count) throw notFound(`Event ${eventId}`);
    return count;
  }

  private view(ticket: TicketRow): Ticket {
    return {
      id: ticket.id,
      bookingId: ticket.bookingId,
      eventId: ticket.eventId,
      seatId: ticket.seatId,
      seat: ticket.seat,
      holderName: ticket.holderName,
      status: ticket.status,
      issuedAt: ticket.issuedAt.toISOString(),
      checkedInAt: ticket.checkedInAt?.toISOString() ?? null,
      revokedAt: ticket.revokedAt?.toISOString() ?? null,
      code: signTicketCode({ ticketId: ticket.id, eventId: ticket.eventId, seatId: ticket.seatId, issuedAt: ticket.issuedAt }, this.keys.privateKey),
    };
  }

  /** What the door shows beside a refusal: when the ticket was used or revoked, and whose it is. */
  private refusalDetails(code: DomainError['code'], ticket: TicketRow): unknown {
    if (code === 'ALREADY_CHECKED_IN') return { checkedInAt: ticket.checkedInAt?.toISOString(), ticket: this.view(ticket) };
    if (code === 'TICKET_REVOKED') return { revokedAt: ticket.revokedAt?.toISOString(), ticket: this.view(ticket) };
    return undefined;
  }
}

function mayWorkTheDoor(caller: Caller): void {
  if (!DOOR_ROLES.includes(caller.role)) throw new DomainError('FORBIDDEN', 'Only door staff and admins check tickets in.');
}
