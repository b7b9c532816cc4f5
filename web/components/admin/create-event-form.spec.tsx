// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateEventRequest, EventDetail, VenueListing } from '@seatstorm/contracts';
import { ApiError, createEvent, listVenues } from '@/lib/api';
import { CreateEventForm } from './create-event-form';

vi.mock('@/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api')>()),
  listVenues: vi.fn(),
  createEvent: vi.fn(),
}));

const garden: VenueListing = {
  id: 'ven_msg',
  name: 'Madison Square Garden',
  city: 'New York',
  seatsTotal: 100,
  tiers: [
    { tier: 'VIP', seatsTotal: 10 },
    { tier: 'Regular', seatsTotal: 90 },
  ],
  sections: [{ name: 'Floor', tiers: ['VIP', 'Regular'], seatsTotal: 100 }],
};
const jazz: VenueListing = { ...garden, id: 'ven_bluenote', name: 'Blue Note Jazz Club', seatsTotal: 50, tiers: [{ tier: 'General', seatsTotal: 50 }] };

function createdEvent(request: CreateEventRequest): EventDetail {
  return {
    id: 'evt_new',
    name: request.name,
    description: null,
    category: null,
    venue: { id: garden.id, name: garden.name, city: garden.city },
    startsAt: '2027-09-01T20:00:00.000Z',
    onSaleAt: '2026-01-01T00:00:00.000Z',
    maxSeatsPerBuyer: 8,
    maxSeatsPerBooking: 8,
    waitingRoom: { enabled: false, admissionPerMinute: null, paused: false },
    noOrphanSeats: false,
    status: 'on_sale',
    priceMin: 9900,
    priceMax: 30000,
    seatsTotal: 100,
    seatsAvailable: 100,
    tiers: [],
  };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  vi.mocked(listVenues).mockResolvedValue([garden, jazz]);
  vi.mocked(createEvent).mockImplementation(async (_token, request) => createdEvent(request));
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('CreateEventForm on a venue layout', () => {
  it("asks a price for each of the picked venue's tiers and creates the event with them", async () => {
    const onCreated = vi.fn();
    render(<CreateEventForm token="tok_admin" onCreated={onCreated} />);
    await screen.findByRole('option', { name: 'Madison Square Garden' });

    type('Venue', 'ven_bluenote');
    expect(screen.getByLabelText('General')).toBeTruthy();
    type('Venue', 'ven_msg');
    expect(screen.queryByLabelText('General')).toBeNull();
    expect(screen.getByText('New York · 100 seats in Floor')).toBeTruthy();
    expect(screen.getByText('90 seats')).toBeTruthy();

    type('Name', 'Encore Night');
    type('Starts at (UTC)', '2027-09-01T20:00');
    type('VIP', '300');
    type('Regular', '99');
    fireEvent.click(screen.getByRole('button', { name: 'Create event' }));

    await screen.findByRole('status');
    expect(createEvent).toHaveBeenCalledWith(
      'tok_admin',
      {
        venueId: 'ven_msg',
        name: 'Encore Night',
        startsAt: '2027-09-01T20:00:00Z',
        prices: { VIP: 30000, Regular: 9900 },
      },
      expect.stringMatching(/^event-/),
    );
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'evt_new' }));
    expect(screen.getByRole('link', { name: 'Encore Night' }).getAttribute('href')).toBe('/events/evt_new');
  });

  it('says in words what is missing, without calling the gateway', async () => {
    render(<CreateEventForm token="tok_admin" onCreated={() => undefined} />);
    await screen.findByRole('option', { name: 'Madison Square Garden' });
    type('Venue', 'ven_msg');
    type('Name', 'Encore Night');
    type('Starts at (UTC)', '2027-09-01T20:00');
    type('VIP', '300');
    fireEvent.click(screen.getByRole('button', { name: 'Create event' }));

    expect(screen.getByRole('alert').textContent).toBe('Give a price in dollars (like 45 or 45.50) for Regular.');
    expect(createEvent).not.toHaveBeenCalled();
  });

  it("shows the gateway's reason when it refuses the event", async () => {
    vi.mocked(createEvent).mockRejectedValue(new ApiError(400, 'VALIDATION_FAILED', 'The event must start in the future.'));
    render(<CreateEventForm token="tok_admin" onCreated={() => undefined} />);
    await screen.findByRole('option', { name: 'Blue Note Jazz Club' });
    type('Venue', 'ven_bluenote');
    type('Name', 'Late Set');
    type('Starts at (UTC)', '2020-01-01T20:00');
    type('General', '45');
    fireEvent.click(screen.getByRole('button', { name: 'Create event' }));

    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The event must start in the future.'));

    // Sent again unchanged, it is the same request: the same Idempotency-Key, so it can never create two events.
    fireEvent.click(screen.getByRole('button', { name: 'Create event' }));
    await waitFor(() => expect(createEvent).toHaveBeenCalledTimes(2));
    const keys = vi.mocked(createEvent).mock.calls.map((call) => call[2]);
    expect(keys[1]).toBe(keys[0]);
    // Changed, it is a new request with a key of its own.
    type('Starts at (UTC)', '2030-01-01T20:00');
    fireEvent.click(screen.getByRole('button', { name: 'Create event' }));
    await waitFor(() => expect(createEvent).toHaveBeenCalledTimes(3));
    expect(vi.mocked(createEvent).mock.calls[2]![2]).not.toBe(keys[0]);
  });

  it('says when the venues could not be loaded, and keeps the simple form at hand', async () => {
    vi.mocked(listVenues).mockRejectedValue(new ApiError(403, 'FORBIDDEN', 'Admins only'));
    render(<CreateEventForm token="tok_admin" onCreated={() => undefined} />);
    expect(await screen.findByText("The venues could not be loaded. You don't have access to that.")).toBeTruthy();

    fireEvent.click(screen.getByLabelText(/Simple form/));
    type('Name', 'Garage Gig');
    type('Venue', 'The Basement');
    type('Starts at (UTC)', '2027-09-01T20:00');
    fireEvent.click(screen.getByRole('button', { name: 'Create event' }));

    await screen.findByRole('status');
    expect(createEvent).toHaveBeenCalledWith(
      'tok_admin',
      { name: 'Garage Gig', venue: 'The Basement', date: '2027-09-01T20:00:00Z', totalSeats: 100, price: 50 },
      expect.stringMatching(/^event-/),
    );
  });
});
