// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BookingTickets } from '@seatstorm/contracts';
import { getBookingTickets, getEvent } from '@/lib/api';
import { ticketFixture } from '@/test/tickets';
import { TicketsView } from './tickets-view';

vi.mock('@/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api')>()),
  getBookingTickets: vi.fn(),
  getEvent: vi.fn(),
}));
vi.mock('../session/session-provider', () => ({
  useSession: () => ({ session: { token: 'tok_alice', user: { id: 'usr_alice', name: 'Alice', email: 'alice@example.com', role: 'user' } } }),
}));

const ticket = ticketFixture;

function answer(tickets: BookingTickets) {
  vi.mocked(getBookingTickets).mockResolvedValue(tickets);
  vi.mocked(getEvent).mockResolvedValue({
    id: 'evt_jazz',
    name: 'Late Night Jazz',
    venue: { name: 'Blue Note' },
    startsAt: '2026-12-24T20:00:00.000Z',
  } as never);
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('a booking’s tickets', () => {
  it('shows one ticket a seat, each with its QR code named for its seat and its code in text', async () => {
    answer({
      bookingId: 'bkg_1',
      bookingStatus: 'confirmed',
      tickets: [ticket(5), ticket(6, { status: 'checked_in', checkedInAt: '2026-12-24T19:40:00.000Z' })],
    });
    render(<TicketsView bookingId="bkg_1" />);

    expect(await screen.findByRole('heading', { name: 'Your 2 tickets' })).toBeTruthy();
    const first = screen.getByRole('article', { name: 'Ticket for Main Room, row C, seat 5' });
    expect(within(first).getByRole('img', { name: 'QR code of the ticket for Main Room, row C, seat 5' })).toBeTruthy();
    expect(within(first).getByText('Valid')).toBeTruthy();
    expect(within(first).getByTestId('ticket-code').textContent).toBe('ST1.code-of-5.signature');
    const second = screen.getByRole('article', { name: 'Ticket for Main Room, row C, seat 6' });
    expect(within(second).getByText('Scanned in at 19:40:00')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Late Night Jazz' })).toBeTruthy();
    expect(getBookingTickets).toHaveBeenCalledWith('tok_alice', 'bkg_1', expect.any(AbortSignal));
  });

  it('says why there are no tickets yet, with the way to checkout for a held booking', async () => {
    answer({ bookingId: 'bkg_1', bookingStatus: 'reserved', tickets: [] });
    render(<TicketsView bookingId="bkg_1" />);

    expect(await screen.findByRole('heading', { name: 'No tickets yet' })).toBeTruthy();
    expect(screen.getByText('Your seats are held. Pay for them and your tickets appear here.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to checkout' }).getAttribute('href')).toBe('/checkout/bkg_1');
  });

  it('marks a refunded booking’s tickets revoked, in words as well as on each ticket', async () => {
    answer({ bookingId: 'bkg_1', bookingStatus: 'refunded', tickets: [ticket(5, { status: 'revoked', revokedAt: '2026-12-08T10:00:00.000Z' })] });
    render(<TicketsView bookingId="bkg_1" />);

    expect(await screen.findByText('This booking was refunded: its tickets no longer get anyone in.')).toBeTruthy();
    expect(screen.getByText('Revoked')).toBeTruthy();
  });
});
