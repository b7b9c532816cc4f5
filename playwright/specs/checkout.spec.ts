import { expect, test, signInAs } from '../fixtures/users';
import { availableSeats, holdByApi, releaseByApi, type Booking } from '../helpers/api';

const EVENT = 'evt_jazz';

test.describe('checkout', () => {
  const holds: Booking[] = [];

  test.afterEach(async ({ request, tokens }) => {
    // Paid bookings are refunded, declined ones are already over: either way the seats go back on sale.
    for (const hold of holds.splice(0)) await releaseByApi(request, tokens.alice, hold.id);
  });

  test("shows the held seats and a countdown, and a test card that pays ends in \"You're going!\"", async ({ page, context, request, tokens }) => {
    await signInAs(context, tokens.alice);
    const seats = await availableSeats(request, EVENT, 2);
    const hold = await holdByApi(request, tokens.alice, EVENT, seats.map((seat) => seat.id));
    holds.push(hold);

    await page.goto(`/checkout/${hold.id}`);
    for (const seat of seats) await expect(page.getByText(seat.label, { exact: true })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveAccessibleName(/minutes? .*left$/);
    await expect(page.getByLabel('Card number')).toHaveValue('4242 4242 4242 4242');
    await page.getByTestId('pay-button').click();

    await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();
  });

  test('a declined card says so in plain words and offers to pick seats again', async ({ page, context, request, tokens }) => {
    await signInAs(context, tokens.alice);
    const [seat] = await availableSeats(request, EVENT, 1);
    const hold = await holdByApi(request, tokens.alice, EVENT, [seat!.id]);
    holds.push(hold);

    await page.goto(`/checkout/${hold.id}`);
    await page.getByLabel('Card number').fill('4000 0000 0000 0002');
    await page.getByTestId('pay-button').click();

    await expect(page.getByRole('heading', { name: 'Card declined' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Pick seats again' })).toHaveAttribute('href', `/events/${EVENT}`);
    await expect(page.getByText(/DECLINED|payment_failed/)).toHaveCount(0);
  });
});
