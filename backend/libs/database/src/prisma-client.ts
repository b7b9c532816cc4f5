import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

/**
 * The one way Seatstorm builds a Prisma client: the query compiler runs in
 * WebAssembly and talks to PostgreSQL through node-postgres, so no native
 * Prisma engine is needed at run time. The client is generated from
 * prisma/schema.prisma (`npm run generate -w @seatstorm/prisma`).
 *
 * @param connectionString a `postgresql://` URL
 * @param poolSize the most connections this client's pool opens (node-postgres defaults to 10)
 */
export function createPrismaClient(connectionString: string, poolSize?: number): PrismaClient {
  const adapter = new PrismaPg(poolSize === undefined ? { connectionString } : { connectionString, max: poolSize });
  return new PrismaClient({ adapter });
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
  User,
  Venue,
} from './generated/prisma/client';
export {
  BookingStatus,
  EventStatus,
  NotificationKind,
  PaymentKind,
  PaymentStatus,
  SeatStatus,
  UserRole,
} from './generated/prisma/enums';
