import { randomUUID } from 'node:crypto';
import { devices, type APIRequestContext, type Page } from '@playwright/test';
import { expect, signInAs, test } from '../fixtures/test';
import { bookingOf, createEventByApi, holdByApi, loginByApi, releaseByApi, type TestEvent, type TestUser } from '../helpers/api';
import { expectAccessible } from '../helpers/axe';
import { gatewayUrl } from '../helpers/env';
import { openEvent, seatOn } from '../helpers/seat-map';
import { createQueuedEventByApi } from '../helpers/waiting-room';
import '../helpers/seat-map-hook';

const PAYING_CARD = '4242 4242 4242 4242';

/** A held booking, a confirmed one (which brings a notification) and a cancelled one, made through the API. */
async function bookingsOfEveryKind(request: APIRequestContext, user: TestUser, event: TestEvent): Promise<void> {
  const paid = await holdByApi(request, user.token, event.id, [event.seat('A1')]);
  const pay = await request.post(`${gatewayUrl()}/bookings/${paid.id}/pay`, {
    headers: { authorization: `Bearer ${user.token}` },
    data: { card: PAYING_CARD },
  });
  expect(pay.status(), 'pay with a test card').toBe(202);
  await expect.poll(async () => (await bookingOf(request, user.token, paid.id)).status).toBe('confirmed');
  const cancelled = await holdByApi(request, user.token, event.id, [event.seat('B5')]);
  await releaseByApi(request, user.token, cancelled.id);
  await holdByApi(request, user.token, event.id, [event.seat('C9')]);
}

/** A paid and confirmed booking of two seats of `event` (B4, B5), and the codes of its two tickets. */
async function confirmedBooking(request: APIRequestContext, user: TestUser, event: TestEvent): Promise<{ id: string; codes: string[] }> {
  const booking = await holdByApi(request, user.token, event.id, [event.seat('B4'), event.seat('B5')]);
  const headers = { authorization: `Bearer ${user.token}` };
  expect((await request.post(`${gatewayUrl()}/bookings/${booking.id}/pay`, { headers, data: { card: PAYING_CARD } })).status()).toBe(202);
  await expect.poll(async () => (await bookingOf(request, user.token, booking.id)).status).toBe('confirmed');
  const { tickets } = (await (await request.get(`${gatewayUrl()}/bookings/${booking.id}/tickets`, { headers })).json()) as { tickets: Array<{ code: string }> };
  return { id: booking.id, codes: tickets.map((ticket) => ticket.code) };
}

