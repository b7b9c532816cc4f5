import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import type { Booking, TestEvent } from './api';
import { gatewayUrl } from './env';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A new event at Madison Square Garden's layout (rows A–J of 10) whose
 * waiting room is on, going on sale `onSaleInMs` from now and admitting
 * `perMinute` buyers a minute.
 */
export async function createQueuedEventByApi(
  request: APIRequestContext,
  adminToken: string,
  options: { name: string; onSaleInMs: number; perMinute: number },
): Promise<TestEvent & { onSaleAt: string }> {
  const onSaleAt = new Date(Date.now() + options.onSaleInMs).toISOString();
  const response = await request.post(`${gatewayUrl()}/events`, {
    headers: bearer(adminToken),
    data: {
      venueId: 'ven_msg',
      name: options.name,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      onSaleAt,
      prices: { VIP: 9000, Premium: 7000, Regular: 5000 },
      waitingRoom: { enabled: true, admissionPerMinute: options.perMinute },
    },
  });
  expect(response.status(), `create event ${options.name}`).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, name: options.name, onSaleAt, seat: (label) => `${id}_${label}` };
}

/** Joins an event's waiting room over REST and waits until let in; answers the admission pass. */
export async function admissionPassByApi(request: APIRequestContext, token: string, eventId: string): Promise<string> {
  const url = `${gatewayUrl()}/events/${eventId}/queue`;
  expect((await request.post(url, { headers: bearer(token) })).status(), 'join the queue').toBe(200);
  let pass: string | undefined;
  await expect
    .poll(
      async () => {
        const place = (await (await request.get(url, { headers: bearer(token) })).json()) as { status: string; pass?: string };
        pass = place.pass;
        return place.status;
      },
      { timeout: 20_000 },
    )
    .toBe('admitted');
  return pass!;
}

/** POST /bookings with the waiting room's pass. */
export async function holdWithPassByApi(
  request: APIRequestContext,
  token: string,
  eventId: string,
  seatIds: string[],
  admissionPass: string,
): Promise<Booking> {
  const response = await request.post(`${gatewayUrl()}/bookings`, {
    headers: { ...bearer(token), 'idempotency-key': `e2e-${randomUUID()}` },
    data: { eventId, seatIds, admissionPass },
  });
  expect(response.status(), `hold ${seatIds.join(', ')}`).toBe(201);
  return (await response.json()) as Booking;
}
