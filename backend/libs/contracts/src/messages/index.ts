import type { z } from 'zod';
import { analyticsUpdatedMessage } from '../analytics';
import { Topic } from '../topics';
import { bookingCommandMessage, bookingDeadLetterMessage } from './booking-command.message';
import { bookingEventMessage } from './booking-event.message';
import type { MessageContract } from './message';
import { notificationCreatedMessage } from './notification-created.message';
import { paymentDeadLetterMessage, paymentEventMessage, paymentRequestMessage } from './payment.message';
import { seatUpdatedMessage } from './seat-updated.message';

export * from './booking-command.message';
export * from './booking-event.message';
export * from './message';
export * from './notification-created.message';
export * from './payment.message';
export * from './seat-updated.message';

/** The one list of messages: topic → contract. A producer or consumer is typed through it. */
export const MESSAGES = {
  [Topic.BookingCommands]: bookingCommandMessage,
  [Topic.BookingEvents]: bookingEventMessage,
  [Topic.SeatUpdated]: seatUpdatedMessage,
  [Topic.PaymentRequests]: paymentRequestMessage,
  [Topic.PaymentEvents]: paymentEventMessage,
  [Topic.PaymentDlq]: paymentDeadLetterMessage,
  [Topic.NotificationCreated]: notificationCreatedMessage,
  [Topic.BookingDlq]: bookingDeadLetterMessage,
  [Topic.AnalyticsUpdated]: analyticsUpdatedMessage,
} as const satisfies { [T in Topic]: MessageContract<T> };

/** The payload type carried by a topic. */
export type TopicPayload<T extends Topic> = z.output<(typeof MESSAGES)[T]['schema']>;
