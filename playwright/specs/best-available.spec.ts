import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { seatLabelOf } from '@seatstorm/contracts';
import { expect, test } from '../fixtures/test';
import { bookingOf, bookingsOf, createEventByApi, holdByApi, type Booking, type TestEvent } from '../helpers/api';
import { gatewayUrl } from '../helpers/env';
import { openEvent, seatOn } from '../helpers/seat-map';

/** The seats of a booking side by side in one row: where they are, as the seat picker sums them up. */
function together(event: TestEvent, booking: Booking): string {
  const labels = booking.seatIds.map((seatId) => seatLabelOf(event.id, seatId));
  const rows = new Set(labels.map((label) => label.charAt(0)));
  const numbers = labels.map((label) => Number(label.slice(1))).sort((a, b) => a - b);
  expect(rows.size, `${labels.join(', ')} in one row`).toBe(1);
  expect(numbers, `${labels.join(', ')} side by side`).toEqual(numbers.map((_, i) => numbers[0]! + i));
  return `Row ${[...rows][0]}, seats ${numbers[0]}–${numbers.at(-1)} — ${numbers.length} seats together`;
}

test('best available holds four seats together in one row, shown as yours; "Pick again" lets them go and asks again', async ({
  event,
  newUser,
  openBrowser,
  request,
}) => {
  const alice = await newUser('Alice');
  const page = await openBrowser(alice);
  await openEvent(page, event.id);
  const best = page.getByRole('region', { name: 'Best available' });

  await best.getByLabel('Number of seats').selectOption('4');
  await best.getByRole('button', { name: 'Hold the best 4 together' }).click();

  await expect(best.getByText(/ — 4 seats together · /)).toBeVisible();
  const [first] = await bookingsOf(request, alice.token);
  expect(first).toMatchObject({ status: 'reserved' });
  expect(first!.seatIds).toHaveLength(4);
  await expect(best.getByText(`${together(event, first!)} · `)).toBeVisible();
  for (const seatId of first!.seatIds) await expect(seatOn(page, seatId)).toHaveAttribute('data-state', 'mine');
  await expect(best.getByRole('link', { name: 'Go to checkout' })).toHaveAttribute('href', `/checkout/${first!.id}`);

  await best.getByRole('button', { name: 'Pick again' }).click();

  await expect.poll(async () => (await bookingsOf(request, alice.token)).map((booking) => booking.status)).toEqual(['reserved', 'cancelled']);
  const [again] = await bookingsOf(request, alice.token);
  expect(again!.seatIds).toHaveLength(4);
  await expect(best.getByText(`${together(event, again!)} · `)).toBeVisible();
  await expect(best.getByRole('link', { name: 'Go to checkout' })).toHaveAttribute('href', `/checkout/${again!.id}`);
  for (const seatId of again!.seatIds) await expect(seatOn(page, seatId)).toHaveAttribute('data-state', 'mine');
  for (const seatId of first!.seatIds.filter((id) => !again!.seatIds.includes(id))) {
    await expect(seatOn(page, seatId)).toHaveAttribute('data-state', 'available');
  }
});

test('a seat that would leave its neighbour on its own is warned about before any hold is sent', async ({ adminToken, newUser, openBrowser, request }) => {
  const event = await createEventByApi(request, adminToken, {
    name: `No orphan seats · ${randomUUID().slice(0, 6)}`,
    totalSeats: 30,
    price: 50,
    noOrphanSeats: true,
  });
  const alice = await newUser('Alice');
  const page = await openBrowser(alice);
  await openEvent(page, event.id);
  const warning = page.getByTestId('orphan-warning');

  await seatOn(page, event.seat('A2')).click();

  await expect(warning).toHaveText('This would leave seat A1 on its own — include it or pick seats beside it.');
  await expect(page.getByTestId('hold-button')).toBeDisabled();
  // The booking core says the same of that hold.
  const refused = await request.post(`${gatewayUrl()}/bookings`, {
    headers: { authorization: `Bearer ${alice.token}`, 'idempotency-key': `e2e-${randomUUID()}` },
    data: { eventId: event.id, seatIds: [event.seat('A2')] },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({ error: 'ORPHAN_SEAT', details: { seatIds: [event.seat('A1')] } });

  await seatOn(page, event.seat('A1')).click();

  await expect(warning).toHaveCount(0);
  await page.getByTestId('hold-button').click();
  await expect(seatOn(page, event.seat('A1'))).toHaveAttribute('data-state', 'mine');
  await expect(seatOn(page, event.seat('A2'))).toHaveAttribute('data-state', 'mine');
});

test('"Need more time?" in checkout extends the hold, and every tab of the buyer follows the new expiry', async ({ event, newUser, openBrowser, request }) => {
  // The e2e stack holds seats for HOLD_TTL=30s (scripts/e2e.sh): under a minute from the start, so more time is offered at once.
  const alice = await newUser('Alice');
  const hold = await holdByApi(request, alice.token, event.id, [event.seat('B5'), event.seat('B6')]);
  const tab = await openBrowser(alice);
  const otherTab = await openBrowser(alice);
  const clock = (page: Page) => page.getByRole('timer').locator('span').first();
  const moreTime = (page: Page) => page.getByRole('button', { name: 'Need more time?' });
  for (const page of [tab, otherTab]) {
    await page.goto(`/checkout/${hold.id}`);
    await expect(clock(page)).toHaveText(/^0:[0-5]\d$/);
    await expect(moreTime(page)).toBeVisible();
  }

  await moreTime(tab).click();

  for (const page of [tab, otherTab]) {
    await expect(clock(page)).toHaveText(/^2:[0-5]\d$/);
    await expect(moreTime(page)).toHaveCount(0);
  }
  const extended = await bookingOf(request, alice.token, hold.id);
  expect(extended).toMatchObject({ status: 'reserved', extensionsLeft: 1 });
  // HOLD_EXTENSION: two minutes from when it was due.
  expect(Date.parse(extended.expiresAt!) - Date.parse(hold.expiresAt!)).toBe(120_000);
});
