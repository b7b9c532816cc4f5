import { randomUUID } from 'node:crypto';
import { expect, test } from '../fixtures/test';
import { seatsOf } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

test.describe('the admin', () => {
  test('creates an event on a stored venue layout with a price per tier, on sale at once', async ({ adminToken, openBrowser, request }) => {
    const page = await openBrowser({ token: adminToken });
    const name = `Encore at the Garden · ${randomUUID().slice(0, 6)}`;
    await page.goto('/admin');

    await expect(page.getByRole('radio', { name: /On a venue layout/ })).toBeChecked();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Venue', { exact: true }).selectOption('ven_msg');
    await page.getByLabel('Starts at (UTC)').fill('2027-09-01T20:00');
    await page.getByLabel('VIP').fill('240');
    await page.getByLabel('Premium').fill('190.50');
    await page.getByLabel('Regular').fill('160');
    await page.getByRole('button', { name: 'Create event' }).click();

    const created = page.getByRole('status').filter({ hasText: `Created ${name} with 100 seats, on sale now.` });
    await expect(created).toBeVisible();
    await created.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.locator('[data-seat-id]')).toHaveCount(100);

    const eventId = new URL(page.url()).pathname.split('/').at(-1)!;
    const prices = new Map((await seatsOf(request, eventId)).map((seat) => [seat.label.charAt(0), seat.price]));
    expect(Object.fromEntries(prices)).toEqual({ A: 24000, B: 19050, C: 16000 });
  });

  test('takes a seat off sale and puts it back; a buyer watching sees both at once', async ({ adminToken, event, newUser, openBrowser }) => {
    const admin = await openBrowser({ token: adminToken });
    const buyer = await openBrowser(await newUser('Fay'));
    await openEvent(buyer, event.id);
    await admin.goto(`/admin/events/${event.id}`);
    await expect(admin.getByText('Live sales · up to date')).toBeVisible();

    await seatOn(admin, event.seat('A2')).click();
    await admin.getByRole('button', { name: 'Block 1 seat' }).click();
    await expect(admin.getByRole('status').filter({ hasText: '1 seat taken off sale' })).toBeVisible();
    await expect(seatOn(buyer, event.seat('A2'))).toHaveAttribute('data-state', 'blocked');
    await expect(seatOn(buyer, event.seat('A2'))).toHaveAccessibleName(/not on sale/i);

    await seatOn(admin, event.seat('A2')).click();
    await admin.getByRole('button', { name: 'Unblock 1 seat' }).click();
    await expect(seatOn(buyer, event.seat('A2'))).toHaveAttribute('data-state', 'available');
  });
});
