import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { keepScreenshot } from '../helpers/artifacts';
import { seatOn } from '../helpers/seat-map';
import { createQueuedEventByApi } from '../helpers/waiting-room';

/** The place a waiting page shows (1 = next), or null while it shows none. */
async function positionOn(page: Page): Promise<number | null> {
  const text = await page.getByTestId('queue-position').textContent({ timeout: 500 }).catch(() => null);
  return text ? Number(text.replaceAll(',', '')) : null;
}

/** The ticket the queue gave a page: its place when the queue was drawn, which never changes. */
async function ticketOn(page: Page): Promise<number | null> {
  const ticket = await page.getByTestId('queue-position').getAttribute('data-ticket', { timeout: 500 }).catch(() => null);
  return ticket ? Number(ticket) : null;
}

test('three buyers wait for the on-sale, get places drawn at random, see them move, and are let in by themselves; a fourth who came later is behind them', async ({
  request,
  adminToken,
  newUser,
  openBrowser,
}, testInfo) => {
  test.setTimeout(100_000);
  // Sales open in 30 seconds (three sign-ins and pages on a busy machine fit well within); one buyer is let in every 5 seconds after that.
  const event = await createQueuedEventByApi(request, adminToken, { name: `Queue night ${Date.now()}`, onSaleInMs: 30_000, perMinute: 12 });
  const early = await Promise.all(['Ada', 'Ben', 'Cleo'].map((name) => newUser(name)));
  const pages = await Promise.all(early.map((person) => openBrowser(person)));
  await Promise.all(pages.map((page) => page.goto(`/events/${event.id}`)));

  // Before the on-sale: the countdown, how many wait, and no places yet.
  for (const page of pages) {
    await expect(page.getByRole('heading', { name: 'You’re in: sales open soon' })).toBeVisible();
    await expect(page.getByTestId('on-sale-countdown')).toHaveText(/^0:[0-3]\d$/);
    await expect(page.getByTestId('queue-waiting')).toHaveText('3');
  }
  await keepScreenshot(pages[0]!, testInfo, 'before the on-sale');

  // At the on-sale each page learns the place drawn for it: the three tickets are 1, 2 and 3.
  const firstPlaces = await Promise.all(
    pages.map(async (page) => {
      await expect.poll(() => ticketOn(page), { timeout: 30_000 }).not.toBeNull();
      return (await ticketOn(page))!;
    }),
  );
  expect([...firstPlaces].sort()).toEqual([1, 2, 3]);
  await keepScreenshot(pages[0]!, testInfo, 'in the queue');

  // A fourth buyer arrives after the on-sale: behind all three.
  const late = await newUser('Dev');
  const latePage = await openBrowser(late);
  await latePage.goto(`/events/${event.id}`);
  await expect.poll(() => ticketOn(latePage)).toBe(4);

  // Places move forward live, with an estimated wait; each page opens the seat map by itself, in ticket order.
  const byTicket = (ticket: number) => pages[firstPlaces.indexOf(ticket)]!;
  const seatMapOn = (page: Page) => page.getByRole('heading', { name: 'Choose your seats' });
  await expect(byTicket(3).getByTestId('queue-wait')).not.toHaveText('Not known yet');
  // Once the first is let in, the other two move up together (read at once: the next admission follows 5 s later).
  await expect.poll(async () => [await positionOn(byTicket(2)), await positionOn(byTicket(3))], { timeout: 15_000 }).toEqual([1, 2]);
  await expect(seatMapOn(byTicket(1))).toBeVisible();
  await expect.poll(() => positionOn(byTicket(3)), { timeout: 15_000 }).toBe(1);
  await expect(seatMapOn(byTicket(2))).toBeVisible();
  await expect(seatMapOn(byTicket(3))).toBeVisible({ timeout: 15_000 });
  expect(await positionOn(latePage), 'the late buyer is next, not yet in').toBe(1);
  await expect(seatMapOn(latePage)).toBeVisible({ timeout: 15_000 });

  // Let in, each can hold a seat.
  for (const [index, page] of pages.entries()) {
    const seatId = event.seat(`C${index + 1}`);
    await seatOn(page, seatId).click();
    await page.getByTestId('hold-button').click();
    await expect(page.getByText('Held for you')).toBeVisible();
  }
  await keepScreenshot(pages[0]!, testInfo, 'let in and holding');
});
