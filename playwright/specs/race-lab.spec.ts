import { expect, test } from '../fixtures/test';
import { seatOf } from '../helpers/api';

const RACERS = ['Alice', 'Bob', 'Charlie'];

test('the race lab: "Race!" makes Alice, Bob and Charlie hold one seat at once; one wins and the feed shows the order Kafka decided', async ({
  event,
  page,
  request,
}) => {
  await page.goto(`/events/${event.id}/lab`);
  const panes = RACERS.map((name) => page.getByRole('region', { name }));
  for (const pane of panes) await expect(pane.getByText('Live', { exact: true })).toBeVisible();

  await panes[1]!.locator(`[data-seat-id="${event.seat('B6')}"]`).click();
  await expect(page.getByText('Racing for seat B6')).toBeVisible();
  await page.getByRole('button', { name: 'Race!' }).click();

  const results = panes.map((pane) => pane.getByRole('status'));
  for (const result of results) await expect(result).toHaveText(/^(Won|Lost)/);
  const outcomes = await Promise.all(results.map((result) => result.textContent()));
  const winners = outcomes.filter((text) => text!.startsWith('Won — the seat is held'));
  expect(winners, outcomes.join(' | ')).toHaveLength(1);
  expect(outcomes.filter((text) => text!.startsWith('Lost'))).toHaveLength(2);

  // The feed lists the three decisions in partition order: the first is the winner, the others lost.
  const order = page.getByRole('region', { name: 'How Kafka decided the last race' }).getByRole('listitem');
  await expect(order).toHaveCount(3);
  const lines = await order.allTextContents();
  expect(lines.map((line) => line.split(' — ')[1]!.split(' ')[0])).toEqual(['won', 'lost', 'lost']);
  const winner = RACERS[outcomes.findIndex((text) => text!.startsWith('Won'))]!;
  expect(lines[0]).toMatch(new RegExp(`^${winner} — won · partition \\d+, offset \\d+ · decided in \\d+ ms$`));
  const offsets = lines.map((line) => Number(/offset (\d+)/.exec(line)![1]));
  expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);

  // The database agrees, and the winner's pane shows the seat as theirs.
  expect((await seatOf(request, event.id, event.seat('B6'))).status).toBe('reserved');
  await expect(panes[RACERS.indexOf(winner)]!.locator(`[data-seat-id="${event.seat('B6')}"]`)).toHaveAttribute('data-state', 'mine');
});
