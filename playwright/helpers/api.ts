import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from '@seatstorm/contracts';
import { gatewayUrl } from './env';

export interface Booking {
  id: string;
  status: string;
  seatIds: string[];
  expiresAt: string | null;
  extensionsLeft: number;
}

export interface Seat {
  id: string;
  label: string;
  section: string;
  row: string;
  number: number;
  /** The seat's run within its row, absent for the first (docs/architecture.md §3). */
  block?: number;
  attributes?: string[];
  /** Cents. */
  price: number;
  status: string;
  bookingId: string | null;
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
  token: string;
}

export interface TestEvent {
  id: string;
  name: string;
  /** The id of the seat with this label (`A1`). */
  seat(label: string): string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Logs in through the gateway and returns the JWT. */
export async function loginByApi(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post(`${gatewayUrl()}/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  expect(response.status(), `login as ${email}`).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Registers a new person with a unique email; `name` is what the app shows for them. */
export async function registerByApi(request: APIRequestContext, name: string): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@e2e.example.org`;
  const password = `pw-${randomUUID()}`;
  const response = await request.post(`${gatewayUrl()}/auth/register`, { data: { email, name, password } });
  expect(response.status(), `register ${email}`).toBe(201);
  const body = (await response.json()) as { user: { id: string; name: string }; token: string };
  return { id: body.user.id, name: body.user.name, email, password, token: body.token };
}

/**
 * A new event of its own for one test, created by the admin in the original
 * demo's simple form: rows A, B, C… of 10 seats, on sale at once; with
 * `noOrphanSeats`, holds may not leave a seat alone in its row.
 */
export async function createEventByApi(
  request: APIRequestContext,
  adminToken: string,
  options: { name: string; totalSeats: number; price: number; noOrphanSeats?: boolean },
): Promise<TestEvent> {
  const response = await request.post(`${gatewayUrl()}/events`, {
    headers: bearer(adminToken),
    data: {
      name: options.name,
      venue: 'Playwright Hall',
      date: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      totalSeats: options.totalSeats,
      price: options.price,
      noOrphanSeats: options.noOrphanSeats,
    },
  });
  expect(response.status(), `create event ${options.name}`).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, name: options.name, seat: (label) => `${id}_${label}` };
}

export async function seatsOf(request: APIRequestContext, eventId: string): Promise<Seat[]> {
  const response = await request.get(`${gatewayUrl()}/events/${eventId}/seats`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { seats: Seat[] }).seats;
}

/** One seat as the database has it (through the gateway's snapshot). */
export async function seatOf(request: APIRequestContext, eventId: string, seatId: string): Promise<Seat> {
  const seat = (await seatsOf(request, eventId)).find((candidate) => candidate.id === seatId);
  expect(seat, `seat ${seatId} of ${eventId}`).toBeDefined();
  return seat!;
}

/**
 * Available seats right now that holds of their own may take, in a random order so runs do not fight over the same
 * seat: never a companion seat (held only with a wheelchair space), never one whose hold would leave a free
 * neighbour alone in its run, and never two within two seats of each other, so that holding several of them leaves
 * no lone seat either (docs/architecture.md §4.8).
 */
export async function availableSeats(request: APIRequestContext, eventId: string, count: number): Promise<Seat[]> {
  const seats = await seatsOf(request, eventId);
  const runOf = (seat: Seat) => `${seat.section}\u0000${seat.row}\u0000${seat.block ?? 0}`;
  const byPlace = new Map(seats.map((seat) => [`${runOf(seat)}\u0000${seat.number}`, seat]));
  const free = (seat: Seat, step: number) => byPlace.get(`${runOf(seat)}\u0000${seat.number + step}`)?.status === 'available';
  const strands = (seat: Seat) => [-1, 1].some((side) => free(seat, side) && !free(seat, side * 2));
  const candidates = seats.filter((seat) => seat.status === 'available' && !seat.attributes?.includes('companion') && !strands(seat));
  for (let i = candidates.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const near = new Set<string>();
  const picked: Seat[] = [];
  for (const seat of candidates) {
    if (picked.length === count) break;
    if (near.has(`${runOf(seat)}\u0000${seat.number}`)) continue;
    picked.push(seat);
    for (let step = -2; step <= 2; step += 1) near.add(`${runOf(seat)}\u0000${seat.number + step}`);
  }
  expect(picked.length, `${eventId} has at least ${count} available seats a hold may take alone`).toBe(count);
  return picked;
}

export async function holdByApi(request: APIRequestContext, token: string, eventId: string, seatIds: string[]): Promise<Booking> {
  const response = await request.post(`${gatewayUrl()}/bookings`, {
    headers: { ...bearer(token), 'idempotency-key': `e2e-${randomUUID()}` },
    data: { eventId, seatIds },
  });
  expect(response.status(), `hold ${seatIds.join(', ')}`).toBe(201);
  return (await response.json()) as Booking;
}

export async function bookingOf(request: APIRequestContext, token: string, bookingId: string): Promise<Booking> {
  const response = await request.get(`${gatewayUrl()}/bookings/${bookingId}`, { headers: bearer(token) });
  expect(response.status(), `booking ${bookingId}`).toBe(200);
  return (await response.json()) as Booking;
}

/** Every booking of the account, newest first: GET /bookings page after page. */
export async function bookingsOf(request: APIRequestContext, token: string): Promise<Booking[]> {
  const bookings: Booking[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get(`${gatewayUrl()}/bookings`, { headers: bearer(token), params: { limit: 100, ...(cursor ? { cursor } : {}) } });
    expect(response.status()).toBe(200);
    const page = (await response.json()) as { items: Booking[]; nextCursor: string | null };
    bookings.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return bookings;
}

/** Lets the seats go again, so the seeded events stay usable run after run. */
export async function releaseByApi(request: APIRequestContext, token: string, bookingId: string): Promise<void> {
  await request.post(`${gatewayUrl()}/bookings/${bookingId}/cancel`, { headers: bearer(token) });
}
