import { describe, expect, it } from 'vitest';
import type { Booking, BookingStatus } from '@seatstorm/contracts';
import { appendPage, mergeFirstPage, replaceBooking } from './booking-pages';

/** Booking n was made n minutes before noon: a higher n is older. */
function booking(n: number, status: BookingStatus = 'reserved'): Booking {
  const at = new Date(Date.UTC(2026, 10, 22, 12, -n)).toISOString();
  return {
    id: `bkg_${String(n).padStart(2, '0')}`,
    eventId: 'evt_eras',
    userId: 'usr_alice',
    status,
    seatIds: ['evt_eras_A1'],
    amount: 100,
    expiresAt: null,
    reason: null,
    failureCode: null,
    extensionsLeft: 0,
    createdAt: at,
    updatedAt: at,
  };
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => booking(from + i));
const ids = (list: Booking[]) => list.map((b) => Number(b.id.slice(4)));

describe('paging through bookings', () => {
  it('keeps what "Show more" loaded when the first page is fetched again', () => {
    const shown = appendPage(range(1, 3), { items: range(4, 6), nextCursor: 'c2' });
    expect(ids(mergeFirstPage(shown, { items: range(1, 3), nextCursor: 'c1' }))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps a booking a newer one pushed off the first page, so nothing goes missing between pages', () => {
    const shown = appendPage(range(1, 3), { items: range(4, 6), nextCursor: 'c2' });
    const newer = booking(0);
    expect(ids(mergeFirstPage(shown, { items: [newer, ...range(1, 2)], nextCursor: 'c1' }))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('takes the first page as the truth for its stretch: changed bookings replaced, ones leaving the filter gone', () => {
    const shown = range(1, 6);
    const merged = mergeFirstPage(shown, { items: [booking(1, 'confirmed'), booking(3), booking(4)], nextCursor: 'c1' });
    expect(ids(merged)).toEqual([1, 3, 4, 5, 6]);
    expect(merged[0]!.status).toBe('confirmed');
  });

  it('shows exactly the first page when no page follows it', () => {
    expect(ids(mergeFirstPage(range(1, 6), { items: range(2, 3), nextCursor: null }))).toEqual([2, 3]);
    expect(mergeFirstPage(range(1, 2), { items: [], nextCursor: null })).toEqual([]);
  });

  it('never shows a booking twice when a page overlaps what is shown', () => {
    expect(ids(appendPage(range(1, 4), { items: range(3, 6), nextCursor: null }))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('breaks ties of creation time by id, as the API does', () => {
    const same = (id: string): Booking => ({ ...booking(5), id });
    const merged = mergeFirstPage([same('bkg_b'), same('bkg_a')], { items: [booking(1), same('bkg_b')], nextCursor: 'c1' });
    expect(merged.map((b) => b.id)).toEqual(['bkg_01', 'bkg_b', 'bkg_a']);
  });

  it('replaces one booking after this page changed it, in place', () => {
    expect(replaceBooking(range(1, 3), booking(2, 'cancelled')).map((b) => b.status)).toEqual(['reserved', 'cancelled', 'reserved']);
  });
});
