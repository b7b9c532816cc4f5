import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures/test';
import { keepScreenshot } from '../helpers/artifacts';
import { holdByApi, loginByApi } from '../helpers/api';
import { gatewayUrl } from '../helpers/env';

const PAYS = '4242 4242 4242 4242';
const DECLINED = '4000 0000 0000 0002';

/** A new event on the Garden's layout (VIP A, Premium B, Regular C…), on sale at once, so its figures start at zero. */
async function gardenEvent(request: APIRequestContext, adminToken: string): Promise<string> {
  const response = await request.post(`${gatewayUrl()}/events`, {
    headers: { authorization: `Bearer ${adminToken}` },
    data: {
      venueId: 'ven_msg',
      name: `Sales night · ${randomUUID().slice(0, 6)}`,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      prices: { VIP: 22_500, Premium: 18_000, Regular: 15_000 },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function pay(request: APIRequestContext, token: string, bookingId: string, card: string): Promise<void> {
  const response = await request.post(`${gatewayUrl()}/bookings/${bookingId}/pay`, { headers: { authorization: `Bearer ${token}` }, data: { card } });
  expect(response.status(), `pay ${bookingId}`).toBe(202);
}

test.describe('live sales analytics', () => {
  test('the admin watches sales per minute and revenue move during a burst, without a reload', async ({ adminToken, openBrowser, request }, testInfo) => {
    const eventId = await gardenEvent(request, adminToken);
    const admin = await openBrowser({ token: adminToken });
    await admin.goto(`/admin/events/${eventId}`);
    const sales = admin.getByRole('region', { name: 'Sales', exact: true });
    await expect(sales.getByTestId('sales-last-hour')).toHaveText('0 seats');
    await expect(sales.getByTestId('sales-revenue')).toHaveText('$0');
    await expect(sales.getByRole('img', { name: /none yet/ })).toBeVisible();

    // A burst from three demo buyers: four holds at once, then three paid and one declined, at once.
    const [alice, bob, charlie] = await Promise.all(['alice', 'bob', 'charlie'].map((name) => loginByApi(request, `${name}@example.com`)));
    const seat = (label: string) => `${eventId}_${label}`;
    const claims = [
      { token: alice!, seats: [seat('A3'), seat('A4')], card: PAYS },
      { token: bob!, seats: [seat('B3'), seat('B4')], card: PAYS },
      { token: charlie!, seats: [seat('C5')], card: PAYS },
      { token: bob!, seats: [seat('C7')], card: DECLINED },
    ];
    const held = await Promise.all(claims.map((claim) => holdByApi(request, claim.token, eventId, claim.seats)));
    await expect(sales.getByTestId('sales-conversion')).toHaveText('0%');
    await Promise.all(held.map((booking, i) => pay(request, claims[i]!.token, booking.id, claims[i]!.card)));

    // VIP 2 × $225 + Premium 2 × $180 + Regular 1 × $150.
    await expect(sales.getByTestId('sales-last-hour')).toHaveText('5 seats');
    await expect(sales.getByTestId('sales-revenue')).toHaveText('$960');
    await expect(sales.getByRole('img', { name: /5 seats in all/ })).toBeVisible();
    await expect(sales.getByTestId('sales-conversion')).toHaveText('75%');
    await expect(sales.getByText('3 of 4 holds paid')).toBeVisible();
    await expect(sales.getByText('1 payment failed', { exact: false })).toBeVisible();
    await expect(sales.getByTestId('sales-seats-left')).toHaveText('95');
    await expect(sales.getByTestId('sales-sell-out')).not.toHaveText('Not selling now');
    const tiers = sales.getByTestId('sales-tiers');
    await expect(tiers.getByRole('row', { name: /VIP/ })).toContainText('$450');
    await expect(tiers.getByRole('row', { name: /Premium/ })).toContainText('$360');
    await expect(tiers.getByRole('row', { name: /Regular/ })).toContainText('$150');

    const download = admin.waitForEvent('download');
    await sales.getByRole('button', { name: 'Download CSV' }).click();
    // Named as the gateway names it: the event and the minute the figures were read.
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^sales-${eventId}-\\d{8}T\\d{4}\\.csv$`));

    // The whole panel, its heading just under the sticky site header.
    await admin.setViewportSize({ width: 1280, height: 1180 });
    await admin.evaluate(() => window.scrollBy(0, (document.getElementById('sales-heading')?.getBoundingClientRect().top ?? 0) - 96));
    await keepScreenshot(admin, testInfo, 'Sales dashboard after the burst');
  });
});
