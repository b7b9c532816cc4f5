import { formatMoney, notificationKindSchema, seatLabelOf, type BookingEvent, type BookingStatus, type NotificationKind } from '@seatstorm/contracts';

/**
 * What a person is told when their booking changes, as pure functions of the
 * booking event and the show's name.
 */

export interface NotificationContent {
  title: string;
  body: string;
}

/** The notifications a booking event brings: one per status a person is told about. */
const bookingNotificationKindSchema = notificationKindSchema.exclude(['refund_delayed']);
export type BookingNotificationKind = Exclude<NotificationKind, 'refund_delayed'>;

/**
 * The booking statuses a person is told about, each by the kind of the same
 * name. The others (pending, reserved, paid, rejected) show on the page that
 * caused them and notify no one, but for seats held from a waiting list: no
 * page of the buyer's asked for those, so they are told (`waiting_list_offer`).
 */
export function notificationKindOf(status: BookingStatus, waitingListOffer = false): BookingNotificationKind | null {
  if (waitingListOffer && status === 'reserved') return 'waiting_list_offer';
  const kind = bookingNotificationKindSchema.safeParse(status);
  return kind.success ? kind.data : null;
}

/** A refund still not made after its quick retries: it goes on being tried, and the owner should not think it forgotten. */
export function refundDelayedContentOf(amountCents: number, eventName: string): NotificationContent {
  const amount = formatMoney(amountCents);
  return {
    title: `Your ${amount} refund for ${eventName} is delayed`,
    body: `The payment provider did not answer. We keep trying, and we'll tell you as soon as ${amount} is on its way back to your card.`,
  };
}

export function notificationContentOf(kind: BookingNotificationKind, event: BookingEvent, eventName: string): NotificationContent {
  const count = event.seatIds.length;
  const seats = seatsPhrase(event);
  const amount = formatMoney(event.amount);
  const [are, were] = count === 1 ? ['is', 'was'] : ['are', 'were'];
  switch (kind) {
    case 'confirmed':
      return {
        title: `You're going! ${seatCount(count)} for ${eventName} ${are} confirmed`,
        body: `${seats} ${are} yours; ${amount} was charged to your card.`,
      };
    case 'payment_failed':
      return {
        title: `Payment failed for ${eventName}`,
        body: `${asSentence(event.reason ?? 'Your payment did not go through')} ${seats} ${were} released; pick seats again to try another card.`,
      };
    case 'expired':
      return {
        title: `Your hold on ${seatCount(count)} for ${eventName} expired`,
        body: `${seats} ${were} released because payment was not completed in time.`,
      };
    case 'refunded':
      return {
        title: `${amount} refunded for ${eventName}`,
        body: `${amount} for ${lowerFirst(seats)} is on its way back to your card.`,
      };
    case 'cancelled':
      return {
        title: `Booking cancelled for ${eventName}`,
        body: `You cancelled your hold; ${lowerFirst(seats)} ${are} open to others again.`,
      };
    case 'waiting_list_offer':
      return {
        title: `Seats are held for you from the waiting list until ${clockTimeOf(event.expiresAt)}`,
        body: `${seats} for ${eventName} ${are} yours to pay for at checkout until then; unpaid, they go on general sale.`,
      };
  }
}

/** "14:05 UTC": the app shows every time in UTC. */
function clockTimeOf(at: string | null): string {
  return at === null ? 'soon' : `${at.slice(11, 16)} UTC`;
}

const seatCount = (count: number): string => (count === 1 ? '1 seat' : `${count} seats`);

/** "Seat A1", "Seats A1 and A2", "Seats A1, A2 and A3": labels, since a seat's id is `${eventId}_${label}`. */
function seatsPhrase(event: BookingEvent): string {
  const labels = event.seatIds.map((seatId) => seatLabelOf(event.eventId, seatId));
  const listed = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels.join('');
  return `${labels.length === 1 ? 'Seat' : 'Seats'} ${listed}`;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
const asSentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);
