// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventSummary, UserRole } from '@seatstorm/contracts';
import { ApiError, checkIn, getCheckInCount, listEvents } from '@/lib/api';
import { ticketFixture } from '@/test/tickets';
import { ScannerView } from './scanner-view';

vi.mock('@/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api')>()),
  checkIn: vi.fn(),
  getCheckInCount: vi.fn(),
  listEvents: vi.fn(),
}));
let role: UserRole = 'staff';
vi.mock('../session/session-provider', () => ({
  useSession: () => ({ session: { token: 'tok_sam', user: { id: 'usr_sam', name: 'Sam', email: 'staff@example.com', role } } }),
}));

const EVENTS = [
  { id: 'evt_jazz', name: 'Late Night Jazz' },
  { id: 'evt_eras', name: 'The Eras Tour' },
] as EventSummary[];
const TICKET = ticketFixture(5, { status: 'checked_in', checkedInAt: '2026-12-07T19:02:13.000Z' });

async function openDoorFor(eventId: string) {
  render(<ScannerView />);
  const select = await screen.findByRole('combobox', { name: 'Event' });
  await waitFor(() => expect(screen.getByRole('option', { name: 'Late Night Jazz' })).toBeTruthy());
  fireEvent.change(select, { target: { value: eventId } });
}

function typeAndCheckIn(code: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Ticket code' }), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Check in' }));
}

beforeEach(() => {
  role = 'staff';
  vi.mocked(listEvents).mockResolvedValue(EVENTS);
  vi.mocked(getCheckInCount).mockResolvedValue({ eventId: 'evt_jazz', checkedIn: 3, total: 40 });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the door', () => {
  it('lets a ticket in on its first scan, sending the event chosen and the code typed, and counts the person', async () => {
    vi.mocked(checkIn).mockResolvedValue({ ticket: TICKET, count: { eventId: 'evt_jazz', checkedIn: 4, total: 40 } });
    await openDoorFor('evt_jazz');
    expect((await screen.findByTestId('people-in')).textContent).toBe('3 of 40 people in');

    typeAndCheckIn('  ST1.abc.def ');

    expect((await screen.findByRole('status')).textContent).toBe('Let in: Main Room, row C, seat 5' + 'Alice · Standard');
    expect(checkIn).toHaveBeenCalledWith('tok_sam', { eventId: 'evt_jazz', code: '  ST1.abc.def ' });
    expect(screen.getByTestId('people-in').textContent).toBe('4 of 40 people in');
  });

  it('refuses a second scan as an alert naming the first scan’s time, and another event’s ticket by that event’s name', async () => {
    await openDoorFor('evt_jazz');
    vi.mocked(checkIn).mockRejectedValueOnce(
      new ApiError(409, 'ALREADY_CHECKED_IN', 'Already scanned in.', { checkedInAt: TICKET.checkedInAt, ticket: TICKET }),
    );
    typeAndCheckIn('ST1.abc.def');
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toMatch(/^Already scanned in at 19:02:13/);
    expect(refusal.textContent).toContain('Alice');

    vi.mocked(checkIn).mockRejectedValueOnce(new ApiError(409, 'TICKET_WRONG_EVENT', 'Another event.', { ticketEventId: 'evt_eras' }));
    typeAndCheckIn('ST1.other.code');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This ticket is for another eventIt is for The Eras Tour.'));
  });

  it('is for door staff and admins: a buyer is told so and sees no scanner', async () => {
    role = 'user';
    render(<ScannerView />);
    expect(screen.getByRole('heading', { name: 'Door staff only' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Event' })).toBeNull();
  });
});
