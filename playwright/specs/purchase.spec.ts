import { expect, test, signInAs } from '../fixtures/users';
import { availableSeats } from '../helpers/api';

const EVENT = 'evt_eras';

test('a purchase seen from a second tab: held, confirmed, refunded and free again', async ({ browser, request, tokens }) => {
  const seats = await availableSeats(request, EVENT, 2);
  const ids = seats.map((seat) => seat.id);
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  await signInAs(aliceContext, tokens.alice);
  await signInAs(bobContext, tokens.bob);
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();
  const statesOn = (page: typeof alice) => Promise.all(ids.map((id) => page.locator(`[data-seat-id="${id}"]`).getAttribute('data-state')));

  await alice.goto(`/events/${EVENT}`);
  await bob.goto(`/events/${EVENT}`);
  for (const id of ids) await alice.locator(`[data-seat-id="${id}"]`).click();
  await alice.getByTestId('hold-button').click();

  await expect.poll(() => statesOn(alice)).toEqual(['mine', 'mine']);
  await expect.poll(() => statesOn(bob)).toEqual(['reserved', 'reserved']);

  await alice.getByRole('link', { name: 'Go to checkout' }).click();
  await alice.getByTestId('pay-button').click();
  await expect(alice.getByRole('heading', { name: "You're going!" })).toBeVisible();
  await expect.poll(() => statesOn(bob)).toEqual(['confirmed', 'confirmed']);

  await alice.goto('/bookings');
  // Newest first: an older booking of the same seats may still be listed.
  const booking = seats
    .reduce((articles, seat) => articles.filter({ hasText: new RegExp(`\\b${seat.label}\\b`) }), alice.locator('article'))
    .first();
  await booking.getByRole('button', { name: 'Cancel and refund' }).click();
  await booking.getByRole('button', { name: 'Yes, refund' }).click();
  await expect(booking.getByText('Refunded', { exact: true })).toBeVisible();
  await expect.poll(() => statesOn(bob)).toEqual(['available', 'available']);

  await aliceContext.close();
  await bobContext.close();
});
