import { expect, test } from '../fixtures/test';
import { bookingsOf, holdByApi } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

test.describe('cancel and refund', () => {
  test('releasing a hold from My bookings frees its seats in another tab at once', async ({ event, newUser, openBrowser, request }) => {
    const alice = await newUser('Alice');
    const page = await openBrowser(alice);
    const watcher = await openBrowser(await newUser('Bob'));
    const seatIds = [event.seat('B2'), event.seat('B3')];
    await openEvent(watcher, event.id);
    await holdByApi(request, alice.token, event.id, seatIds);
    for (const id of seatIds) await expect(seatOn(watcher, id)).toHaveAttribute('data-state', 'reserved');

    await page.goto('/bookings');
    const hold = page.locator('article').filter({ hasText: event.name });
    await expect(hold.getByText(/^Held · \d+:\d\d left$/)).toBeVisible();
    await hold.getByRole('button', { name: 'Release' }).click();

    await expect(hold.getByText('Cancelled', { exact: true })).toBeVisible();
    for (const id of seatIds) await expect(seatOn(watcher, id)).toHaveAttribute('data-state', 'available');
    expect((await bookingsOf(request, alice.token)).map((booking) => booking.status)).toEqual(['cancelled']);
  });

  test('cancelling a confirmed booking refunds it and puts its seats back on sale in another tab', async ({ event, newUser, openBrowser, request }) => {
    const alice = await newUser('Alice');
    const page = await openBrowser(alice);
    const watcher = await openBrowser(await newUser('Bob'));
    const seatId = event.seat('C3');
    await openEvent(watcher, event.id);
    const hold = await holdByApi(request, alice.token, event.id, [seatId]);
    await page.goto(`/checkout/${hold.id}`);
    await page.getByTestId('pay-button').click();
    await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();
    await expect(seatOn(watcher, seatId)).toHaveAttribute('data-state', 'confirmed');

    await page.goto('/bookings');
    const booking = page.locator('article').filter({ hasText: event.name });
    await booking.getByRole('button', { name: 'Cancel and refund' }).click();
    await booking.getByRole('button', { name: 'Yes, refund' }).click();

    await expect(booking.getByText('Refunded', { exact: true })).toBeVisible();
    await expect(seatOn(watcher, seatId)).toHaveAttribute('data-state', 'available');
    expect((await bookingsOf(request, alice.token)).map((booking) => booking.status)).toEqual(['refunded']);
  });
});
