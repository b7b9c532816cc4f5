import { ApiError, GatewayUnreachableError } from './api';

/**
 * What to tell a person when something failed. Never a raw code or a stack:
 * the gateway's stable error codes map to sentences, and the gateway's own
 * message is used only where the contract promises it is written for people.
 */
export function describeError(error: unknown): string {
  if (error instanceof GatewayUnreachableError) {
    return "We can't reach the box office right now. Check your connection and try again.";
  }
  if (!(error instanceof ApiError)) return 'Something went wrong on our side. Please try again.';
  switch (error.code) {
    case 'SEAT_UNAVAILABLE':
      return 'Those seats were just taken by someone else. Pick others and try again.';
    case 'HOLD_EXPIRED':
      return 'Your hold expired — the seats are released.';
    case 'VALIDATION_FAILED':
      return "Something in the request wasn't right. Check the details and try again.";
    case 'UNAUTHORIZED':
      return 'Your session has ended. Please sign in again.';
    case 'INVALID_CREDENTIALS':
      return "That email and password don't match an account.";
    case 'EMAIL_TAKEN':
      return 'There is already an account with that email. Sign in instead.';
    case 'FORBIDDEN':
      return "You don't have access to that.";
    case 'NOT_FOUND':
      return "We couldn't find that. It may have been removed.";
    case 'RATE_LIMITED':
      return 'Too many tries in a short time. Wait a moment and try again.';
    case 'SERVICE_UNAVAILABLE':
      return 'The box office is very busy right now. Please try again in a moment.';
    // Booking decisions carry reasons written for people (e.g. "This hold is still being decided").
    case 'INVALID_STATE':
    case 'CONFLICT':
      return error.message;
    case 'INTERNAL_ERROR':
      return 'Something went wrong on our side. Please try again.';
    // Says how many more seats this buyer may still hold at the event.
    case 'BUYER_LIMIT_REACHED':
      return error.message;
    case 'ADMISSION_REQUIRED':
      return 'This event has a waiting room: your turn has ended or has not come yet. Join the queue to pick seats.';
    case 'WAITING_ROOM_UNAVAILABLE':
      return 'The waiting room is unavailable right now, so nobody is being let in. Please try again in a moment.';
    case 'PAYMENT_DECLINED':
      return 'Your card was declined and nothing was charged. Try another card.';
    case 'PAYMENT_PROVIDER_UNAVAILABLE':
      return "We couldn't reach the card provider, so nothing was charged. Please try again in a few minutes.";
    // Name the seat left alone, the seats asked for, or the companion seat, in words for people.
    case 'ORPHAN_SEAT':
    case 'NOT_ENOUGH_SEATS_TOGETHER':
    case 'COMPANION_SEAT_ALONE':
      return error.message;
    case 'EXTENSION_LIMIT_REACHED':
      return 'This hold cannot be extended any more. Pay now to keep the seats.';
    // At the door: the scanner shows the first scan's time beside this.
    case 'ALREADY_CHECKED_IN':
      return 'This ticket has already been scanned in.';
    case 'TICKET_INVALID':
      return 'This is not a valid ticket: the code is damaged or was not issued by us.';
    case 'TICKET_REVOKED':
      return 'This ticket was cancelled or refunded and no longer gets anyone in.';
    case 'TICKET_WRONG_EVENT':
      return 'This ticket is for another event.';
    case 'NOT_SOLD_OUT':
      return 'Seats are still on sale here, so there is no waiting list yet: pick seats on the map.';
    case 'NOT_ENOUGH_PLACES':
      return 'Not enough standing places are left for that many. Nothing was held: try fewer places.';
  }
}

/** The seats a 409 SEAT_UNAVAILABLE names in `details.seatIds`. */
export function unavailableSeatIds(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'SEAT_UNAVAILABLE') return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('seatIds' in details)) return [];
  const { seatIds } = details;
  return Array.isArray(seatIds) ? seatIds.filter((id): id is string => typeof id === 'string') : [];
}
