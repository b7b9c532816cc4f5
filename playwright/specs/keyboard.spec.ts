import { expect, test } from '../fixtures/test';
import { seatOf } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

test('with the keyboard only: arrows move between seats, Enter and Space select, and the hold goes through', async ({
  event,
  newUser,
  openBrowser,
  request,
}) => {
  const page = await openBrowser(await newUser('Alice'));
  await openEvent(page, event.id);

  // Into the map from the page's start with Tab alone.
  await page.locator('body').focus();
  for (let presses = 0; presses < 60 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-seat-id'))); presses += 1) {
    await page.keyboard.press('Tab');
  }
  const first = seatOn(page, event.seat('A1'));
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleName('Row A, seat 1, General, $50, available, aisle seat');

  await page.keyboard.press('ArrowRight');
  await expect(seatOn(page, event.seat('A2'))).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(seatOn(page, event.seat('B2'))).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  await expect(seatOn(page, event.seat('B1'))).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  for (const label of ['B1', 'B2']) {
    await expect(seatOn(page, event.seat(label))).toHaveAttribute('data-state', 'selected');
    await expect(seatOn(page, event.seat(label))).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(seatOn(page, event.seat('A1'))).toHaveAttribute('data-state', 'available');

  // On to the Hold button, still by keyboard.
  for (let presses = 0; presses < 60 && !(await page.getByTestId('hold-button').evaluate((button) => button === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('hold-button')).toHaveText('Hold 2 seats');
  await page.keyboard.press('Enter');

  for (const label of ['B1', 'B2']) {
    await expect(seatOn(page, event.seat(label))).toHaveAttribute('data-state', 'mine');
    expect((await seatOf(request, event.id, event.seat(label))).status).toBe('reserved');
  }
  await expect(seatOn(page, event.seat('B1'))).toHaveAccessibleName(/^Row B, seat 1, General, \$50, .*yours/i);
});
