import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { gatewayUrl } from './env';

export const DEMO_PASSWORD = 'password123';

export interface Booking {
  id: string;
  status: string;
  seatIds: string[];
}

interface Seat {
  id: string;
  label: string;
  status: string;
}

/** Logs in through the gateway and returns the JWT. */
export async function loginByApi(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post(`${gatewayUrl()}/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  expect(response.status(), `login as ${email}`).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

export async function seatsOf(request: APIRequestContext, eventId: string): Promise<Seat[]> {
  const response = await request.get(`${gatewayUrl()}/events/${eventId}/seats`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { seats: Seat[] }).seats;
}

/** Available seats right now, in a random order so runs do not fight over the same seat. */
export async function availableSeats(request: APIRequestContext, eventId: string, count: number): Promise<Seat[]> {
  const free = (await seatsOf(request, eventId)).filter((seat) => seat.status === 'available');
  for (let i = free.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  expect(free.length, `${eventId} has at least ${count} available seats`).toBeGreaterThanOrEqual(count);
  return free.slice(0, count);
}

export async function holdByApi(request: APIRequestContext, token: string, eventId: string, seatIds: string[]): Promise<Booking> {
  const response = await request.post(`${gatewayUrl()}/bookings`, {
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': `e2e-${randomUUID()}` },
    data: { eventId, seatIds },
  });
  expect(response.status(), `hold ${seatIds.join(', ')}`).toBe(201);
  return (await response.json()) as Booking;
}

/** Lets the seats go again, so the seeded events stay usable run after run. */
export async function releaseByApi(request: APIRequestContext, token: string, bookingId: string): Promise<void> {
  await request.post(`${gatewayUrl()}/bookings/${bookingId}/cancel`, { headers: { authorization: `Bearer ${token}` } });
}