test.describe('every page a buyer or an admin sees meets WCAG 2.1 AA (axe)', () => {
  test('the events list, with events in every tone: plenty of seats, few left, sold out and not yet on sale', async ({
    adminToken,
    newUser,
    page,
    request,
  }) => {
    const suffix = randomUUID().slice(0, 6);
    const few = await createEventByApi(request, adminToken, { name: `Few left · ${suffix}`, totalSeats: 6, price: 30 });
    const soldOut = await createEventByApi(request, adminToken, { name: `Sold out · ${suffix}`, totalSeats: 2, price: 30 });
    await holdByApi(request, (await newUser('Sol')).token, soldOut.id, [soldOut.seat('A1'), soldOut.seat('A2')]);
    const later = await createQueuedEventByApi(request, adminToken, { name: `On sale tomorrow · ${suffix}`, onSaleInMs: 86_400_000, perMinute: 60 });

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Find your seats before anyone else' })).toBeVisible();
    const card = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await expect(card('Taylor Swift – The Eras Tour')).toContainText('seats left');
    await expect(card(few.name)).toContainText('6 seats left');
    await expect(card(soldOut.name)).toContainText('Sold out');
    await expect(card(later.name)).toContainText('On sale');
    await expectAccessible(page, 'the events list');
  });

  test('sign-in, blank and after a wrong password', async ({ newUser, page }) => {
    const dana = await newUser('Dana');
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
    await expectAccessible(page, 'the sign-in page');

    await page.getByLabel('Email').fill(dana.email);
    await page.getByLabel('Password').fill(`${dana.password}-typo`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: "That email and password don't match an account." })).toBeVisible();
    await expectAccessible(page, 'the sign-in page with its error');
  });

  test('register, blank and with its fields refused', async ({ page }) => {
    await page.goto('/register');
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await expectAccessible(page, 'the register page');

    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Tell us your name.')).toBeVisible();
    await expectAccessible(page, 'the register page with its field errors');
  });

  test('the Eras Tour seat map (SVG) and its list view, signed out', async ({ page }) => {
    await openEvent(page, 'evt_eras');
    await expect(page.locator('[data-seat-id]')).toHaveCount(100);
    await expectAccessible(page, 'the Eras Tour event page');

    await page.getByRole('group', { name: 'Show seats as' }).getByRole('button', { name: 'List' }).click();
    await expect(page.getByRole('button', { name: /^Row C, seat 5\b/ })).toBeVisible();
    await expectAccessible(page, 'the Eras Tour seats as a list');
  });

  test('the race lab, live in its three panes', async ({ event, page }) => {
    await page.goto(`/events/${event.id}/lab`);
    for (const name of ['Alice', 'Bob', 'Charlie']) await expect(page.getByRole('region', { name }).getByText('Live', { exact: true })).toBeVisible();
    await expectAccessible(page, 'the race lab');
  });

  test('the stadium (canvas), after its waiting room', async ({ newUser, openBrowser }) => {
    const page = await openBrowser(await newUser('Sam'));
    await openEvent(page, 'evt_stadium');
    await expect(page.getByRole('application', { name: /Seat map, 50,000 seats/ })).toBeVisible();
    await expectAccessible(page, 'the stadium event page');
  });

  test('an event page with a hold counting down, seats selected and seats taken by others', async ({ event, newUser, openBrowser, request }) => {
    const other = await newUser('Ola');
    await holdByApi(request, other.token, event.id, [event.seat('B1'), event.seat('B2')]);
    const page = await openBrowser(await newUser('Alice'));
    await openEvent(page, event.id);
    await expect(seatOn(page, event.seat('B1'))).toHaveAttribute('data-state', 'reserved');

    await seatOn(page, event.seat('A4')).click();
    await seatOn(page, event.seat('A5')).click();
    await page.getByTestId('hold-button').click();
    await expect(seatOn(page, event.seat('A5'))).toHaveAttribute('data-state', 'mine');
    await seatOn(page, event.seat('C7')).click();
    await seatOn(page, event.seat('C8')).click();
    await expect(page.getByTestId('hold-button')).toHaveText('Hold 2 seats');
    await expect(page.getByText(/left to pay/)).toBeVisible();
    await expectAccessible(page, 'an event page with a hold and a selection');
  });

  test('checkout of a hold, with its countdown', async ({ event, newUser, openBrowser, request }) => {
    const alice = await newUser('Alice');
    const hold = await holdByApi(request, alice.token, event.id, [event.seat('A1'), event.seat('A2')]);
    const page = await openBrowser(alice);
    await page.goto(`/checkout/${hold.id}`);
    await expect(page.getByTestId('pay-button')).toBeEnabled();
    await expect(page.getByRole('timer')).toHaveAccessibleName(/left$/);
    await expectAccessible(page, 'the checkout page');
  });

  test('My bookings, with a hold, a confirmed booking and a cancelled one', async ({ event, newUser, openBrowser, request }) => {
    const alice = await newUser('Alice');
    await bookingsOfEveryKind(request, alice, event);
    const page = await openBrowser(alice);
    await page.goto('/bookings');
    const bookings = page.locator('article').filter({ hasText: event.name });
    await expect(bookings).toHaveCount(3);
    for (const status of ['Confirmed', 'Cancelled']) await expect(bookings.getByText(status, { exact: true })).toBeVisible();
    await expect(bookings.getByText(/^Held · \d+:\d\d left$/)).toBeVisible();
    await expectAccessible(page, 'My bookings');
  });

  test('the notifications panel, open', async ({ event, newUser, openBrowser, request }) => {
    const alice = await newUser('Alice');
    await bookingsOfEveryKind(request, alice, event);
    const page = await openBrowser(alice);
    await page.goto('/');
    await page.getByRole('button', { name: /^Notifications, \d+ new$/ }).click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    await expect(panel.getByText(`You're going! 1 seat for ${event.name} is confirmed`)).toBeVisible();
    await expectAccessible(page, 'the open notifications panel');
  });

  test('the admin area: its home with the create-event form, and an event dashboard', async ({ adminToken, openBrowser }) => {
    const page = await openBrowser({ token: adminToken });
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Admin', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: /Taylor Swift/ })).toBeVisible();
    await expectAccessible(page, 'the admin home');

    await page.goto('/admin/events/evt_eras');
    await expect(page.getByText('Live sales · up to date')).toBeVisible();
    await expectAccessible(page, 'the admin event dashboard');
  });

  test('a ticket page: two valid tickets with their QR codes', async ({ event, newUser, openBrowser, request }) => {
    const alice = await newUser('Alice');
    const booking = await confirmedBooking(request, alice, event);
    const page = await openBrowser(alice);
    await page.goto(`/bookings/${booking.id}/tickets`);
    await expect(page.getByRole('heading', { name: 'Your 2 tickets' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^QR code of the ticket for / })).toHaveCount(2);
    await expectAccessible(page, 'the ticket page');
  });

  test('the door, as door staff: blank, after letting a ticket in, and after refusing it a second time', async ({ event, newUser, openBrowser, request }) => {
    const { codes } = await confirmedBooking(request, await newUser('Alice'), event);
    const door = await openBrowser({ token: await loginByApi(request, 'staff@example.com') });
    await door.goto('/check-in');
    await expect(door.getByRole('combobox', { name: 'Event' })).toBeVisible();
    await expectAccessible(door, 'the door, blank');

    await door.getByRole('combobox', { name: 'Event' }).selectOption(event.id);
    await expect(door.getByTestId('people-in')).toHaveText('0 of 2 people in');
    for (const kind of ['admitted', 'already-in']) {
      await door.getByRole('textbox', { name: 'Ticket code' }).fill(codes[0]!);
      await door.getByRole('button', { name: 'Check in' }).click();
      await expect(door.locator(`[data-kind="${kind}"]`)).toBeVisible();
      await expectAccessible(door, `the door, ${kind}`);
    }
  });

  test('the waiting room: before the on-sale, and in the queue with people ahead', async ({ adminToken, newUser, openBrowser, request }) => {
    const suffix = randomUUID().slice(0, 6);
    const later = await createQueuedEventByApi(request, adminToken, { name: `On sale tomorrow · ${suffix}`, onSaleInMs: 86_400_000, perMinute: 60 });
    const before = await openBrowser(await newUser('Wes'));
    await before.goto(`/events/${later.id}`);
    await expect(before.getByRole('heading', { name: 'You’re in: sales open soon' })).toBeVisible();
    await expect(before.getByTestId('queue-waiting')).toHaveText('1');
    await expectAccessible(before, 'the waiting room before the on-sale');

    // Three buyers wait for an on-sale in a few seconds, admitted one a minute: whoever comes after it has people ahead.
    const soon = await createQueuedEventByApi(request, adminToken, { name: `On sale now · ${suffix}`, onSaleInMs: 5_000, perMinute: 1 });
    for (const name of ['Ada', 'Ben', 'Cleo']) {
      const buyer = await newUser(name);
      expect((await request.post(`${gatewayUrl()}/events/${soon.id}/queue`, { headers: { authorization: `Bearer ${buyer.token}` } })).status()).toBe(200);
    }
    await expect
      .poll(async () => ((await (await request.get(`${gatewayUrl()}/events/${soon.id}/queue/stats`)).json()) as { phase: string }).phase, { timeout: 20_000 })
      .toBe('open');
    const queued = await openBrowser(await newUser('Dev'));
    await queued.goto(`/events/${soon.id}`);
    await expect(queued.locator('[data-testid="queue-position"][data-known="true"]')).toBeVisible({ timeout: 20_000 });
    await expect(queued.getByTestId('queue-ahead')).not.toHaveText('0');
    await expectAccessible(queued, 'the waiting room in the queue');
  });

  test('a page that does not exist, and an event that does not', async ({ page }) => {
    for (const path of ['/no-such-page', '/events/evt_no_such_event']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: "This page isn't on the bill" })).toBeVisible();
      await expectAccessible(page, `the 404 page at ${path}`);
    }
  });
});

