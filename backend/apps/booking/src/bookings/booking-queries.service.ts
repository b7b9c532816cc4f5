import { Injectable } from '@nestjs/common';
import type { Booking, UserRole } from '@seatstorm/contracts';
import { DomainError, notFound } from '@seatstorm/errors';
import { publicFieldsOf } from './booking-messages';
import { BookingsRepository, type BookingRecord } from './bookings.repository';

const LIST_LIMIT = 100;

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

  async list(userId: string): Promise<Booking[]> {
    return (await this.bookings.findBookingsOfUser(userId, LIST_LIMIT)).map(toBooking);
  }
}

function toBooking(booking: BookingRecord): Booking {
  return {
    id: booking.id,
    ...publicFieldsOf(booking),
    reason: booking.reason,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}
