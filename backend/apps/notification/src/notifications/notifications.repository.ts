import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PRISMA, type PrismaClient } from '@seatstorm/database';
import type { NotificationKind } from '@seatstorm/contracts';

const notificationSelect = {
  id: true,
  userId: true,
  kind: true,
  bookingId: true,
  eventId: true,
  title: true,
  body: true,
  createdAt: true,
} as const;

export type StoredNotification = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

export interface NewNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  bookingId: string;
  eventId: string;
  title: string;
  body: string;
}

/** What storing a notification came to. */
export type NotificationCreation = 'created' | 'duplicate' | 'unknown_user';

/**
 * Announcing holds a transaction open while a message is published; the
 * 5-second default would roll back a notification whose publish is merely
 * slow while the producer retries against a restarting broker.
 */
const ANNOUNCE_TIMEOUT_MS = 15_000;

@Injectable()
export class NotificationsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async findEventName(eventId: string): Promise<string | null> {
    const event = await this.prisma.event.findUnique({ where: { id: eventId }, select: { name: true } });
    return event?.name ?? null;
  }

  /**
   * Stores a notification unless its booking already has one of its kind
   * (INSERT … ON CONFLICT DO NOTHING on the unique booking and kind), and for
   * a new one runs `announce` inside the same transaction: if announcing
   * fails, nothing is stored and a redelivery tries again; a duplicate is
   * never announced twice.
   */
  async createOnce(notification: NewNotification, announce: (stored: StoredNotification) => Promise<void>): Promise<NotificationCreation> {
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          const [stored] = await tx.notification.createManyAndReturn({ data: [notification], skipDuplicates: true, select: notificationSelect });
          if (!stored) return 'duplicate';
          await announce(stored);
          return 'created';
        },
        { timeout: ANNOUNCE_TIMEOUT_MS },
      );
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') return 'unknown_user';
      throw error;
    }
  }

  /** A user's latest notifications, newest first. */
  findLatest(userId: string, limit: number): Promise<StoredNotification[]> {
    return this.prisma.notification.findMany({
      where: { userId },
      select: notificationSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }
}
