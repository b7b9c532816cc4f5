import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { NOTIFICATION_LIST_LIMIT, Topic, type BookingEvent, type Notification } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
import { notificationsCreated } from './notification.metrics';
import { notificationContentOf, notificationKindOf } from './notification.rules';
import { NotificationsRepository, type StoredNotification } from './notifications.repository';

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
    const kind = notificationKindOf(event.status);
    if (!kind) return;
    const eventName = (await this.notifications.findEventName(event.eventId)) ?? UNKNOWN_EVENT_NAME;
    const outcome = await this.notifications.createOnce(
      {
        id: `ntf_${randomUUID()}`,
        userId: event.userId,
        kind,
        bookingId: event.bookingId,
        eventId: event.eventId,
        ...notificationContentOf(kind, event, eventName),
      },
      (stored) => this.producer.publish(Topic.NotificationCreated, [toNotification(stored)]),
    );
    const context = { bookingId: event.bookingId, eventId: event.eventId, userId: event.userId, kind };
    switch (outcome) {
      case 'created':
        notificationsCreated.inc({ kind });
        this.logger.log(context, 'notification sent');
        return;
      case 'duplicate':
        this.logger.debug(context, 'booking event already notified; nothing sent again');
        return;
      case 'unknown_user':
        // Retrying cannot make the user appear; blocking the partition on it would stop every notification behind it.
        this.logger.error(context, 'booking event names a user that does not exist; skipped');
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
