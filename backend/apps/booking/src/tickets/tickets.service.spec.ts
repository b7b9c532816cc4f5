import { generateKeyPairSync } from 'node:crypto';
import { loadConfig, ticketSigningKeysOf } from '@seatstorm/config';
import { DomainError } from '@seatstorm/errors';
import { describe, expect, it } from 'vitest';
import { signTicketCode } from './ticket-codes';
import type { TicketRow, TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

const config = loadConfig({});
const { privateKey } = ticketSigningKeysOf(config);
const row: TicketRow = {
  id: 'tkt_0123456789abcdef0123',
  bookingId: 'bkg_1',
  eventId: 'evt_eras',
  seatId: 'evt_eras_A1',
  seat: { label: 'A1', section: 'Floor', row: 'A', number: 1, tier: 'VIP' },
  holderName: 'Alice',
  status: 'valid',
  issuedAt: new Date('2026-12-07T20:00:00Z'),
  checkedInAt: null,
  revokedAt: null,
};
const claims = { ticketId: row.id, eventId: row.eventId, seatId: row.seatId, issuedAt: row.issuedAt };
const code = signTicketCode(claims, privateKey);
const staff = { userId: 'usr_staff', role: 'staff' } as const;

/** A repository that records what was asked of it, answering the door's update with `checkedIn`. */
function door(checkedIn: TicketRow | undefined, found: TicketRow | undefined = checkedIn) {
  const asked: string[] = [];
  const repository = {
    checkIn: async () => (asked.push('checkIn'), checkedIn),
    findTicket: async () => (asked.push('findTicket'), found),
    countCheckIns: async (eventId: string) => (asked.push('countCheckIns'), { eventId, checkedIn: 1, total: 2 }),
    findBookingTickets: async () => (asked.push('findBookingTickets'), undefined),
  } satisfies Partial<Record<keyof TicketsRepository, unknown>>;
  return { asked, service: new TicketsService(repository as unknown as TicketsRepository, config) };
}

const refusal = async (work: Promise<unknown>): Promise<DomainError> => {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('the door', () => {
  it('reads nothing for a code that does not verify, a code of another event, or a caller who is not staff', async () => {
    const forged = signTicketCode(claims, generateKeyPairSync('ed25519').privateKey);
    const cases = [
      [staff, { eventId: 'evt_eras', code: forged }, 'TICKET_INVALID'],
      [staff, { eventId: 'evt_eras', code: 'not a ticket' }, 'TICKET_INVALID'],
      [staff, { eventId: 'evt_jazz', code }, 'TICKET_WRONG_EVENT'],
      [{ userId: 'usr_alice', role: 'user' }, { eventId: 'evt_eras', code }, 'FORBIDDEN'],
    ] as const;
    for (const [caller, request, expected] of cases) {
      const { asked, service } = door({ ...row, status: 'checked_in', checkedInAt: new Date() });
      expect((await refusal(service.checkIn(caller, request))).code).toBe(expected);
      expect(asked).toEqual([]);
    }
  });

  it('answers the first scan with the ticket and the count, and a later one with the first scan’s time', async () => {
    const checkedInAt = new Date('2026-12-07T20:30:00Z');
    const first = door({ ...row, status: 'checked_in', checkedInAt });
    const result = await first.service.checkIn(staff, { eventId: 'evt_eras', code });
    expect(result).toMatchObject({ ticket: { id: row.id, status: 'checked_in', checkedInAt: checkedInAt.toISOString(), code }, count: { checkedIn: 1 } });
    expect(first.asked).toEqual(['checkIn', 'countCheckIns']);

    const later = door(undefined, { ...row, status: 'checked_in', checkedInAt });
    const error = await refusal(later.service.checkIn(staff, { eventId: 'evt_eras', code }));
    expect({ code: error.code, details: error.details }).toMatchObject({ code: 'ALREADY_CHECKED_IN', details: { checkedInAt: checkedInAt.toISOString() } });
    expect(later.asked).toEqual(['checkIn', 'findTicket']);
  });
});
