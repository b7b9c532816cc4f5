import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures/test';
import { loginByApi } from '../helpers/api';
import { openEvent, seatOn } from '../helpers/seat-map';

test('a buyer pays and opens the ticket with its QR code and PDF; the door lets it in once, then refuses it', async ({
  event,
  newUser,
  openBrowser,
  request,
}) => {
  const alice = await newUser('Alice');
  const page = await openBrowser(alice);
  await openEvent(page, event.id);
  await seatOn(page, event.seat('B4')).click();
  await page.getByTestId('hold-button').click();
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await page.getByTestId('pay-button').click();
  await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();

  await page.getByRole('link', { name: 'View your tickets' }).click();
  await expect(page.getByRole('heading', { name: 'Your ticket' })).toBeVisible();
  const ticket = page.getByRole('article', { name: /^Ticket for .+, row B, seat 4$/ });
  await expect(ticket.getByRole('img', { name: /^QR code of the ticket for .+, row B, seat 4$/ })).toBeVisible();
  await expect(ticket.getByText('Valid', { exact: true })).toBeVisible();
  await ticket.getByText('Can’t scan it? The code in text').click();
  const code = (await ticket.getByTestId('ticket-code').textContent())!;
  expect(code).toMatch(/^ST1\.[\w-]+\.[\w-]+$/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^tickets-bkg_.+\.pdf$/);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // At the door, staff choose the event and type the code, as when a phone's screen will not scan.
  const door = await openBrowser({ token: await loginByApi(request, 'staff@example.com') });
  await door.goto('/check-in');
  await door.getByRole('combobox', { name: 'Event' }).selectOption(event.id);
  await expect(door.getByTestId('people-in')).toHaveText('0 of 1 people in');
  const codeField = door.getByRole('textbox', { name: 'Ticket code' });
  await codeField.fill(code);
  await door.getByRole('button', { name: 'Check in' }).click();

  await expect(door.locator('[data-kind="admitted"]')).toHaveText(/^Let in: .+, row B, seat 4Alice · /);
  await expect(door.getByTestId('people-in')).toHaveText('1 of 1 people in');

  await codeField.fill(code);
  await door.getByRole('button', { name: 'Check in' }).click();
  await expect(door.locator('[data-kind="already-in"]')).toHaveText(
    /^Already scanned in at \d\d:\d\d:\d\d.+row B, seat 4 · Alice\. A ticket lets one person in, once\.$/,
  );
  await expect(door.getByTestId('people-in')).toHaveText('1 of 1 people in');

  // The buyer's ticket says it was used.
  await page.reload();
  await expect(ticket.getByText(/^Scanned in at \d\d:\d\d:\d\d$/)).toBeVisible();
});
