import { expect, test } from '../fixtures/test';
import { bookingsOf, holdByApi, seatsOf } from '../helpers/api';
import { keepScreenshot } from '../helpers/artifacts';
import { secondGatewayUrl } from '../helpers/env';
import { openEvent, seatOn } from '../helpers/seat-map';
import { startPart, stopPart } from '../stack/stack';

// These specs stop and start parts of the shared stack: nothing else may run meanwhile.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.describe('resilience', () => {
  test('with the booking service stopped a hold waits in line, not in an error; started again, it is decided and the page updates by itself', async ({
    event,
    newUser,
    openBrowser,
    request,
  }, testInfo) => {
    const alice = await newUser('Alice');
    const page = await openBrowser(alice);
    const watcher = await openBrowser(await newUser('Bob'));
    const seatId = event.seat('A8');
    await openEvent(page, event.id);
    await openEvent(watcher, event.id);
    await seatOn(page, seatId).click();

    await stopPart('booking');
    try {
      await page.getByTestId('hold-button').click();
      await expect(page.getByRole('alert').filter({ hasText: 'The box office is busy: your hold is in line' })).toBeVisible();
      await expect(page.getByTestId('hold-button')).toHaveText('Holding…');
      await expect(page.getByRole('heading', { name: 'Choose your seats' })).toBeVisible();
      await keepScreenshot(page, testInfo, 'hold waiting in line');
      await expect(seatOn(watcher, seatId)).toHaveAttribute('data-state', 'available');
    } finally {
      await startPart('booking');
    }

    // Nobody reloads: the hold that waited is decided, and both pages show it.
    await expect(seatOn(page, seatId)).toHaveAttribute('data-state', 'mine', { timeout: 30_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'The box office is busy' })).toHaveCount(0);
    await expect(page.getByText('Held for you')).toBeVisible();
    await expect(seatOn(watcher, seatId)).toHaveAttribute('data-state', 'reserved');
    expect((await bookingsOf(request, alice.token)).map((booking) => booking.status)).toEqual(['reserved']);
  });

  test('a gateway restart: the page says it is reconnecting, then resyncs by itself to what the database holds', async ({
    event,
    newUser,
    openBrowser,
    request,
  }, testInfo) => {
    const page = await openBrowser(await newUser('Alice'));
    const bob = await newUser('Bob');
    await openEvent(page, event.id);
    const map = page.locator('[data-seat-id]');
    await expect(map).toHaveCount(30);

    await stopPart('gateway');
    try {
      await expect(page.getByRole('alert').filter({ hasText: "We're reconnecting…" })).toBeVisible();
      await keepScreenshot(page, testInfo, 'reconnecting');
      // While this page is cut off, Bob holds seats through the other gateway.
      const hold = await request.post(`${secondGatewayUrl()}/bookings`, {
        headers: { authorization: `Bearer ${bob.token}` },
        data: { eventId: event.id, seatIds: [event.seat('C1'), event.seat('C2')] },
      });
      expect(hold.status()).toBe(201);
      await expect(seatOn(page, event.seat('C1'))).toHaveAttribute('data-state', 'available');
    } finally {
      await startPart('gateway');
    }

    await expect(page.locator('[data-sync="live"][role="status"]')).toBeVisible({ timeout: 30_000 });
    await expect(seatOn(page, event.seat('C1'))).toHaveAttribute('data-state', 'reserved');
    await expect(seatOn(page, event.seat('C2'))).toHaveAttribute('data-state', 'reserved');
    // The whole map equals the database, seat by seat.
    const database = Object.fromEntries((await seatsOf(request, event.id)).map((seat) => [seat.id, seat.status]));
    const shown = await map.evaluateAll((seats) =>
      Object.fromEntries(seats.map((seat) => [seat.getAttribute('data-seat-id'), seat.getAttribute('data-state')])),
    );
    expect(shown).toEqual(database);
    await holdByApi(request, bob.token, event.id, [event.seat('C3')]);
    await expect(seatOn(page, event.seat('C3'))).toHaveAttribute('data-state', 'reserved');
  });
});
