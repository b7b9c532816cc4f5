import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { bookingsOf, releaseByApi } from '../helpers/api';
import { admissionPassByApi, holdWithPassByApi } from '../helpers/waiting-room';
import '../helpers/seat-map-hook';

// Runs in the phone project only (playwright.config.ts): a Pixel 7's screen, touch and pinch.
const STADIUM = 'evt_stadium';
const SECTION = 'S05';

const level = (page: Page) => page.evaluate(() => window.__seatstormMapView?.level());
const sectionInView = (page: Page) => page.evaluate(() => window.__seatstormMapView?.section());
const sectionsOn = (page: Page) => page.evaluate(() => window.__seatstormMapView?.sections() ?? []);
const visibleSeats = (page: Page) => page.evaluate(() => window.__seatstormMapView?.visibleSeats() ?? {});

/** A point of the map frame (frame pixels) in page coordinates. */
async function onPage(page: Page, point: { x: number; y: number }) {
  const frame = (await page.getByRole('application').boundingBox())!;
  return { x: frame.x + point.x, y: frame.y + point.y };
}

/** Two fingers from `from` px apart to `to` px apart around the frame's middle (CDP: Playwright's touchscreen has one finger). */
async function pinch(page: Page, from: number, to: number) {
  const frame = (await page.getByRole('application').boundingBox())!;
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  const fingers = (gap: number) => [
    { x: cx - gap / 2, y: cy, id: 1 },
    { x: cx + gap / 2, y: cy, id: 2 },
  ];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(from) });
  for (let step = 1; step <= 8; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(from + ((to - from) * step) / 8) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('on a phone, the stadium opens on its sections with what each has left; a tap zooms into one, live, and a pinch or a button goes back', async ({
  openBrowser,
  newUser,
  request,
}) => {
  const page = await openBrowser(await newUser('Tess'));
  expect(page.viewportSize()!.width, 'a phone-sized screen').toBeLessThan(500);
  await page.goto(`/events/${STADIUM}`);
  await expect.poll(() => page.evaluate(() => window.__seatstormMap?.sync), { timeout: 30_000 }).toBe('live');
  await page.getByRole('application').scrollIntoViewIfNeeded();

  // Zoomed out: forty sections, each with its count, all on screen.
  await expect.poll(() => level(page)).toBe('sections');
  const sections = await sectionsOn(page);
  expect(sections).toHaveLength(40);
  const frame = (await page.getByRole('application').boundingBox())!;
  for (const section of sections) {
    expect(section.available, section.name).toBeGreaterThan(0);
    expect(section.x).toBeGreaterThan(0);
    expect(section.x).toBeLessThan(frame.width);
  }
  const picker = page.getByRole('combobox', { name: 'Section' });
  await expect(picker.getByRole('option', { name: /^S05 — [\d,]+ left$/ })).toBeAttached();

  // A tap on a section zooms into it: its seats show, all of it in view.
  const target = sections.find((section) => section.name === SECTION)!;
  const tap = await onPage(page, target);
  await page.touchscreen.tap(tap.x, tap.y);
  await expect.poll(() => level(page)).toBe('seats');
  await expect.poll(() => sectionInView(page)).toBe(SECTION);
  await expect(picker).toHaveValue(SECTION);
  const visible = await visibleSeats(page);
  expect(visible[SECTION], 'every seat of the section on screen').toBe(1_250);
  expect(Math.max(...Object.values(visible))).toBe(1_250);

  // Someone holds a seat of it through the API: the seat turns reserved, the section's count goes down.
  const seatId = `${STADIUM}_${SECTION}-R10-25`;
  const before = target.available;
  const bob = await newUser('Bob');
  const hold = await holdWithPassByApi(request, bob.token, STADIUM, [seatId], await admissionPassByApi(request, bob.token, STADIUM));
  try {
    await expect.poll(() => page.evaluate((id) => window.__seatstormMap?.stateOf(id), seatId)).toBe('reserved');
    await expect.poll(async () => (await sectionsOn(page)).find((section) => section.name === SECTION)?.available).toBe(before - 1);
    const seat = (await page.evaluate((id) => window.__seatstormMapView?.seatOnScreen(id), seatId))!;
    expect(seat.x).toBeGreaterThan(0);
    expect(seat.x).toBeLessThan(frame.width);
  } finally {
    await releaseByApi(request, bob.token, hold.id);
  }

  // Pinching out goes back to the sections.
  await pinch(page, 240, 30);
  await expect.poll(() => level(page)).toBe('sections');
  await expect(picker).toHaveValue('');

  // So does the button, after zooming into another section from the picker.
  await picker.selectOption('S27');
  await expect.poll(() => sectionInView(page)).toBe('S27');
  await page.getByRole('button', { name: 'Show all sections' }).tap();
  await expect.poll(() => level(page)).toBe('sections');
});

test('on a phone at the stadium, best available holds four seats side by side, names their section and row, and shows them as yours', async ({
  openBrowser,
  newUser,
  request,
}) => {
  const vic = await newUser('Vic');
  const page = await openBrowser(vic);
  await page.goto(`/events/${STADIUM}`);
  await expect.poll(() => page.evaluate(() => window.__seatstormMap?.sync), { timeout: 30_000 }).toBe('live');
  const best = page.getByRole('region', { name: 'Best available' });

  await best.getByLabel('Number of seats').selectOption('4');
  await best.getByRole('button', { name: 'Hold the best 4 together' }).tap();

  const summary = best.getByText(/^Section S\d+, row R\d+, seats \d+–\d+ — 4 seats together · /);
  await expect(summary).toBeVisible();
  const [booking] = await bookingsOf(request, vic.token);
  try {
    expect(booking).toMatchObject({ status: 'reserved', eventId: STADIUM });
    // Stadium seat ids name their place: evt_stadium_S05-R10-25 is section S05, row R10, seat 25.
    const places = booking!.seatIds.map((seatId) => /_(S\d+)-(R\d+)-(\d+)$/.exec(seatId)!.slice(1));
    const [section, row] = places[0]!;
    const numbers = places.map(([, , number]) => Number(number)).sort((a, b) => a - b);
    expect(
      places.every((place) => place[0] === section && place[1] === row),
      'one section, one row',
    ).toBe(true);
    expect(numbers, 'side by side').toEqual(numbers.map((_, i) => numbers[0]! + i));
    await expect(summary).toHaveText(new RegExp(`^Section ${section}, row ${row}, seats ${numbers[0]}–${numbers[3]} — 4 seats together · `));
    for (const seatId of booking!.seatIds) await expect.poll(() => page.evaluate((id) => window.__seatstormMap?.stateOf(id), seatId)).toBe('mine');
  } finally {
    await releaseByApi(request, vic.token, booking!.id);
  }
});

test('on a phone, a small venue shows its seats at once: no sections to go through', async ({ openBrowser, newUser }) => {
  const page = await openBrowser(await newUser('Uma'));
  await page.goto('/events/evt_eras');
  await expect.poll(() => page.evaluate(() => window.__seatstormMap?.renderer)).toBe('svg');
  await expect(page.locator('[data-seat-id]')).toHaveCount(100);
  const middle = page.locator('[data-seat-id="evt_eras_A5"]');
  await middle.scrollIntoViewIfNeeded();
  await expect(middle).toBeInViewport();
  await expect(page.locator('[data-seat-id="evt_eras_C1"]')).toHaveAccessibleName(/wheelchair space/);
  expect(await page.evaluate(() => window.__seatstormMapView)).toBeUndefined();
  await expect(page.getByRole('combobox', { name: 'Section' })).toHaveCount(0);
});
