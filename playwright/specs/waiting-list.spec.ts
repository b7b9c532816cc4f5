import { randomUUID } from 'node:crypto';
import { expect, test } from '../fixtures/test';
import { bookingsOf, createEventByApi, holdByApi } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

test("a sold-out event's waiting list gets a seat when someone cancels", async ({ adminToken, newUser, openBrowser, request }) => {
  test.setTimeout(90_000);
  const event = await createEventByApi(request, adminToken, { name: `Tiny Room · ${randomUUID().slice(0, 6)}`, totalSeats: 2, price: 50 });
  const seatIds = [event.seat('A1'), event.seat('A2')];
  const alice = await newUser('Alice');
  const bob = await newUser('Bob');
  const alicePage = await openBrowser(alice);
  const bobPage = await openBrowser(bob);

  // Alice holds the last seats: the event is sold out, and Bob joins its waiting list.
  await holdByApi(request, alice.token, event.id, seatIds);
  await openEvent(bobPage, event.id);
  for (const id of seatIds) await expect(seatOn(bobPage, id)).toHaveAttribute('data-state', 'reserved');
  const panel = bobPage.locator('[data-waiting-list]');
  await expect(panel.getByRole('heading', { name: 'Sold out' })).toBeVisible();
  await panel.getByLabel('Seats').fill('2');
  await panel.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(panel.getByRole('heading', { name: 'You are 1 in line' })).toBeVisible();

  // Alice lets her seats go.
  await alicePage.goto('/bookings');
  const hold = alicePage.locator('article').filter({ hasText: event.name });
  await hold.getByRole('button', { name: 'Release' }).click();
  await expect(hold.getByText('Cancelled', { exact: true })).toBeVisible();

  // Bob sees the offer live, without reloading, and pays for it at checkout.
  const offer = bobPage.locator('[data-waiting-list="offered"]');
  await expect(offer.getByRole('heading', { name: /^Seats are held for you until \d\d:\d\d UTC$/ })).toBeVisible();
  for (const id of seatIds) await expect(seatOn(bobPage, id)).toHaveAttribute('data-state', 'mine');
  await offer.getByRole('link', { name: 'Go to checkout' }).click();
  await bobPage.getByTestId('pay-button').click();
  await expect(bobPage.getByRole('heading', { name: "You're going!" })).toBeVisible();

  await expect
    .poll(async () => (await bookingsOf(request, bob.token)).map((booking) => [booking.status, [...booking.seatIds].sort()]))
    .toEqual([['confirmed', seatIds]]);
  await bobPage.getByRole('button', { name: /^Notifications, \d+ new$/ }).click();
  await expect(
    bobPage.getByRole('region', { name: 'Notifications' }).getByText(/^Seats are held for you from the waiting list until \d\d:\d\d UTC$/),
  ).toBeVisible();
});
