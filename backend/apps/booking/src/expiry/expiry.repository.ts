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
   * Hands holds whose time ran out to `request` while keeping them locked;
   * rows another instance is handling are skipped (`SKIP LOCKED`), so several
   * booking instances sweep without asking twice at the same moment.
   */
  sweep(limit: number, request: (overdue: OverdueHold[]) => Promise<void>): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const overdue = await tx.$queryRawUnsafe<OverdueHold[]>(
          `SELECT id AS "bookingId", event_id AS "eventId", expires_at AS "expiresAt" FROM bookings
            WHERE status = 'reserved' AND expires_at <= now()
            ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          limit,
        );
        if (overdue.length > 0) await request(overdue);
        return overdue.length;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  }
}
