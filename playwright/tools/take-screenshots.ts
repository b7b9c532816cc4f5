/**
 * Takes the README's screenshots (docs/screenshots/) against a running stack
 * with the seeded demo data: the events list, the Eras Tour map mid-race, the
 * stadium map, checkout, the race lab, a ticket and the door. Every hold it
 * makes is released, and the booking it pays for is refunded.
 *
 *   npx tsx playwright/tools/take-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, request as playwrightRequest, type Browser, type Page } from '@playwright/test';
import { SESSION_COOKIE } from '@seatstorm/contracts';
import { availableSeats, bookingOf, holdByApi, loginByApi, releaseByApi, type Booking } from '../helpers/api';
import { baseUrl, gatewayUrl } from '../helpers/env';
import '../helpers/seat-map-hook';

const OUT = resolve(__dirname, '../../docs/screenshots');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic'];

async function open(browser: Browser, token: string | null, options: { dark?: boolean; phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    colorScheme: options.dark ? 'dark' : 'light',
    deviceScaleFactor: options.phone ? 2 : 1,
  });
  if (token) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseUrl(), httpOnly: true }]);
  return context.newPage();
}

async function liveMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__seatstormMap?.sync === 'live');
}

/** Scrolls the seat map to just under the sticky header and lets notices finish appearing. */
async function showMap(page: Page): Promise<void> {
  await page.evaluate(() => {
    const top = document.getElementById('seat-map-heading')?.closest('section')?.getBoundingClientRect().top ?? 0;
    window.scrollBy(0, top - 80);
  });
  await page.waitForTimeout(500);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const api = await playwrightRequest.newContext();
  const alice = await loginByApi(api, 'alice@example.com');
  const bob = await loginByApi(api, 'bob@example.com');
  const holds: Array<{ token: string; booking: Booking }> = [];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });

  try {
    const home = await open(browser, alice);
    await home.goto(`${baseUrl()}/`);
    await home.screenshot({ path: `${OUT}/events.png`, fullPage: true });

    // The Eras Tour mid-race: Alice holds two seats, Bob holds some, Alice has two selected and Bob takes one of them.
    const seats = await availableSeats(api, 'evt_eras', 9);
    const [a1, a2, b1, b2, b3, s1, s2, , s3] = seats.map((seat) => seat.id);
    holds.push({ token: alice, booking: await holdByApi(api, alice, 'evt_eras', [a1!, a2!]) });
    holds.push({ token: bob, booking: await holdByApi(api, bob, 'evt_eras', [b1!, b2!, b3!]) });
    const race = await open(browser, alice);
    await race.goto(`${baseUrl()}/events/evt_eras`);
    await liveMap(race);
    await race.locator(`[data-seat-id="${s1}"]`).click();
    await race.locator(`[data-seat-id="${s2}"]`).click();
    holds.push({ token: bob, booking: await holdByApi(api, bob, 'evt_eras', [s1!]) });
    await race.locator(`[data-seat-id="${s1}"][data-state="reserved"]`).waitFor();
    await showMap(race);
    await race.screenshot({ path: `${OUT}/eras-seat-map.png` });

    const dark = await open(browser, alice, { dark: true });
    await dark.goto(`${baseUrl()}/events/evt_eras`);
    await liveMap(dark);
    await dark.locator(`[data-seat-id="${s2}"]`).click();
    await dark.locator(`[data-seat-id="${s3}"]`).click();
    await showMap(dark);
    await dark.screenshot({ path: `${OUT}/eras-seat-map-dark.png` });
    const phone = await open(browser, bob, { phone: true });
    await phone.goto(`${baseUrl()}/events/evt_eras`);
    await liveMap(phone);
    await showMap(phone);
    await phone.screenshot({ path: `${OUT}/eras-seat-map-phone.png` });

    // The stadium, zoomed in a little, with a seat under keyboard focus.
    const stadium = await open(browser, alice, { dark: true });
    await stadium.goto(`${baseUrl()}/events/evt_stadium`);
    await liveMap(stadium);
    await showMap(stadium);
    await stadium.screenshot({ path: `${OUT}/stadium-map.png` });

    // Checkout of Alice's hold.
    const checkout = await open(browser, alice);
    await checkout.goto(`${baseUrl()}/checkout/${holds[0]!.booking.id}`);
    await checkout.getByTestId('pay-button').waitFor();
    await checkout.screenshot({ path: `${OUT}/checkout.png` });

    // The race lab, right after a race.
    const lab = await open(browser, null);
    await lab.goto(`${baseUrl()}/events/evt_eras/lab`);
    await lab.getByText('Live').nth(2).waitFor();
    await lab.locator(`[data-seat-id="${seats[7]!.id}"]`).first().click();
    await lab.getByRole('button', { name: 'Race!' }).click();
    await lab.getByText('How Kafka decided the last race').waitFor();
    await lab.getByRole('row').nth(3).waitFor();
    await lab.screenshot({ path: `${OUT}/race-lab.png`, fullPage: true });
    await lab.getByRole('button', { name: "Release the winner's seat" }).click();
    await lab.getByText('Released').waitFor();

    // Alice pays for two seats of the jazz night: her tickets, then the door letting the first one in.
    const paid = await holdByApi(
      api,
      alice,
      'evt_jazz',
      (await availableSeats(api, 'evt_jazz', 2)).map((seat) => seat.id),
    );
    holds.push({ token: alice, booking: paid });
    await api.post(`${gatewayUrl()}/bookings/${paid.id}/pay`, { headers: { authorization: `Bearer ${alice}` }, data: { card: '4242 4242 4242 4242' } });
    for (let tries = 0; (await bookingOf(api, alice, paid.id)).status !== 'confirmed'; tries += 1) {
      if (tries > 100) throw new Error(`booking ${paid.id} was not confirmed`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const tickets = await open(browser, alice);
    await tickets.goto(`${baseUrl()}/bookings/${paid.id}/tickets`);
    await tickets.getByRole('heading', { name: 'Your 2 tickets' }).waitFor();
    await tickets.screenshot({ path: `${OUT}/ticket.png` });
    const code = await (await api.get(`${gatewayUrl()}/bookings/${paid.id}/tickets`, { headers: { authorization: `Bearer ${alice}` } })).json();
    const door = await open(browser, await loginByApi(api, 'staff@example.com'), { phone: true });
    await door.goto(`${baseUrl()}/check-in`);
    await door.getByRole('combobox', { name: 'Event' }).selectOption('evt_jazz');
    await door.getByRole('textbox', { name: 'Ticket code' }).fill((code as { tickets: Array<{ code: string }> }).tickets[0]!.code);
    await door.getByRole('button', { name: 'Check in' }).click();
    await door.locator('[data-kind="admitted"]').waitFor();
    await door.screenshot({ path: `${OUT}/door.png` });
  } finally {
    for (const { token, booking } of holds) await releaseByApi(api, token, booking.id);
    await browser.close();
    await api.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
