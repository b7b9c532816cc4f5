/**
 * Takes every screenshot of the README (docs/screenshots/) against a running
 * stack with the seeded demo data, one small function per screenshot: the
 * events list, the Eras Tour map mid-race (light, dark, on a phone), best
 * available, the orphan-seat warning, the accessible-seats filter, the
 * stadium (on a desktop, and on a phone zoomed out and zoomed into a
 * section), checkout, the race lab, the waiting room before and after its
 * on-sale, the admin's Sales panel during a burst, a ticket and the door.
 *
 * Every hold it makes is released and every booking it pays for is refunded.
 * The waiting room and the Sales panel need events of their own: the tool
 * creates them, named "Demo · …" and dated after the seeded events. The events
 * list is taken first, so that on a freshly seeded database it shows the
 * seeded events alone.
 *
 *   npx tsx playwright/tools/take-screenshots.ts [events orphan-warning accessible-seats best-available
 *     eras-seat-map stadium stadium-phone checkout race-lab waiting-room sales-dashboard ticket]   (some only; all by default)
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, devices, request as playwrightRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, SESSION_COOKIE } from '@seatstorm/contracts';
import { availableSeats, bookingOf, bookingsOf, holdByApi, loginByApi, releaseByApi, type Booking } from '../helpers/api';
import { baseUrl, gatewayUrl } from '../helpers/env';
import '../helpers/seat-map-hook';

const OUT = resolve(__dirname, '../../docs/screenshots');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic'];
const PAYS = '4242 4242 4242 4242';
const DECLINED = '4000 0000 0000 0002';
/** Demo events start after the seeded ones (2027), so the events list shows them last. */
const DEMO_STARTS_AT = '2030-06-01T19:30:00Z';

/** What every screenshot works with: the API, the browser, the demo accounts and what has to be let go at the end. */
interface Demo {
  api: APIRequestContext;
  browser: Browser;
  alice: string;
  bob: string;
  charlie: string;
  admin: string;
  /** What to undo when the tool ends, in order: holds to release, bookings to refund, seats to put back on sale. */
  undo: Array<() => Promise<unknown>>;
}

type Look = { dark?: boolean; phone?: 'small' | 'pixel' };

async function open(demo: Demo, token: string | null, look: Look = {}): Promise<Page> {
  const screen =
    look.phone === 'pixel'
      ? { ...devices['Pixel 7'], hasTouch: true }
      : look.phone === 'small'
        ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }
        : { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 };
  const context = await demo.browser.newContext({ ...screen, colorScheme: look.dark ? 'dark' : 'light' });
  if (token) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseUrl(), httpOnly: true }]);
  return context.newPage();
}

/** Remembers a booking to let go when the tool ends (a hold is released, a confirmed booking refunded); answers it. */
function letGoLater<T extends Pick<Booking, 'id'>>(demo: Demo, token: string, booking: T): T {
  demo.undo.push(() => releaseByApi(demo.api, token, booking.id));
  return booking;
}

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function liveMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__seatstormMap?.sync === 'live', undefined, { timeout: 60_000 });
}

async function openEvent(demo: Demo, token: string | null, eventId: string, look: Look = {}): Promise<Page> {
  const page = await open(demo, token, look);
  await page.goto(`${baseUrl()}/events/${eventId}`);
  await liveMap(page);
  return page;
}

/** Scrolls the seat map to just under the sticky header and lets notices finish appearing. */
async function showMap(page: Page): Promise<void> {
  await page.evaluate(() => {
    const top = document.getElementById('seat-map-heading')?.closest('section')?.getBoundingClientRect().top ?? 0;
    window.scrollBy(0, top - 80);
  });
  await page.waitForTimeout(500);
}

async function until(what: string, done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const start = Date.now(); !(await done()); await new Promise((resolve_) => setTimeout(resolve_, 200))) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting until ${what}`);
  }
}

async function pay(demo: Demo, token: string, bookingId: string, card = PAYS): Promise<void> {
  const response = await demo.api.post(`${gatewayUrl()}/bookings/${bookingId}/pay`, { headers: bearer(token), data: { card } });
  if (response.status() !== 202) throw new Error(`paying ${bookingId} answered ${response.status()}`);
}

/** A new event on the Garden's layout (VIP row A, Premium B, Regular C…), named as a demo. */
async function demoEvent(demo: Demo, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await demo.api.post(`${gatewayUrl()}/events`, {
    headers: bearer(demo.admin),
    data: { venueId: 'ven_msg', name, startsAt: DEMO_STARTS_AT, prices: { VIP: 22_500, Premium: 18_000, Regular: 15_000 }, ...extra },
  });
  if (response.status() !== 201) throw new Error(`creating ${name} answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Demo buyer number `n` (demo-buyer-n@example.com), signed in; registered the first time only, so that runs
 * after the first stay clear of the registration limit per address.
 */
