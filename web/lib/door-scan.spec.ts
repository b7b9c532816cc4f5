import { describe, expect, it } from 'vitest';
import { ApiError, GatewayUnreachableError } from './api';
import { admitted, refused, seatWords } from './door-scan';
import { ticketFixture } from '@/test/tickets';

const TICKET = ticketFixture(5, { status: 'checked_in', checkedInAt: '2026-12-07T19:02:13.000Z' });

describe('what the door shows after a scan', () => {
  it('lets the holder in on the first scan, at the time the gateway recorded', () => {
    expect(admitted({ ticket: TICKET, count: { eventId: 'evt_jazz', checkedIn: 1, total: 4 } })).toEqual({
      kind: 'admitted',
      ticket: TICKET,
      at: TICKET.checkedInAt,
    });
  });

  it('names the first scan’s time for a ticket already scanned in', () => {
    const error = new ApiError(409, 'ALREADY_CHECKED_IN', 'Already scanned in.', { checkedInAt: TICKET.checkedInAt, ticket: TICKET });
    expect(refused(error)).toEqual({ kind: 'already-in', ticket: TICKET, at: TICKET.checkedInAt });
  });

  it('tells a revoked ticket, another event’s and a forged code apart', () => {
    const revokedAt = '2026-12-07T12:00:00.000Z';
    expect(refused(new ApiError(409, 'TICKET_REVOKED', 'Revoked.', { revokedAt, ticket: { ...TICKET, status: 'revoked' } }))).toMatchObject({
      kind: 'revoked',
      at: revokedAt,
    });
    expect(refused(new ApiError(409, 'TICKET_WRONG_EVENT', 'Another event.', { ticketEventId: 'evt_eras' }))).toEqual({
      kind: 'wrong-event',
      ticketEventId: 'evt_eras',
    });
    expect(refused(new ApiError(422, 'TICKET_INVALID', 'Not ours.'))).toEqual({ kind: 'invalid' });
  });

  it('puts anything else in words, never a raw code: a refusal without its details, a gateway out of reach', () => {
    expect(refused(new ApiError(409, 'ALREADY_CHECKED_IN', 'Already scanned in.'))).toEqual({
      kind: 'failed',
      message: 'This ticket has already been scanned in.',
    });
    expect(refused(new GatewayUnreachableError('down'))).toMatchObject({ kind: 'failed', message: expect.stringMatching(/can't reach/) });
  });

  it('says where the holder sits', () => {
    expect(seatWords(TICKET)).toBe('Main Room, row C, seat 5');
  });
});
