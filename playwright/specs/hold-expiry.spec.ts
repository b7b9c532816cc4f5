import { expect, test } from '../fixtures/test';
import { bookingsOf, seatOf } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

test('an unpaid hold expires: the holder is told, and another person can take the seat', async ({ event, newUser, openBrowser, request }) => {
  // The e2e stack holds seats for HOLD_TTL=30s (scripts/e2e.sh), not the 10 minutes of a real on-sale.
  test.setTimeout(120_000);
  const alice = await newUser('Alice');
  const bob = await newUser('Bob');
  const alicePage = await openBrowser(alice);
  const bobPage = await openBrowser(bob);
  const seatId = event.seat('A5');
  await openEvent(alicePage, event.id);
  await openEvent(bobPage, event.id);

  await seatOn(alicePage, seatId).click();
  await alicePage.getByTestId('hold-button').click();
  await expect(seatOn(bobPage, seatId)).toHaveAttribute('data-state', 'reserved');
  await alicePage.getByRole('link', { name: 'Go to checkout' }).click();
  await expect(alicePage.getByRole('timer')).toBeVisible();

  // Alice does not pay. The expiry sweeper releases the seats once the hold runs out.
  await expect(alicePage.getByRole('heading', { name: 'Your hold expired — the seats are released' })).toBeVisible({ timeout: 60_000 });
  await expect(seatOn(bobPage, seatId)).toHaveAttribute('data-state', 'available', { timeout: 15_000 });
  await expect.poll(async () => (await bookingsOf(request, alice.token)).map((booking) => booking.status)).toEqual(['expired']);
  await expect(alicePage.getByTestId('pay-button')).toHaveCount(0);

  // Bob, who watched it happen, takes the seat.
  await seatOn(bobPage, seatId).click();
  await bobPage.getByTestId('hold-button').click();
  await expect(seatOn(bobPage, seatId)).toHaveAttribute('data-state', 'mine');
  const seat = await seatOf(request, event.id, seatId);
  const [bobsHold] = await bookingsOf(request, bob.token);
  expect(seat).toMatchObject({ status: 'reserved', bookingId: bobsHold!.id });

  await alicePage.getByRole('button', { name: /^Notifications, \d+ new$/ }).click();
  await expect(alicePage.getByRole('region', { name: 'Notifications' }).getByText(`Your hold on 1 seat for ${event.name} expired`)).toBeVisible();
});