// A phone's screen and touch (a Pixel 7, as the phone project of playwright.config.ts), on the `page` fixture, which takes them.
const PIXEL_7 = devices['Pixel 7'];

test.describe('on a phone, the pages meet WCAG 2.1 AA too (axe)', () => {
  test.use({
    viewport: PIXEL_7.viewport,
    deviceScaleFactor: PIXEL_7.deviceScaleFactor,
    isMobile: PIXEL_7.isMobile,
    hasTouch: true,
    userAgent: PIXEL_7.userAgent,
  });

  const mapView = (page: Page) => page.evaluate(() => ({ level: window.__seatstormMapView?.level(), section: window.__seatstormMapView?.section() }));

  test('the events list', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Find your seats before anyone else' })).toBeVisible();
    await expectAccessible(page, 'the events list on a phone');
  });

  test('the Eras Tour seat map', async ({ page }) => {
    await openEvent(page, 'evt_eras');
    await expect(page.locator('[data-seat-id]')).toHaveCount(100);
    await expectAccessible(page, 'the Eras Tour event page on a phone');
  });

  test('the stadium: its sections zoomed out, and one section zoomed into', async ({ newUser, page }) => {
    await signInAs(page.context(), (await newUser('Tess')).token);
    await openEvent(page, 'evt_stadium');
    await expect.poll(() => mapView(page)).toEqual({ level: 'sections', section: null });
    await expectAccessible(page, 'the stadium on a phone, its sections');

    await page.getByRole('combobox', { name: 'Section' }).selectOption('S05');
    await expect.poll(() => mapView(page)).toEqual({ level: 'seats', section: 'S05' });
    await expectAccessible(page, 'the stadium on a phone, section S05');
  });
});
