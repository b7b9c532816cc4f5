import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { createPgPool } from './pg-pool';

/**
 * The one way Seatstorm builds a Prisma client: the query compiler runs in
 * WebAssembly and talks to PostgreSQL through node-postgres, so no native
 * Prisma engine is needed at run time. The client is generated from
 * prisma/schema.prisma (`npm run generate -w @seatstorm/prisma`).
 *
 * @param connection a `postgresql://` URL, or the process's pool (createPgPool), which the client then shares
 * @param poolSize with a URL, the most connections the client's own pool opens (node-postgres defaults to 10)
 */
export function createPrismaClient(connection: string | Pool, poolSize?: number): PrismaClient {
  const owned = typeof connection === 'string';
  const pool = owned ? createPgPool(connection, poolSize) : connection;
  // A pool made here is the client's own: it closes with the client.
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: owned }) });
}

export { Prisma, PrismaClient } from './generated/prisma/client';
export type {
  Booking,
  BookingSeat,
  Event,
  EventTier,
  Notification,
  OutboxMessage,
  Payment,
  ProcessedCommand,
  Seat,
  Ticket,
  User,
  Venue,
  WaitingListEntry,
} from './generated/prisma/client';
export {
  BookingStatus,
  EventStatus,
  NotificationKind,
  PaymentKind,
  PaymentStatus,
  SeatStatus,
  TicketStatus,
  UserRole,
  WaitingListStatus,
} from './generated/prisma/enums';
