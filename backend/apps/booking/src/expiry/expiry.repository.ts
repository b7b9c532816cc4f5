import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, type PrismaClient } from '@seatstorm/database';

export interface OverdueHold {
  bookingId: string;
  eventId: string;
  expiresAt: Date;
}

@Injectable()
export class ExpiryRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * Hands up to `limit` holds whose time ran out, after `after` in (expiry,
   * id) order, to `request` while keeping them locked; rows another instance
   * is handling are skipped (`SKIP LOCKED`), so several booking instances
   * sweep without asking twice at the same moment. Returns the holds handed on.
   */
  sweep(limit: number, after: OverdueHold | undefined, request: (overdue: OverdueHold[]) => Promise<void>): Promise<OverdueHold[]> {
    return this.prisma.$transaction(
      async (tx) => {
        const overdue = await tx.$queryRawUnsafe<OverdueHold[]>(
          `SELECT id AS "bookingId", event_id AS "eventId", expires_at AS "expiresAt" FROM bookings
            WHERE status = 'reserved' AND expires_at <= now()
              AND ($2::timestamptz IS NULL OR (expires_at, id) > ($2::timestamptz, $3::text))
            ORDER BY expires_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          limit,
          after?.expiresAt ?? null,
          after?.bookingId ?? null,
        );
        if (overdue.length > 0) await request(overdue);
        return overdue;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  }
}
