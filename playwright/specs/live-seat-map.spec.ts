import { expect, test } from '../fixtures/test';
import { availableSeats, holdByApi, releaseByApi } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

test('the Eras Tour map shows its 100 seats, and a seat someone else holds turns reserved without a reload', async ({ newUser, openBrowser, request }) => {
  const EVENT = 'evt_eras';
  const page = await openBrowser(await newUser('Alice'));
  const bob = await newUser('Bob');
  const [seat] = await availableSeats(request, EVENT, 1);

  await page.goto(`/events/${EVENT}`);
  await expect(page.getByRole('heading', { name: 'Taylor Swift – The Eras Tour' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText(/Alice/);
  await expect(page.locator('[data-seat-id]')).toHaveCount(100);
  const target = seatOn(page, seat!.id);
  await expect(target).toHaveAttribute('data-state', 'available');
  await expect(target).toHaveAccessibleName(new RegExp(`^Row ${seat!.label.charAt(0)}, seat ${seat!.label.slice(1)}, .*, available(, |$)`));

  const hold = await holdByApi(request, bob.token, EVENT, [seat!.id]);
  try {
    await expect(target).toHaveAttribute('data-state', 'reserved');
    await expect(target).toHaveAccessibleName(/, reserved by someone else(, |$)/);
  } finally {
    // The seeded demo event stays usable for the next run and for people trying the app.
    await releaseByApi(request, bob.token, hold.id);
  }
});

test('a selected seat taken by someone else is named on the spot, and the person can pick again', async ({ event, newUser, openBrowser, request }) => {
  const page = await openBrowser(await newUser('Alice'));
  const bob = await newUser('Bob');
  await openEvent(page, event.id);
  const lost = seatOn(page, event.seat('C4'));
  await lost.click();
  await expect(lost).toHaveAttribute('data-state', 'selected');

  await holdByApi(request, bob.token, event.id, [event.seat('C4')]);

  await expect(page.getByRole('alert').filter({ hasText: 'Seat C4 was just taken by someone else' })).toBeVisible();
  await expect(lost).toHaveAttribute('data-state', 'reserved');
  const again = seatOn(page, event.seat('C5'));
  await again.click();
  await expect(again).toHaveAttribute('data-state', 'selected');
  await expect(page.getByTestId('hold-button')).toHaveText('Hold 1 seat');
});
