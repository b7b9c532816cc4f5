import { Injectable } from '@nestjs/common';
import { encodeBookingCursor, type Booking, type BookingPage, type UserRole } from '@seatstorm/contracts';
import { DomainError, notFound } from '@seatstorm/errors';
import { bookingViewOf } from './booking-messages';
import type { BookingState } from './booking.rules';
import { BookingsRepository, type BookingsPageQuery } from './bookings.repository';

/** Reads bookings for their owners (and admins). Writes only ever happen through commands. */
@Injectable()
export class BookingQueriesService {
  constructor(private readonly bookings: BookingsRepository) {}

  async get(bookingId: string, userId: string, role: UserRole): Promise<Booking> {
    const booking = await this.bookings.findBooking(bookingId);
    if (!booking) throw notFound(`Booking ${bookingId}`);
    if (booking.userId !== userId && role !== 'admin') throw new DomainError('FORBIDDEN', 'This booking belongs to someone else.');
    return toBooking(booking);
  }

  /** One page of a user's bookings, newest first, and the cursor of the next page when there is one. */
  async list(userId: string, page: BookingsPageQuery): Promise<BookingPage> {
    // One row beyond the page says whether another page follows, without counting.
    const rows = await this.bookings.findBookingsOfUser(userId, { ...page, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit).map(toBooking);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > page.limit && last ? encodeBookingCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }
}

const toBooking = (booking: BookingState): Booking => bookingViewOf(booking);
