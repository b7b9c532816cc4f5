import { simulatedCardToken, type PaymentRequest } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { uniqueId } from '../test-env';
import { buildBooking } from './booking.builder';
import { buildEvent } from './event.builder';

/**
 * A payment request as the booking core would send it, for a fresh booking of
 * two seats ($200) of `userId`, paid with the given test card: a reserved
 * booking for a charge, a confirmed one for a refund.
 */
export async function buildPaymentRequest(db: Pool, options: { userId: string; card: string; kind?: PaymentRequest['kind'] }): Promise<PaymentRequest> {
  const kind = options.kind ?? 'charge';
  const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 2 });
  const booking = await buildBooking(db, { eventId, userId: options.userId, seatIds, status: kind === 'charge' ? 'reserved' : 'confirmed' });
  return {
    kind,
    paymentId: uniqueId(kind === 'charge' ? 'pay_test' : 'rfd_test'),
    bookingId: booking.bookingId,
    eventId,
    userId: options.userId,
    amount: booking.amount,
    cardToken: simulatedCardToken(options.card),
    requestedAt: new Date().toISOString(),
  };
}
