import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { bookingsOf } from '../helpers/api';
import { gatewayUrl } from '../helpers/env';
import { openEvent } from '../helpers/seat-map';

/** A new club night on The Warehouse (seeded): a standing floor of 200 at $35 and a balcony of 20 seats. */
async function createClubNight(request: APIRequestContext, adminToken: string): Promise<string> {
  const response = await request.post(`${gatewayUrl()}/events`, {
    headers: { authorization: `Bearer ${adminToken}` },
    data: {
      venueId: 'ven_warehouse',
      name: `Standing room · ${randomUUID().slice(0, 6)}`,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      prices: { Floor: 3500, Balcony: 5500 },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('a buyer holds 2 standing places and pays; the floor counts down live in another tab', async ({ adminToken, newUser, openBrowser, request }) => {
  const eventId = await createClubNight(request, adminToken);
  const watcher = await openBrowser(await newUser('Bob'));
  await openEvent(watcher, eventId);
  const floorSeenByBob = watcher.locator('[data-area-id="Floor"][role="img"]');
  await expect(floorSeenByBob).toHaveAttribute('data-available', '200');
  await expect(floorSeenByBob).toContainText('Floor · 200 left');

  const alice = await newUser('Alice');
  const page = await openBrowser(alice);
  await openEvent(page, eventId);
  await expect(page.getByTestId('standing-left')).toHaveText('200 left · $35 each');
  await page.getByRole('spinbutton', { name: /Floor, standing/ }).fill('2');
  await expect(page.getByTestId('hold-button')).toHaveText('Hold 2 standing places');
  await page.getByTestId('hold-button').click();

  // Bob's map counts the places down without a reload, and so does Alice's own.
  await expect(floorSeenByBob).toHaveAttribute('data-available', '198');
  await expect(floorSeenByBob).toContainText('Floor · 198 left');
  await expect(page.getByTestId('standing-left')).toHaveText('198 left · $35 each');

  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await expect(page.getByText('Floor, standing × 2', { exact: true })).toBeVisible();
  await expect(page.getByText('Total for 2 standing places')).toBeVisible();
  await page.getByTestId('pay-button').click();
  await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();

  const [booking] = await bookingsOf(request, alice.token);
  expect(booking).toMatchObject({ status: 'confirmed', amount: 7000 });
  expect(booking!.seatIds).toEqual([`${eventId}_Floor-1`, `${eventId}_Floor-2`]);
  await expect(floorSeenByBob).toHaveAttribute('data-available', '198');
});
