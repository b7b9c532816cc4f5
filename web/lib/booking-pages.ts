import type { Booking, BookingPage } from '@seatstorm/contracts';

/** Newest first, ties by id: the order GET /bookings pages in. */
function isOlder(booking: Booking, than: Booking): boolean {
  return booking.createdAt < than.createdAt || (booking.createdAt === than.createdAt && booking.id < than.id);
}

/**
 * The list once the first page was fetched again. That page is the truth for
 * the stretch it covers (to its last booking, or everything when no page follows):
 * a booking there that changed is replaced, one that no longer matches the filter
 * goes. Bookings beyond it, loaded with "Show more" or pushed out by newer ones,
 * stay as they were.
 */
export function mergeFirstPage(list: readonly Booking[], first: BookingPage): Booking[] {
  const last = first.items.at(-1);
  if (first.nextCursor === null || !last) return [...first.items];
  const fresh = new Set(first.items.map((booking) => booking.id));
  return [...first.items, ...list.filter((booking) => !fresh.has(booking.id) && isOlder(booking, last))];
}

/** The list with an older page after it; a booking already shown is not shown twice. */
export function appendPage(list: readonly Booking[], page: BookingPage): Booking[] {
  const shown = new Set(list.map((booking) => booking.id));
  return [...list, ...page.items.filter((booking) => !shown.has(booking.id))];
}

/** The list with one booking as it now stands (after this page changed it). */
export function replaceBooking(list: readonly Booking[], changed: Booking): Booking[] {
  return list.map((booking) => (booking.id === changed.id ? changed : booking));
}
