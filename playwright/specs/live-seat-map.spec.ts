import { expect, test, signInAs } from '../fixtures/users';
import { availableSeats, holdByApi, releaseByApi, type Booking } from '../helpers/api';

const EVENT = 'evt_eras';

test.describe('the live seat map', () => {
  const holds: Booking[] = [];

  test.afterEach(async ({ request, tokens }) => {
    for (const hold of holds.splice(0)) await releaseByApi(request, tokens.bob, hold.id);
  });

  test("shows the seats, and a seat someone else holds turns reserved without a reload", async ({ page, context, request, tokens }) => {
    await signInAs(context, tokens.alice);
    const [seat] = await availableSeats(request, EVENT, 1);

    await page.goto(`/events/${EVENT}`);
    await expect(page.getByRole('heading', { name: 'Taylor Swift – The Eras Tour' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveText(/Alice/);
    const seats = page.locator('[data-seat-id]');
    await expect(seats).toHaveCount(100);
    const target = page.locator(`[data-seat-id="${seat!.id}"]`);
    await expect(target).toHaveAttribute('data-state', 'available');
    await expect(target).toHaveAccessibleName(new RegExp(`^Row ${seat!.label.charAt(0)}, seat ${seat!.label.slice(1)}, .*available$`));

    holds.push(await holdByApi(request, tokens.bob, EVENT, [seat!.id]));

    await expect(target).toHaveAttribute('data-state', 'reserved');
    await expect(target).toHaveAccessibleName(/reserved by someone else$/);
  });

  test('a selected seat taken by someone else is named on the spot, and the person can pick again', async ({ page, context, request, tokens }) => {
    await signInAs(context, tokens.alice);
    const [lost, other] = await availableSeats(request, EVENT, 2);

    await page.goto(`/events/${EVENT}`);
    const target = page.locator(`[data-seat-id="${lost!.id}"]`);
    await target.click();
    await expect(target).toHaveAttribute('data-state', 'selected');

    holds.push(await holdByApi(request, tokens.bob, EVENT, [lost!.id]));

    await expect(page.getByRole('alert').filter({ hasText: `Seat ${lost!.label} was just taken by someone else` })).toBeVisible();
    await expect(target).toHaveAttribute('data-state', 'reserved');
    const again = page.locator(`[data-seat-id="${other!.id}"]`);
    await again.click();
    await expect(again).toHaveAttribute('data-state', 'selected');
    await expect(page.getByTestId('hold-button')).toHaveText('Hold 1 seat');
  });
});

test('every seat is reachable by keyboard: arrows move between neighbours, Enter and Space toggle', async ({ page, request }) => {
  const [free] = await availableSeats(request, EVENT, 1);
  await page.goto(`/events/${EVENT}`);

  await page.locator('[data-seat-id="evt_eras_A1"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-seat-id="evt_eras_A2"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-seat-id="evt_eras_B2"]')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-seat-id="evt_eras_B1"]')).toBeFocused();

  const seat = page.locator(`[data-seat-id="${free!.id}"]`);
  await seat.focus();
  await page.keyboard.press('Enter');
  await expect(seat).toHaveAttribute('data-state', 'selected');
  await expect(seat).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(seat).toHaveAttribute('data-state', 'available');
});
