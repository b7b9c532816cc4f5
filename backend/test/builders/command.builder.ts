import { bookingCommands, type HoldCommand } from '@seatstorm/contracts';
import { uniqueId } from '../test-env';

/**
 * A hold command as the gateway would put it on `Topic.BookingCommands`: fresh
 * command and booking ids, issued now, to be decided within 30 seconds. For
 * tests that feed the booking core directly, without REST in front of it.
 */
export function holdCommand(eventId: string, userId: string, seatIds: string[]): HoldCommand {
  return bookingCommands.hold({ commandId: uniqueId('cmd'), eventId, bookingId: uniqueId('bkg'), userId, seatIds }, 30_000);
}
