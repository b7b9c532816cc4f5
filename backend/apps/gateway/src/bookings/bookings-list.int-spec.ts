import { bookingPageSchema, errorBodySchema, type BookingPage, type BookingStatus } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooking } from '../../../../test/builders/booking.builder';
import { buildEvent, type BuiltEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

const STATUSES: BookingStatus[] = ['reserved', 'confirmed', 'cancelled', 'expired', 'rejected'];

interface Made {
  id: string;
  eventId: string;
  status: BookingStatus;
  createdAt: string;
}

describe('GET /bookings, a page at a time', () => {
  let stack: TestStack;
  let db: Pool;
  let owner: BuiltUser;
  let first: BuiltEvent;
  let second: BuiltEvent;
  /** The owner's 25 bookings, newest first (ties by id, as the API promises). */
  let made: Made[];

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['booking', 'gateway'] });
    [owner] = (await buildUsers(db, stack.config, 1, 'Collector')) as [BuiltUser];
    const [stranger] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    first = await buildEvent(db, { rows: 3, perRow: 5 });
    second = await buildEvent(db, { rows: 3, perRow: 5 });
    made = [];
    for (let n = 0; n < 25; n += 1) {
      const event = n % 2 === 0 ? first : second;
      const status = STATUSES[n % STATUSES.length]!;
      const { bookingId } = await buildBooking(db, { eventId: event.eventId, userId: owner.id, seatIds: [event.seatIds[Math.floor(n / 2)]!], status });
      // Bookings decided in one batch share their creation time: every third pair does here too, so ids must break ties.
      const createdAt = new Date(Date.UTC(2026, 10, 1, 12, 0, Math.floor(n / 3))).toISOString();
      await db.query(`UPDATE bookings SET created_at = $2 WHERE id = $1`, [bookingId, createdAt]);
      made.push({ id: bookingId, eventId: event.eventId, status, createdAt });
    }
    made.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : -1));
    // Someone else's booking at the same event is never listed.
    await buildBooking(db, { eventId: first.eventId, userId: stranger!.id, seatIds: [first.seatIds[14]!], status: 'reserved' });
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  async function page(query: string): Promise<BookingPage> {
    const { status, body } = await call(`${stack.url}/bookings${query}`, { token: owner.token });
    expect(status, JSON.stringify(body)).toBe(200);
    return bookingPageSchema.parse(body);
  }

  /** Follows nextCursor to the end; answers every page's ids. */
  async function allPages(query: Record<string, string>): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
      const next = await page(`?${params}`);
      pages.push(next.items.map((booking) => booking.id));
      cursor = next.nextCursor;
      expect(pages.length, 'pages keep coming').toBeLessThan(30);
    } while (cursor);
    return pages;
  }

  const ids = (bookings: Made[]) => bookings.map((booking) => booking.id);

  it('25 bookings over two events: pages of 10 cover every one exactly once, newest first', async () => {
    const pages = await allPages({ limit: '10' });

    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(ids(made));
  });

  it('answers 20 a page unless asked, and says where the next page starts', async () => {
    const { items, nextCursor } = await page('');

    expect(items.map((booking) => booking.id)).toEqual(ids(made.slice(0, 20)));
    expect(items[0]).toMatchObject({ userId: owner.id, eventId: made[0]!.eventId, status: made[0]!.status, createdAt: made[0]!.createdAt });
    expect(nextCursor).toEqual(expect.any(String));
    expect((await page(`?cursor=${nextCursor}`)).items.map((booking) => booking.id)).toEqual(ids(made.slice(20)));
  });

  it('filters by event', async () => {
    const pages = await allPages({ eventId: second.eventId, limit: '5' });

    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(pages.flat()).toEqual(ids(made.filter((booking) => booking.eventId === second.eventId)));
  });

  it('filters by status, repeated or comma-separated, and with the event', async () => {
    const live = ids(made.filter((booking) => booking.status === 'reserved' || booking.status === 'confirmed'));
    expect(live).toHaveLength(10);

    expect((await allPages({ status: 'reserved,confirmed', limit: '3' })).flat()).toEqual(live);
    expect((await page('?status=reserved&status=confirmed&limit=100')).items.map((booking) => booking.id)).toEqual(live);
    expect((await page(`?status=expired&eventId=${first.eventId}`)).items.map((booking) => booking.id)).toEqual(
      ids(made.filter((booking) => booking.status === 'expired' && booking.eventId === first.eventId)),
    );
    expect(await page('?status=pending')).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    { story: 'a malformed cursor', query: '?cursor=not-a-cursor!', names: 'cursor' },
    { story: 'a cursor that decodes to something else', query: `?cursor=${Buffer.from('{"hello":1}').toString('hex')}`, names: 'cursor' },
    { story: 'a limit of 0', query: '?limit=0', names: 'limit' },
    { story: 'a limit over 100', query: '?limit=101', names: 'limit' },
    { story: 'a status that does not exist', query: '?status=reserved,lost', names: 'status' },
    { story: 'two events', query: '?eventId=evt_one&eventId=evt_two', names: 'eventId' },
  ])('refuses $story with 400 VALIDATION_FAILED naming it', async ({ query, names }) => {
    const { status, body } = await call(`${stack.url}/bookings${query}`, { token: owner.token });

    expect(status).toBe(400);
    const error = errorBodySchema.parse(body);
    expect(error.error).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(new RegExp(`^query is invalid: ${names}\\b`));
  });

  it('tells a client with a bad cursor what to do', async () => {
    const { body } = await call(`${stack.url}/bookings?cursor=Zm9v`, { token: owner.token });

    expect(errorBodySchema.parse(body).message).toBe(
      'query is invalid: cursor: is not a cursor from a previous page: pass back the nextCursor of the last answer, unchanged',
    );
  });
});
