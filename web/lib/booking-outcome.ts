import type { Booking } from '@seatstorm/contracts';

/**
 * What a booking's state means to the person paying for it: one headline
 * and one sentence per outcome, never a raw status or code.
 */
export type OutcomeKind =
  | 'deciding'
  | 'awaiting-payment'
  | 'processing'
  | 'confirming'
  | 'confirmed'
  | 'declined'
  | 'provider-unavailable'
  | 'expired'
  | 'cancelled'
  | 'refunded'
  | 'rejected';

export interface Outcome {
  kind: OutcomeKind;
  tone: 'info' | 'success' | 'error';
  title: string;
  message: string;
}

/**
 * @param paying the person pressed Pay and the booking has not moved on yet
 * @param expiredOnClock the hold's countdown reached zero (the expiry itself may still be on its way)
 */
export function outcomeOf(booking: Pick<Booking, 'status' | 'reason' | 'failureCode'>, paying: boolean, expiredOnClock: boolean): Outcome {
  switch (booking.status) {
    case 'pending':
      return { kind: 'deciding', tone: 'info', title: 'Holding your seats…', message: 'The box office is busy; your hold is being decided.' };
    case 'reserved':
      if (paying)
        return {
          kind: 'processing',
          tone: 'info',
          title: 'Processing your payment…',
          message: 'This usually takes a second or two. Please keep this page open.',
        };
      if (expiredOnClock)
        return {
          kind: 'expired',
          tone: 'error',
          title: 'Your hold expired — the seats are released',
          message: 'Holds last a few minutes so everyone gets a fair chance. Pick seats again to try once more.',
        };
      return { kind: 'awaiting-payment', tone: 'info', title: 'Your seats are held', message: 'Pay before the timer runs out to make them yours.' };
    case 'paid':
      return {
        kind: 'confirming',
        tone: 'info',
        title: 'Payment received — confirming your tickets…',
        message: 'Your card was charged; the tickets are being issued.',
      };
    case 'confirmed':
      return { kind: 'confirmed', tone: 'success', title: "You're going!", message: 'Your tickets are confirmed. You can find them under My bookings.' };
    case 'payment_failed':
      // Told apart by the booking's failure code; anything but a decline means nothing reached the card.
      return booking.failureCode === 'PAYMENT_DECLINED'
        ? {
            kind: 'declined',
            tone: 'error',
            title: 'Card declined',
            message: 'Your card was declined and nothing was charged. The seats were released — pick seats again and try another card.',
          }
        : {
            kind: 'provider-unavailable',
            tone: 'error',
            title: 'The payment provider is unavailable',
            message:
              "We couldn't reach the card provider after several tries, so nothing was charged. The seats were released — please try again in a few minutes.",
          };
    case 'expired':
      return {
        kind: 'expired',
        tone: 'error',
        title: 'Your hold expired — the seats are released',
        message: 'Holds last a few minutes so everyone gets a fair chance. Pick seats again to try once more.',
      };
    case 'cancelled':
      return { kind: 'cancelled', tone: 'info', title: 'Hold cancelled', message: 'You let these seats go; they are available to others again.' };
    case 'refunded':
      return { kind: 'refunded', tone: 'info', title: 'Booking refunded', message: 'This booking was cancelled and your payment refunded.' };
    case 'rejected':
      return {
        kind: 'rejected',
        tone: 'error',
        title: "These seats couldn't be held",
        message: booking.reason ?? 'Someone else got them first. Pick other seats.',
      };
  }
}
