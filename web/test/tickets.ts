import type { Ticket } from '@seatstorm/contracts';

/** Alice's ticket for seat C`n` of the jazz night, valid unless `overrides` say otherwise: the specs' one ticket. */
export function ticketFixture(n = 5, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: `tkt_${n}`,
    bookingId: 'bkg_1',
    eventId: 'evt_jazz',
    seatId: `evt_jazz_C${n}`,
    seat: { label: `C${n}`, section: 'Main Room', row: 'C', number: n, tier: 'Standard' },
    holderName: 'Alice',
    status: 'valid',
    issuedAt: '2026-12-07T18:00:00.000Z',
    checkedInAt: null,
    revokedAt: null,
    code: `ST1.code-of-${n}.signature`,
    ...overrides,
  };
}
