import { Injectable, Logger } from '@nestjs/common';
import { newId, NOTIFICATION_LIST_LIMIT, Topic, type BookingEvent, type Notification, type PaymentDeadLetter } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
import { notificationsCreated } from './notification.metrics';
import { notificationContentOf, notificationKindOf, refundDelayedContentOf } from './notification.rules';
import { NotificationsRepository, type NewNotification, type StoredNotification } from './notifications.repository';

/** Said of a show whose name cannot be found, rather than telling the person nothing. */
const UNKNOWN_EVENT_NAME = 'your event';

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly producer: MessageProducer,
  ) {}

  /**
   * Tells a booking's owner about the step it just took, once per booking and
   * kind: stored, then published on `Topic.NotificationCreated` for their open tabs.
   */
  async notify(event: BookingEvent): Promise<void> {
    const kind = notificationKindOf(event.status, event.waitingListOffer);
    if (!kind) return;
    const eventName = await this.eventNameOf(event.eventId);
    await this.send({ ...event, kind, ...notificationContentOf(kind, event, eventName) });
  }

  /**
   * Tells a refund's owner, once per booking, that the refund was not made
   * after its quick retries and goes on being tried; the `refunded`
   * notification follows when it lands. Dead charges are told through their
   * booking's `payment_failed`.
   */
  async notifyRefundDelayed(deadLetter: PaymentDeadLetter): Promise<void> {
    const { request } = deadLetter;
    if (request.kind !== 'refund') return;
    const eventName = await this.eventNameOf(request.eventId);
    await this.send({ ...request, kind: 'refund_delayed', ...refundDelayedContentOf(request.amount, eventName) });
  }

  private async eventNameOf(eventId: string): Promise<string> {
    return (await this.notifications.findEventName(eventId)) ?? UNKNOWN_EVENT_NAME;
  }

  private async send(notification: Omit<NewNotification, 'id'>): Promise<void> {
    const { userId, kind, bookingId, eventId, title, body } = notification;
    const creation = await this.notifications.createOnce({ id: newId('ntf'), userId, kind, bookingId, eventId, title, body }, (stored) =>
      this.producer.publish(Topic.NotificationCreated, [toNotification(stored)]),
    );
    const context = { bookingId, eventId, userId, kind };
    switch (creation) {
      case 'created':
        notificationsCreated.inc({ kind });
        this.logger.log(context, 'notification sent');
        return;
      case 'duplicate':
        this.logger.debug(context, 'already notified; nothing sent again');
        return;
      case 'unknown_user':
        // Retrying cannot make the user appear; blocking the partition on it would stop every notification behind it.
        this.logger.error(context, 'notification for a user that does not exist; skipped');
        return;
    }
  }

  async list(userId: string): Promise<Notification[]> {
    const latest = await this.notifications.findLatest(userId, NOTIFICATION_LIST_LIMIT);
    return latest.map(toNotification);
  }
}

function toNotification(stored: StoredNotification): Notification {
  return {
    notificationId: stored.id,
    userId: stored.userId,
    kind: stored.kind,
    bookingId: stored.bookingId,
    eventId: stored.eventId,
    title: stored.title,
    body: stored.body,
    createdAt: stored.createdAt.toISOString(),
  };
}
