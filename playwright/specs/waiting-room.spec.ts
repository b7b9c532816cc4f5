import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { keepScreenshot } from '../helpers/artifacts';
import { seatOn } from '../helpers/seat-map';
import { createQueuedEventByApi } from '../helpers/waiting-room';

/** The ticket the queue gave a page: its place when the queue was drawn, which never changes. */
async function ticketOn(page: Page): Promise<number | null> {
  const ticket = await page
    .getByTestId('queue-position')
    .getAttribute('data-ticket', { timeout: 500 })
    .catch(() => null);
  return ticket ? Number(ticket) : null;
}

/** What a page showed, each time it changed: its place (null when none), its estimated wait, whether the seat map is open. */
interface Sight {
  at: number;
  place: number | null;
  ticket: string | null;
  wait: string | null;
  seatMap: boolean;
}

/**
 * Keeps, inside the page, every change of what it shows, so the test reads the whole story afterwards
 * instead of racing the room's clock: admissions every few seconds do not wait for a slow test step.
 */
async function recordSights(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sights: Sight[] = [];
    (window as unknown as { seatstormSights: Sight[] }).seatstormSights = sights;
    let last = '';
    setInterval(() => {
      const position = document.querySelector('[data-testid="queue-position"]');
      const sight = {
        place: position?.getAttribute('data-known') === 'true' ? Number(position.textContent!.replaceAll(',', '')) : null,
        ticket: position?.getAttribute('data-ticket') ?? null,
        wait: document.querySelector('[data-testid="queue-wait"]')?.textContent ?? null,
        seatMap: [...document.querySelectorAll('h1, h2')].some((heading) => heading.textContent?.trim() === 'Choose your seats'),
      };
      const key = JSON.stringify(sight);
      if (key !== last) sights.push({ at: Date.now(), ...sight });
      last = key;
    }, 50);
  });
}

const sightsOf = (page: Page) => page.evaluate(() => (window as unknown as { seatstormSights: Sight[] }).seatstormSights);

/** The places a page showed while it waited, each once, in the order shown. */
const placesSeen = (sights: Sight[]) =>
  sights.flatMap((sight, index) => (sight.place !== null && sight.place !== sights[index - 1]?.place ? [sight.place] : []));

/** When a page first showed the seat map. */
const letInAt = (sights: Sight[]) => sights.find((sight) => sight.seatMap)?.at ?? Number.POSITIVE_INFINITY;

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
  await Promise.all(pages.map((page) => recordSights(page)));
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
  await recordSights(latePage);
  await latePage.goto(`/events/${event.id}`);
  await expect.poll(() => ticketOn(latePage)).toBe(4);

  // Each page opens the seat map by itself.
  const seatMapOn = (page: Page) => page.getByRole('heading', { name: 'Choose your seats' });
  for (const page of [...pages, latePage]) await expect(seatMapOn(page)).toBeVisible({ timeout: 40_000 });

  // What they saw on the way, read back from each page: let in in ticket order, the late
  // buyer last; the last of the three saw its place move forward live, with an estimated wait.
  const byTicket = (ticket: number) => pages[firstPlaces.indexOf(ticket)]!;
  const [first, second, third, fourth] = await Promise.all([byTicket(1), byTicket(2), byTicket(3), latePage].map((page) => sightsOf(page)));
  const story = testInfo.outputPath('what-each-page-saw.json');
  await writeFile(story, JSON.stringify({ first, second, third, fourth }, null, 1));
  await testInfo.attach('what each page saw', { path: story, contentType: 'application/json' });
  const order = [first!, second!, third!, fourth!].map((sights) => letInAt(sights));
  expect(order, 'let in in ticket order').toEqual([...order].sort((a, b) => a - b));
  expect(placesSeen(third!), 'ticket 3 moved up place by place').toEqual(expect.arrayContaining([2, 1]));
  expect(placesSeen(third!).indexOf(2)).toBeLessThan(placesSeen(third!).indexOf(1));
  expect(
    third!.some((sight) => sight.place !== null && sight.wait !== null && sight.wait !== 'Not known yet'),
    'ticket 3 was told how long it would wait',
  ).toBe(true);
  expect(placesSeen(fourth!).at(-1), 'the late buyer was next before being let in').toBe(1);

  // Let in, each can hold a seat (C4 on: C1 and C2 are the row's wheelchair space and companion seat).
  for (const [index, page] of pages.entries()) {
    const seatId = event.seat(`C${index + 4}`);
    await seatOn(page, seatId).click();
    await page.getByTestId('hold-button').click();
    await expect(page.getByText('Held for you')).toBeVisible();
  }
  await keepScreenshot(pages[0]!, testInfo, 'let in and holding');
});
