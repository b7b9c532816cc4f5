/**
 * Measures the 50,000-seat stadium map in headless Chromium against a running
 * stack: time to the first full paint of the canvas, and the frame rate while
 * about 500 seat changes a second stream in (real holds through the gateway,
 * eight seats each, from three demo users). Every hold is released afterwards.
 *
 *   npx tsx playwright/tools/measure-stadium.ts
 */
import { randomUUID } from 'node:crypto';
import { chromium, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { availableSeats, loginByApi, releaseByApi } from '../helpers/api';
import { baseUrl, gatewayUrl } from '../helpers/env';
import '../helpers/seat-map-hook';

const EVENT = 'evt_stadium';
const SECONDS = 10;
const CHANGES_PER_SECOND = 500;
const SEATS_PER_HOLD = 8;
const TICK_MS = 100;

interface Hold {
  token: string;
  bookingId: string;
}

async function hold(api: APIRequestContext, token: string, seatIds: string[]): Promise<Hold | null> {
  const response = await api.post(`${gatewayUrl()}/bookings`, {
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': `measure-${randomUUID()}` },
    data: { eventId: EVENT, seatIds },
  });
  if (response.status() !== 201 && response.status() !== 202) return null;
  return { token, bookingId: ((await response.json()) as { id: string }).id };
}

async function main(): Promise<void> {
  const api = await playwrightRequest.newContext();
  const tokens = [await loginByApi(api, 'alice@example.com'), await loginByApi(api, 'bob@example.com'), await loginByApi(api, 'charlie@example.com')];
  const holdsPerTick = Math.ceil((CHANGES_PER_SECOND * TICK_MS) / 1000 / SEATS_PER_HOLD);
  const ticks = (SECONDS * 1000) / TICK_MS;
  const seats = (await availableSeats(api, EVENT, holdsPerTick * ticks * SEATS_PER_HOLD)).map((seat) => seat.id);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic'],
  });
  const holds: Hold[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${baseUrl()}/events/${EVENT}`);
    await page.waitForFunction(() => performance.getEntriesByName('seatmap:first-paint').length > 0, null, { timeout: 30_000 });
    const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('seatmap:first-paint')[0]!.startTime);
    await page.waitForFunction(() => window.__seatstormMap?.sync === 'live');
    const versionBefore = await page.evaluate(() => window.__seatstormMap!.version);

    // Count frames in the page while the holds stream in.
    // A string, not a function: the TypeScript runner would wrap named inner functions in a helper the page lacks.
    const frames = page.evaluate<number[]>(`new Promise((resolve) => {
      const times = [];
      const end = performance.now() + ${SECONDS * 1000 + 1000};
      const frame = (now) => {
        times.push(now);
        if (now < end) requestAnimationFrame(frame);
        else resolve(times);
      };
      requestAnimationFrame(frame);
    })`);

    const started = Date.now();
    const pending: Array<Promise<Hold | null>> = [];
    for (let tick = 0; tick < ticks; tick += 1) {
      for (let i = 0; i < holdsPerTick; i += 1) {
        const n = tick * holdsPerTick + i;
        pending.push(hold(api, tokens[n % tokens.length]!, seats.slice(n * SEATS_PER_HOLD, (n + 1) * SEATS_PER_HOLD)));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (tick + 1) * TICK_MS - Date.now())));
    }
    for (const result of await Promise.all(pending)) if (result) holds.push(result);
    const times = await frames;
    const intervals = times.slice(1).map((t, i) => t - times[i]!);
    intervals.sort((a, b) => a - b);
    const fps = (intervals.length / (times.at(-1)! - times[0]!)) * 1000;
    await page.waitForTimeout(1_000);
    const versionAfter = await page.evaluate(() => window.__seatstormMap!.version);
    const counts = await page.evaluate(() => window.__seatstormMap!.counts());

    console.log(
      JSON.stringify(
        {
          firstPaintMs: Math.round(firstPaintMs),
          holdsSent: pending.length,
          seatChangesSent: pending.length * SEATS_PER_HOLD,
          holdsAccepted: holds.length,
          seatChangesPerSecond: Math.round((holds.length * SEATS_PER_HOLD) / SECONDS),
          versionsApplied: versionAfter - versionBefore,
          reservedOnMap: counts.reserved,
          fps: Math.round(fps * 10) / 10,
          frameMsMedian: Math.round(intervals[Math.floor(intervals.length / 2)]! * 10) / 10,
          frameMsP95: Math.round(intervals[Math.floor(intervals.length * 0.95)]! * 10) / 10,
          framesOver50ms: intervals.filter((ms) => ms > 50).length,
        },
        null,
        2,
      ),
    );
  } finally {
    for (let i = 0; i < holds.length; i += 25) {
      await Promise.all(holds.slice(i, i + 25).map((h) => releaseByApi(api, h.token, h.bookingId)));
    }
    await browser.close();
    await api.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
