import { SocketEvent, type Booking, type BookingUpdated } from '@seatstorm/contracts';
import { getBooking } from './api';
import { acquireSocket } from './socket';

/** The socket says when the decision is in; asking this often is only the safety net (no socket, a lost push). */
export const DECISION_POLL_MS = 5_000;
const DECISION_WAIT_MS = 60_000;

/**
 * A 202 hold is decided later (the booking service was slow or down): wait
 * for its decision. The owner's `booking.updated` for it says when; the booking
 * is then read once. Resolves with the booking once it is no longer pending,
 * or with the pending booking when it takes longer than a minute.
 */
export async function awaitDecision(token: string, booking: Booking): Promise<Booking> {
  if (booking.status !== 'pending') return booking;
  const lease = acquireSocket(token);
  // A push that lands while the booking is being read is kept for the next wait, not lost.
  let pushed = false;
  let wake = () => {};
  const onUpdate = (update: BookingUpdated) => {
    if (update.bookingId !== booking.id || update.status === 'pending') return;
    pushed = true;
    wake();
  };
  lease.socket.on(SocketEvent.BookingUpdated, onUpdate);
  try {
    const deadline = Date.now() + DECISION_WAIT_MS;
    let current = booking;
    while (current.status === 'pending' && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(DECISION_POLL_MS, Math.max(0, deadline - Date.now())));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (pushed) wake();
      });
      pushed = false;
      try {
        current = await getBooking(token, booking.id);
      } catch {
        // The gateway may be briefly away too; keep waiting until the deadline.
      }
    }
    return current;
  } finally {
    lease.socket.off(SocketEvent.BookingUpdated, onUpdate);
    lease.release();
  }
}
