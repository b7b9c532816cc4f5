import type { Locator, Page } from '@playwright/test';

/** What a person sees on an SVG seat map: the seat element with its `data-state`. */
export function seatOn(page: Page, seatId: string): Locator {
  return page.locator(`[data-seat-id="${seatId}"]`);
}

export function stateOn(page: Page, seatId: string): Promise<string | null> {
  return seatOn(page, seatId).getAttribute('data-state');
}

/** Opens an event page and waits until its map is live (snapshot loaded, socket subscribed). */
export async function openEvent(page: Page, eventId: string): Promise<void> {
  await page.goto(`/events/${eventId}`);
  await page.locator('[data-sync="live"][role="status"]').waitFor();
}

/**
 * Starts recording every state a seat shows on this page, so a test can
 * check the order changes arrived in (not only the last one).
 */
export async function recordStates(page: Page, seatId: string): Promise<() => Promise<string[]>> {
  await page.evaluate((id) => {
    const seat = document.querySelector(`[data-seat-id="${id}"]`);
    if (!seat) throw new Error(`no seat ${id} on the page`);
    const seen: string[] = [seat.getAttribute('data-state') ?? ''];
    new MutationObserver(() => {
      const state = seat.getAttribute('data-state') ?? '';
      if (seen.at(-1) !== state) seen.push(state);
    }).observe(seat, { attributes: true, attributeFilter: ['data-state'] });
    (window as unknown as Record<string, string[]>)[`__states_${id}`] = seen;
  }, seatId);
  return () => page.evaluate((id) => [...((window as unknown as Record<string, string[]>)[`__states_${id}`] ?? [])], seatId);
}
