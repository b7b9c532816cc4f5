import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { availableSeats, releaseByApi } from '../helpers/api';
import { admissionPassByApi, holdWithPassByApi } from '../helpers/waiting-room';
import '../helpers/seat-map-hook';

// The seeded stadium show has its waiting room on: every visitor below queues first, and is let in within a tick.
const EVENT = 'evt_stadium';

/** The seat under the pointer after moving it to (x, y): the canvas names it in `data-hover-seat`. */
async function seatUnderPointer(page: Page, x: number, y: number): Promise<string | null> {
  await page.mouse.move(x, y);
  return page.evaluate(async () => {
    // Two frames: React has rendered what the pointer move changed.
    for (let frame = 0; frame < 2; frame += 1) await new Promise((done) => requestAnimationFrame(done));
    return document.querySelector('canvas[data-hover-seat]')?.getAttribute('data-hover-seat') ?? null;
  });
}

test.describe('the 50,000-seat stadium map', () => {
  test('is drawn on a canvas whose seat states can be read, and follows holds live', async ({ openBrowser, request, newUser }) => {
    const bob = await newUser('Bob');
    const page = await openBrowser(await newUser('Ann'));
    const seats = await availableSeats(request, EVENT, 8);
    await page.goto(`/events/${EVENT}`);
    await expect(page.getByRole('application', { name: /Seat map, 50,000 seats/ })).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.renderer)).toBe('canvas');
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.seatCount)).toBe(50_000);
    const stateOf = (id: string) => page.evaluate((seatId) => window.__seatstormMap?.stateOf(seatId), id);
    expect(await stateOf(seats[0]!.id)).toBe('available');

    const hold = await holdWithPassByApi(
      request,
      bob.token,
      EVENT,
      seats.map((seat) => seat.id),
      await admissionPassByApi(request, bob.token, EVENT),
    );
    try {
      for (const seat of seats) await expect.poll(() => stateOf(seat.id)).toBe('reserved');
    } finally {
      await releaseByApi(request, bob.token, hold.id);
    }
  });

  test('pans by dragging, zooms with the buttons, and moves between seats with the keyboard, announcing each one', async ({ openBrowser, newUser }) => {
    const page = await openBrowser(await newUser('Cal'));
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.goto(`/events/${EVENT}`);
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.sync)).toBe('live');
    const map = page.getByRole('application');
    await map.scrollIntoViewIfNeeded();

    // Zoomed out, the map shows sections; picking one zooms in until its seats show.
    await expect.poll(() => page.evaluate(() => window.__seatstormMapView?.level())).toBe('sections');
    await page.getByRole('combobox', { name: 'Section' }).selectOption('S12');
    await expect.poll(() => page.evaluate(() => window.__seatstormMapView?.level())).toBe('seats');
    await expect.poll(() => page.evaluate(() => window.__seatstormMapView?.section())).toBe('S12');

    // Find a seat, then drag the map 120 px to the right: the same seat is now under the point
    // 120 px away, and no longer under the old one.
    const box = (await map.boundingBox())!;
    let found: { x: number; y: number; seat: string } | null = null;
    for (let y = box.y + 20; y < box.y + box.height - 20 && !found; y += 15) {
      for (let x = box.x + 20; x < box.x + box.width / 2 && !found; x += 15) {
        const seat = await seatUnderPointer(page, x, y);
        if (seat) found = { x, y, seat };
      }
    }
    expect(found, 'a seat in the left half of the map').not.toBeNull();
    const { x, y, seat } = found!;
    await page.mouse.down();
    await page.mouse.move(x + 60, y, { steps: 4 });
    await page.mouse.move(x + 120, y, { steps: 4 });
    await page.mouse.up();
    expect(await seatUnderPointer(page, x + 120, y)).toBe(seat);
    expect(await seatUnderPointer(page, x, y)).not.toBe(seat);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(/^Section S\d\d, row R\d\d, seat \d+, (Upper|Lower End|Lower Sideline), \$\d+, available(, [a-z —]+)*$/)).toBeAttached();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__seatstormMap?.counts().selected)).toBe(1);
  });
});
