import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { bookingsOf, type TestEvent } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

const DECLINED_CARD = '4000 0000 0000 0002';
const FLAKY_CARD = '4000 0000 0000 9995';

/** Picks seats on the map, holds them and goes to checkout, as a person does. */
async function holdAndCheckOut(page: Page, event: TestEvent, labels: string[]): Promise<void> {
  await openEvent(page, event.id);
  for (const label of labels) await seatOn(page, event.seat(label)).click();
  await page.getByTestId('hold-button').click();
  for (const label of labels) await expect(seatOn(page, event.seat(label))).toHaveAttribute('data-state', 'mine');
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  for (const label of labels) await expect(page.getByText(label, { exact: true })).toBeVisible();
}

test.describe('payment', () => {
  test('a test card that pays: the countdown runs, then "You\'re going!", the ticket in My bookings and a notification', async ({
    event,
    newUser,
    openBrowser,
    request,
  }) => {
    const alice = await newUser('Alice');
    const page = await openBrowser(alice);
    await holdAndCheckOut(page, event, ['A1', 'A2']);

    const timer = page.getByRole('timer');
    await expect(timer).toHaveAccessibleName(/^\d+ seconds? left$/);
    const before = await timer.getAttribute('aria-label');
    await expect(timer).not.toHaveAccessibleName(before!);
    await expect(page.getByText('$100', { exact: true }).first()).toBeVisible();
    await expect(page.getByLabel('Card number')).toHaveValue('4242 4242 4242 4242');
    await page.getByTestId('pay-button').click();
    await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();

    await page.goto('/bookings');
    const ticket = page.locator('article').filter({ hasText: event.name });
    await expect(ticket).toHaveCount(1);
    await expect(ticket.getByText('Confirmed', { exact: true })).toBeVisible();
    await expect(ticket.getByText(/\bA1\b/)).toBeVisible();

    await page.getByRole('button', { name: /^Notifications, \d+ new$/ }).click();
    await expect(page.getByRole('region', { name: 'Notifications' }).getByText(`You're going! 2 seats for ${event.name} are confirmed`)).toBeVisible();
    expect((await bookingsOf(request, alice.token)).map((booking) => booking.status)).toEqual(['confirmed']);
  });

  test('a declined card says so in plain words, and the seats are free again in another tab', async ({ event, newUser, openBrowser }) => {
    const page = await openBrowser(await newUser('Alice'));
    const watcher = await openBrowser(await newUser('Bob'));
    await openEvent(watcher, event.id);
    await holdAndCheckOut(page, event, ['C7']);
    await expect(seatOn(watcher, event.seat('C7'))).toHaveAttribute('data-state', 'reserved');

    await page.getByLabel('Card number').fill(DECLINED_CARD);
    await page.getByTestId('pay-button').click();

    await expect(page.getByRole('heading', { name: 'Card declined' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Pick seats again' })).toHaveAttribute('href', `/events/${event.id}`);
    await expect(page.getByText(/DECLINED|payment_failed/)).toHaveCount(0);
    await expect(seatOn(watcher, event.seat('C7'))).toHaveAttribute('data-state', 'available');
  });

  test('a card whose provider keeps failing is retried, then fails cleanly, and the seats are free again', async ({ event, newUser, openBrowser, request }) => {
    const alice = await newUser('Alice');
    const page = await openBrowser(alice);
    const watcher = await openBrowser(await newUser('Bob'));
    await openEvent(watcher, event.id);
    await holdAndCheckOut(page, event, ['B1']);

    await page.getByLabel('Card number').fill(FLAKY_CARD);
    await page.getByTestId('pay-button').click();

    // Retries with backoff take a few seconds before the payment goes to the dead-letter topic.
    await expect(page.getByRole('heading', { name: 'The payment provider is unavailable' })).toBeVisible({ timeout: 30_000 });
    await expect(seatOn(watcher, event.seat('B1'))).toHaveAttribute('data-state', 'available');
    expect((await bookingsOf(request, alice.token)).map((booking) => booking.status)).toEqual(['payment_failed']);
  });
});
