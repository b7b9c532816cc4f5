import { expect, test } from '../fixtures/test';
import { openEvent, seatOn } from '../helpers/seat-map';

// The seeded Eras Tour: wheelchair spaces at both ends of row C, a companion seat beside each (docs/architecture.md §3).
const EVENT = 'evt_eras';
const seat = (label: string) => `${EVENT}_${label}`;
const WHEELCHAIR = { C1: 'Row C, seat 1', C80: 'Row C, seat 80' };
const COMPANION = { C2: 'Row C, seat 2', C79: 'Row C, seat 79' };

test.describe('seats for wheelchair users and their companions', () => {
  test('carry a symbol on the map and say what they are; the legend explains the symbols', async ({ openBrowser, newUser }) => {
    const page = await openBrowser(await newUser('Wren'));
    await openEvent(page, EVENT);

    for (const [label, place] of Object.entries(WHEELCHAIR)) {
      await expect(seatOn(page, seat(label)).locator('[data-symbol="wheelchair"]')).toBeVisible();
      await expect(seatOn(page, seat(label))).toHaveAccessibleName(new RegExp(`^${place}, Regular, \\$150, available, wheelchair space, aisle seat$`));
    }
    for (const [label, place] of Object.entries(COMPANION)) {
      await expect(seatOn(page, seat(label)).locator('[data-symbol="companion"]')).toBeVisible();
      await expect(seatOn(page, seat(label))).toHaveAccessibleName(`${place}, Regular, $150, available, companion seat — held with a wheelchair space`);
    }
    await expect(seatOn(page, seat('B1'))).toHaveAccessibleName(/restricted view/);
    await expect(seatOn(page, seat('C5')).locator('[data-symbol]')).toHaveCount(0);

    const features = page.getByRole('list', { name: 'Seat features' });
    await expect(features.getByRole('listitem')).toHaveText(['Wheelchair space', 'Companion seat — held with a wheelchair space', 'Restricted view']);
  });

  test('a filter leaves only the wheelchair spaces emphasised, says how many, and the keyboard lands on them', async ({ openBrowser, newUser }) => {
    const page = await openBrowser(await newUser('Quinn'));
    await openEvent(page, EVENT);

    // The arrows reach C1 as they reach any seat: from A1 down two rows (row C is twice as wide), then left to its end.
    await seatOn(page, seat('A1')).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveAttribute('data-seat-id', /^evt_eras_C\d+$/);
    for (let presses = 0; presses < 20 && !(await seatOn(page, seat('C1')).evaluate((el) => el === document.activeElement)); presses += 1) {
      await page.keyboard.press('ArrowLeft');
    }
    await expect(seatOn(page, seat('C1'))).toBeFocused();
    await expect(seatOn(page, seat('C1'))).toHaveAccessibleName(/wheelchair space/);

    const show = page.getByRole('combobox', { name: 'Show' });
    await show.selectOption({ label: 'Wheelchair spaces' });
    await expect(page.getByText(/^2 wheelchair spaces, [0-2] available$/)).toBeVisible();
    const emphasised = page.locator('[data-seat-id]:not([data-dimmed])');
    await expect(emphasised).toHaveCount(2);
    expect(await emphasised.evaluateAll((seats) => seats.map((s) => s.getAttribute('data-seat-id')))).toEqual([seat('C1'), seat('C80')]);
    // Dimmed, not gone: every seat keeps its place on the map.
    await expect(page.locator('[data-seat-id][data-dimmed]')).toHaveCount(98);

    // From the filter, Tab goes into the map at the first wheelchair space.
    await show.focus();
    await page.keyboard.press('Tab');
    await expect(seatOn(page, seat('C1'))).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(seatOn(page, seat('C2'))).toBeFocused();
    await expect(seatOn(page, seat('C2'))).toHaveAccessibleName(/companion seat — held with a wheelchair space$/);

    // The list view keeps the filter and lists the two spaces, by name and symbol.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await expect(show).toHaveValue('wheelchair');
    const listed = page.getByRole('button', { name: /wheelchair space/ });
    await expect(listed).toHaveCount(2);
    await expect(listed.first()).toHaveAccessibleName('Row C, seat 1, Regular, $150, available, wheelchair space, aisle seat');
    await expect(listed.first().locator('[data-symbol="wheelchair"]')).toBeVisible();
    await show.selectOption({ label: 'Companion seats' });
    await expect(page.getByRole('button', { name: /companion seat/ })).toHaveCount(2);
    await expect(page.getByText(/^2 companion seats, [0-2] available$/)).toBeVisible();
  });
});
