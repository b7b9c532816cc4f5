import { expect, test } from '../fixtures/users';
import { availableSeats, holdByApi, releaseByApi, type Booking } from '../helpers/api';
import '../helpers/seat-map-hook';

const EVENT = 'evt_stadium';

test.describe('the 50,000-seat stadium map', () => {
  const holds: Booking[] = [];

  test.afterEach(async ({ request, tokens }) => {
    for (const hold of holds.splice(0)) await releaseByApi(request, tokens.bob, hold.id);
  });

  test('is drawn on a canvas whose seat states can be read, and follows holds live', async ({ page, request, tokens }) => {
    const seats = await availableSeats(request, EVENT, 8);
    await page.goto(`/events/${EVENT}`);
    await expect(page.getByRole('application', { name: /Seat map, 50,000 seats/ })).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.renderer)).toBe('canvas');
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.seatCount)).toBe(50_000);
    const stateOf = (id: string) => page.evaluate((seatId) => window.__seatstormMap?.stateOf(seatId), id);
    expect(await stateOf(seats[0]!.id)).toBe('available');

    holds.push(await holdByApi(request, tokens.bob, EVENT, seats.map((seat) => seat.id)));

    for (const seat of seats) await expect.poll(() => stateOf(seat.id)).toBe('reserved');
  });

  test('zooms with the buttons and moves between seats with the keyboard, announcing each one', async ({ page }) => {
    await page.goto(`/events/${EVENT}`);
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.sync)).toBe('live');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('application').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(/^Section S\d\d, row R\d\d, seat \d+, (Upper|Lower End|Lower Sideline), \$\d+, available$/)).toBeAttached();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.counts().selected)).toBe(1);
  });
});