async function demoBuyer(demo: Demo, n: number): Promise<string> {
  const email = `demo-buyer-${n}@example.com`;
  const login = await demo.api.post(`${gatewayUrl()}/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  if (login.status() === 200) return ((await login.json()) as { token: string }).token;
  const registered = await demo.api.post(`${gatewayUrl()}/auth/register`, { data: { email, name: `Demo buyer ${n}`, password: DEMO_PASSWORD } });
  if (registered.status() !== 201) throw new Error(`registering ${email} answered ${registered.status()}`);
  return ((await registered.json()) as { token: string }).token;
}

async function events(demo: Demo): Promise<void> {
  const page = await open(demo, demo.alice);
  await page.goto(`${baseUrl()}/`);
  await page.getByRole('heading', { name: 'Find your seats before anyone else' }).waitFor();
  await shot(page, 'events', true);
}

/** Charlie asks for the best four Regular seats together: row C, held, with "Go to checkout" and "Pick again". */
async function bestAvailable(demo: Demo): Promise<void> {
  const page = await openEvent(demo, demo.charlie, 'evt_eras');
  const best = page.getByRole('region', { name: 'Best available' });
  await best.getByLabel('Number of seats').selectOption('4');
  await best.getByLabel('Tier').selectOption('Regular');
  await best.getByRole('button', { name: 'Hold the best 4 together' }).click();
  await best.getByText(/^Row C, seats \d+–\d+ — 4 seats together · /).waitFor();
  const [held] = await bookingsOf(demo.api, demo.charlie);
  letGoLater(demo, demo.charlie, held!);
  await best.getByRole('link', { name: 'Go to checkout' }).waitFor();
  await showMap(page);
  await shot(page, 'best-available');
}

/** Alice picks A9 of the Eras Tour, which would leave A10 alone at the row's end: warned before any hold is sent. */
async function orphanWarning(demo: Demo): Promise<void> {
  const page = await openEvent(demo, demo.alice, 'evt_eras');
  await page.locator('[data-seat-id="evt_eras_A9"]').click();
  await page.getByTestId('orphan-warning').getByText('This would leave seat A10 on its own').waitFor();
  await page.mouse.move(0, 0);
  await showMap(page);
  await shot(page, 'orphan-warning');
}

/** The Eras Tour map with "Show: Wheelchair spaces": the two spaces stand out, every other seat dimmed. */
async function accessibleSeats(demo: Demo): Promise<void> {
  const page = await openEvent(demo, demo.bob, 'evt_eras');
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Wheelchair spaces' });
  await page.getByText(/^2 wheelchair spaces, \d available$/).waitFor();
  await showMap(page);
  await shot(page, 'accessible-seats');
}

/**
 * The Eras Tour mid-race: Alice holds two seats, Bob holds some, Alice has two selected and Bob takes one of
 * them. Answers two seats still free, for the dark map to select.
 */
async function erasMidRace(demo: Demo): Promise<[string, string]> {
  const [a1, a2, b1, b2, b3, s1, s2, s3] = (await availableSeats(demo.api, 'evt_eras', 8)).map((seat) => seat.id);
  letGoLater(demo, demo.alice, await holdByApi(demo.api, demo.alice, 'evt_eras', [a1!, a2!]));
  letGoLater(demo, demo.bob, await holdByApi(demo.api, demo.bob, 'evt_eras', [b1!, b2!, b3!]));
  const page = await openEvent(demo, demo.alice, 'evt_eras');
  await page.locator(`[data-seat-id="${s1}"]`).click();
  await page.locator(`[data-seat-id="${s2}"]`).click();
  letGoLater(demo, demo.bob, await holdByApi(demo.api, demo.bob, 'evt_eras', [s1!]));
  await page.locator(`[data-seat-id="${s1}"][data-state="reserved"]`).waitFor();
  await showMap(page);
  await shot(page, 'eras-seat-map');
  return [s2!, s3!];
}

async function erasDark(demo: Demo, selected: [string, string]): Promise<void> {
  const page = await openEvent(demo, demo.alice, 'evt_eras', { dark: true });
  for (const seatId of selected) await page.locator(`[data-seat-id="${seatId}"]`).click();
  await showMap(page);
  await shot(page, 'eras-seat-map-dark');
}

async function erasPhone(demo: Demo): Promise<void> {
  const page = await openEvent(demo, demo.bob, 'evt_eras', { phone: 'small', dark: true });
  await showMap(page);
  await shot(page, 'eras-seat-map-phone');
}

async function stadiumMap(demo: Demo): Promise<void> {
  const page = await openEvent(demo, demo.alice, 'evt_stadium', { dark: true });
  await showMap(page);
  await shot(page, 'stadium-map');
}

/** Seats of the stadium's section `section`, rows R01 to `lastRow` (50 a row). */
function stadiumRows(section: string, lastRow: number): string[] {
  return Array.from({ length: lastRow * 50 }, (_, i) => `evt_stadium_${section}-R${String(Math.floor(i / 50) + 1).padStart(2, '0')}-${(i % 50) + 1}`);
}

/**
 * Takes some stadium sections off sale (admin), so that the sections show different amounts left: S04 and S24
 * none, S06 250, S26 350, S07 650. Put back on sale when the tool ends. Answers how many seats were taken off.
 */
async function takeStadiumSeatsOffSale(demo: Demo): Promise<number> {
  const sections = [stadiumRows('S04', 25), stadiumRows('S24', 25), stadiumRows('S06', 20), stadiumRows('S26', 18), stadiumRows('S07', 12)];
  // A section a request: the gateway takes bodies of a limited size.
  const post = async (action: 'block' | 'unblock', seatIds: string[]) => {
    const response = await demo.api.post(`${gatewayUrl()}/events/evt_stadium/seats/${action}`, { headers: bearer(demo.admin), data: { seatIds } });
    if (response.status() !== 202) throw new Error(`${action} answered ${response.status()}: ${await response.text()}`);
  };
  for (const seatIds of sections) {
    demo.undo.push(() => post('unblock', seatIds));
    await post('block', seatIds);
  }
  return sections.flat().length;
}

/** The stadium on a phone (a Pixel 7), zoomed out on its forty sections, with `offSale` seats off sale. */
async function stadiumOnPhone(demo: Demo, offSale: number): Promise<Page> {
  const page = await openEvent(demo, demo.charlie, 'evt_stadium', { phone: 'pixel' });
  await page.waitForFunction(
    (left) =>
      window.__seatstormMapView?.level() === 'sections' &&
      window.__seatstormMapView.sections().length === 40 &&
      window.__seatstormMapView.sections().reduce((sum, section) => sum + section.available, 0) <= left,
    50_000 - offSale,
    { timeout: 30_000 },
  );
  await showMap(page);
  return page;
}

async function stadiumSectionsPhone(demo: Demo, offSale: number): Promise<void> {
  await shot(await stadiumOnPhone(demo, offSale), 'stadium-sections-phone');
}

/** A tap on section S06 zooms into it; the section picker says how many seats it has left. */
async function stadiumSectionZoomedPhone(demo: Demo, offSale: number): Promise<void> {
  const page = await stadiumOnPhone(demo, offSale);
  const target = (await page.evaluate(() => window.__seatstormMapView!.sections())).find((section) => section.name === 'S06')!;
  const frame = (await page.getByRole('application').boundingBox())!;
  await page.touchscreen.tap(frame.x + target.x, frame.y + target.y);
  await page.waitForFunction(() => window.__seatstormMapView?.level() === 'seats' && window.__seatstormMapView.section() === 'S06');
  await page.waitForTimeout(500);
  await shot(page, 'stadium-section-zoomed-phone');
}

/** Checkout of a hold of Alice's at the Eras Tour, its countdown running. */
async function checkout(demo: Demo): Promise<void> {
  const [seat1, seat2] = await availableSeats(demo.api, 'evt_eras', 2);
  const hold = await holdByApi(demo.api, demo.alice, 'evt_eras', [seat1!.id, seat2!.id]);
  letGoLater(demo, demo.alice, hold);
  const page = await open(demo, demo.alice);
  await page.goto(`${baseUrl()}/checkout/${hold.id}`);
  await page.getByTestId('pay-button').waitFor();
  await shot(page, 'checkout');
}

/** The race lab, right after a race; the winner's seat is released again. */
async function raceLab(demo: Demo): Promise<void> {
  const [seat] = await availableSeats(demo.api, 'evt_eras', 1);
  const page = await open(demo, null);
  await page.goto(`${baseUrl()}/events/evt_eras/lab`);
  await page.getByText('Live').nth(2).waitFor();
  await page.locator(`[data-seat-id="${seat!.id}"]`).first().click();
  await page.getByRole('button', { name: 'Race!' }).click();
  await page.getByText('How Kafka decided the last race').waitFor();
  await page.getByRole('row').nth(3).waitFor();
  await shot(page, 'race-lab', true);
  await page.getByRole('button', { name: "Release the winner's seat" }).click();
  await page.getByText('Released').waitFor();
}

/**
 * A demo event whose waiting room opens in `onSaleInMs`, admitting six buyers a minute, with Bob watching its
 * page and ten demo buyers (and Charlie) waiting with him: the room before the on-sale.
 */
async function waitingRoomBefore(demo: Demo, onSaleInMs = 30_000): Promise<string> {
  const eventId = await demoEvent(demo, `Demo · Waiting room night ${randomUUID().slice(0, 4)}`, {
    onSaleAt: new Date(Date.now() + onSaleInMs).toISOString(),
    waitingRoom: { enabled: true, admissionPerMinute: 6 },
  });
  const waiting = [demo.charlie, ...(await Promise.all(Array.from({ length: 10 }, (_, i) => demoBuyer(demo, i + 1))))];
  for (const token of waiting) {
    const joined = await demo.api.post(`${gatewayUrl()}/events/${eventId}/queue`, { headers: bearer(token) });
    if (joined.status() !== 200) throw new Error(`joining the queue answered ${joined.status()}`);
  }
  const page = await open(demo, demo.bob);
  await page.goto(`${baseUrl()}/events/${eventId}`);
  await page
    .getByTestId('queue-waiting')
    .getByText(String(waiting.length + 1))
    .waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'waiting-room-before');
  return eventId;
}

/** Alice arrives after the on-sale: at the back of the queue, and once the front moves, her progress and wait. */
async function waitingRoom(demo: Demo, eventId: string): Promise<void> {
  await until(
    'the on-sale',
    async () => {
      const stats = await demo.api.get(`${gatewayUrl()}/events/${eventId}/queue/stats`);
      return ((await stats.json()) as { phase?: string }).phase !== 'pre';
    },
    60_000,
  );
  const page = await open(demo, demo.alice);
  await page.goto(`${baseUrl()}/events/${eventId}`);
  const ahead = page.getByTestId('queue-ahead');
  await page.locator('[data-testid="queue-position"][data-known="true"]').waitFor();
  const first = Number((await ahead.textContent())!.replaceAll(',', ''));
  await until('the queue moves', async () => Number((await ahead.textContent())!.replaceAll(',', '')) < first, 30_000);
  await page
    .getByTestId('queue-wait')
    .getByText(/minute/)
    .waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'waiting-room');
}

/**
 * The admin's Sales panel of a new demo event during a burst: four holds at once, three paid and one declined
 * (VIP 2 × $225 + Premium 2 × $180 + Regular 1 × $150 = $960).
 */
async function salesDashboard(demo: Demo): Promise<void> {
  const eventId = await demoEvent(demo, `Demo · Sales night ${randomUUID().slice(0, 4)}`);
  const page = await open(demo, demo.admin);
  await page.setViewportSize({ width: 1280, height: 1180 });
  await page.goto(`${baseUrl()}/admin/events/${eventId}`);
  const sales = page.getByRole('region', { name: 'Sales', exact: true });
  await sales.getByTestId('sales-revenue').getByText('$0').waitFor();
  const seat = (label: string) => `${eventId}_${label}`;
  const claims = [
    { token: demo.alice, seats: [seat('A3'), seat('A4')], card: PAYS },
    { token: demo.bob, seats: [seat('B3'), seat('B4')], card: PAYS },
    { token: demo.charlie, seats: [seat('C5')], card: PAYS },
    { token: demo.bob, seats: [seat('C7')], card: DECLINED },
  ];
  const held = await Promise.all(claims.map((claim) => holdByApi(demo.api, claim.token, eventId, claim.seats)));
  held.forEach((booking, i) => letGoLater(demo, claims[i]!.token, booking));
  await Promise.all(held.map((booking, i) => pay(demo, claims[i]!.token, booking.id, claims[i]!.card)));
  await sales.getByTestId('sales-revenue').getByText('$960').waitFor();
  await sales.getByTestId('sales-conversion').getByText('75%').waitFor();
  await sales.getByText('1 payment failed').waitFor();
  await sales.getByTestId('sales-seats-left').getByText('95').waitFor();
  await page.evaluate(() => window.scrollBy(0, (document.getElementById('sales-heading')?.getBoundingClientRect().top ?? 0) - 96));
  await page.waitForTimeout(500);
  await shot(page, 'sales-dashboard');
}

/** Alice pays for B7 and B8 of the jazz night; answers the confirmed booking. */
async function paidJazzNight(demo: Demo): Promise<Booking> {
  const paid = await holdByApi(demo.api, demo.alice, 'evt_jazz', ['evt_jazz_B7', 'evt_jazz_B8']);
  letGoLater(demo, demo.alice, paid);
  await pay(demo, demo.alice, paid.id);
  await until(`booking ${paid.id} is confirmed`, async () => (await bookingOf(demo.api, demo.alice, paid.id)).status === 'confirmed');
  return paid;
}

async function ticket(demo: Demo, paid: Booking): Promise<void> {
  const page = await open(demo, demo.alice);
  await page.goto(`${baseUrl()}/bookings/${paid.id}/tickets`);
  await page.getByRole('heading', { name: 'Your 2 tickets' }).waitFor();
  await until('Download PDF is ready', () => page.getByRole('button', { name: 'Download PDF' }).isEnabled());
  await shot(page, 'ticket');
}

/** The door on a phone: the staff choose the jazz night and type the code of the ticket for B7. */
async function door(demo: Demo, paid: Booking): Promise<void> {
  const answer = await demo.api.get(`${gatewayUrl()}/bookings/${paid.id}/tickets`, { headers: bearer(demo.alice) });
  const { tickets } = (await answer.json()) as { tickets: Array<{ code: string }> };
  const page = await open(demo, await loginByApi(demo.api, 'staff@example.com'), { phone: 'small' });
  await page.goto(`${baseUrl()}/check-in`);
  await page.getByRole('combobox', { name: 'Event' }).selectOption('evt_jazz');
  await page.getByRole('textbox', { name: 'Ticket code' }).fill(tickets[0]!.code);
  await page.getByRole('button', { name: 'Check in' }).click();
  await page.locator('[data-kind="admitted"]').waitFor();
  await shot(page, 'door');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const api = await playwrightRequest.newContext();
  const [alice, bob, charlie, admin] = await Promise.all(['alice', 'bob', 'charlie', 'admin'].map((name) => loginByApi(api, `${name}@example.com`)));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
  const demo: Demo = { api, browser, alice: alice!, bob: bob!, charlie: charlie!, admin: admin!, undo: [] };
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);

  try {
    if (wanted('events')) await events(demo);
    if (wanted('orphan-warning')) await orphanWarning(demo);
    if (wanted('accessible-seats')) await accessibleSeats(demo);
    if (wanted('best-available')) await bestAvailable(demo);
    if (wanted('eras-seat-map')) await erasDark(demo, await erasMidRace(demo));
    if (wanted('eras-seat-map')) await erasPhone(demo);
    if (wanted('stadium')) await stadiumMap(demo);
    if (wanted('stadium-phone')) {
      const offSale = await takeStadiumSeatsOffSale(demo);
      await stadiumSectionsPhone(demo, offSale);
      await stadiumSectionZoomedPhone(demo, offSale);
    }
    if (wanted('checkout')) await checkout(demo);
    if (wanted('race-lab')) await raceLab(demo);
    if (wanted('waiting-room')) await waitingRoom(demo, await waitingRoomBefore(demo));
    if (wanted('sales-dashboard')) await salesDashboard(demo);
    if (wanted('ticket')) {
      const paid = await paidJazzNight(demo);
      await ticket(demo, paid);
      await door(demo, paid);
    }
  } finally {
    // Holds are released, confirmed bookings refunded (POST /bookings/:id/cancel), blocked seats put back on sale.
    for (const undo of demo.undo) await undo();
    await browser.close();
    await api.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
