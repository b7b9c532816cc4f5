import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BOOKING_STATUSES,
  eventStatusSchema,
  notificationKindSchema,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  SEAT_STATUSES,
  TICKET_STATUSES,
  userRoleSchema,
  WAITING_LIST_STATUSES,
} from '../backend/libs/contracts/src/index';
import {
  BookingStatus,
  EventStatus,
  NotificationKind,
  PaymentKind,
  PaymentStatus,
  SeatStatus,
  TicketStatus,
  UserRole,
  WaitingListStatus,
} from '../backend/libs/database/src/prisma-client';

/**
 * Each enum of schema.prisma, as the generated client has it, with the
 * contracts' list of the same values. The database keeps its own copy (a
 * migration changes it); this keeps the two from drifting apart.
 */
const STORED_ENUMS: Record<string, [stored: Record<string, string>, contract: readonly string[]]> = {
  UserRole: [UserRole, userRoleSchema.options],
  EventStatus: [EventStatus, eventStatusSchema.options],
  SeatStatus: [SeatStatus, SEAT_STATUSES],
  BookingStatus: [BookingStatus, BOOKING_STATUSES],
  PaymentKind: [PaymentKind, PAYMENT_KINDS],
  PaymentStatus: [PaymentStatus, PAYMENT_STATUSES],
  NotificationKind: [NotificationKind, notificationKindSchema.options],
  TicketStatus: [TicketStatus, TICKET_STATUSES],
  WaitingListStatus: [WaitingListStatus, WAITING_LIST_STATUSES],
};

describe("the database's enums", () => {
  it.each(Object.entries(STORED_ENUMS))("%s stores exactly the contracts' values, in their order", (_, [stored, contract]) => {
    expect(Object.values(stored)).toEqual([...contract]);
  });

  it('are all compared above: every enum of schema.prisma has its list in the contracts', () => {
    const schema = readFileSync(resolve(__dirname, 'schema.prisma'), 'utf8');
    const declared = [...schema.matchAll(/^enum (\w+) \{/gm)].map((match) => match[1]);
    expect(declared.sort()).toEqual(Object.keys(STORED_ENUMS).sort());
  });
});
