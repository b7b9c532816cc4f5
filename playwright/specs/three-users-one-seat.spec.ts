import { expect, test } from '../fixtures/test';
import { bookingsOf, seatOf } from '../helpers/api';
import { openEvent, seatOn, stateOn } from '../helpers/seat-map';

test('Alice, Bob and Charlie click Hold on the same seat at the same instant: exactly one gets it, the others are told', async ({ event, newUser, openBrowser, request }, testInfo) => {
  const people = await Promise.all(['Alice', 'Bob', 'Charlie'].map((name) => newUser(name)));
  const pages = await Promise.all(people.map((person) => openBrowser(person)));
  const seatId = event.seat('B5');
  await Promise.all(pages.map((page) => openEvent(page, event.id)));
  for (const page of pages) {
    await seatOn(page, seatId).click();
    await expect(seatOn(page, seatId)).toHaveAttribute('data-state', 'selected');
  }

  // Three clicks dispatched together, each in its own browser with its own socket.
  await Promise.all(pages.map((page) => page.getByTestId('hold-button').click()));

  // Within a second every map shows the seat taken: by me for the winner, by someone else for the others.
  await expect.poll(() => Promise.all(pages.map((page) => stateOn(page, seatId))), { timeout: 1_000 }).toEqual(
    expect.arrayContaining(['mine', 'reserved', 'reserved']),
  );
  const states = await Promise.all(pages.map((page) => stateOn(page, seatId)));
  const winner = states.indexOf('mine');
  expect(states.filter((state) => state === 'mine'), `one winner among ${states.join(', ')}`).toHaveLength(1);

  for (const [index, page] of pages.entries()) {
    const taken = page.getByRole('alert').filter({ hasText: 'Seat B5 was just taken by someone else' });
    if (index === winner) {
      await expect(page.getByText('Held for you')).toBeVisible();
      await expect(taken).toHaveCount(0);
    } else {
      await expect(taken).toBeVisible();
    }
    // Kept as artifacts of every run (test-results/ and the HTML report): what each of the three saw.
    const shot = testInfo.outputPath(`${people[index]!.name.toLowerCase()}${index === winner ? '-won' : '-lost'}.png`);
    await page.screenshot({ path: shot });
    await testInfo.attach(`${people[index]!.name}${index === winner ? ' (won)' : ''}`, { path: shot, contentType: 'image/png' });
  }

  // The database agrees: the seat is reserved by the winner's one booking; the others hold nothing.
  const seat = await seatOf(request, event.id, seatId);
  expect(seat.status).toBe('reserved');
  const held = await Promise.all(people.map((person) => bookingsOf(request, person.token)));
  const live = held.map((list) => list.filter((booking) => booking.status === 'reserved'));
  expect(live.map((list) => list.length)).toEqual(people.map((_, index) => (index === winner ? 1 : 0)));
  expect(live[winner]![0]!.id).toBe(seat.bookingId);
});
