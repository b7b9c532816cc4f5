/**
 * Seeds Seatstorm's demo data (docs/architecture.md §7): `npm run db:seed`.
 *
 * Convergent and safe to run at every start: it creates what is missing and
 * brings the static description (venues and their layouts, event details,
 * tier prices, seat geometry and prices, user names and roles) back to this
 * file's, but never touches live state: seat status and holding booking,
 * the events' seatVersion and status, bookings, and existing users' password
 * hashes stay as they are. `npm run db:reset` starts from scratch.
 *
 * Demo users are seeded in demo mode only (DEMO_MODE, never in production).
 */
import { hash } from '@node-rs/argon2';
import { loadConfig } from '../../backend/libs/config/src/load-config';
import { createPrismaClient, type PrismaClient } from '../../backend/libs/database/src/prisma-client';
import { DEMO_ACCOUNTS, DEMO_EVENTS, DEMO_PASSWORD, DEMO_VENUES, type DemoEvent, type DemoVenue } from './demo-data';
import { generateSeats, layoutTiers, type GeneratedSeat } from '../../backend/libs/contracts/src/index';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Writing 50,000 seats takes a few seconds; the interactive-transaction default is 5. */
const EVENT_TRANSACTION_TIMEOUT_MS = 120_000;

function log(message: string): void {
  process.stdout.write(`[seed] ${message}\n`);
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${label} in ${Math.round(performance.now() - started)} ms`);
  return result;
}

async function seedVenue(prisma: PrismaClient, venue: DemoVenue): Promise<void> {
  const { id, ...description } = venue;
  await prisma.venue.upsert({ where: { id }, create: venue, update: description });
}

/**
 * One statement for all of an event's seats: rows go in as parallel arrays
 * (unnest), so 50,000 seats cost one round trip. Existing seats keep their
 * status and booking; only their description is refreshed, and only where it
 * changed. Seats the layout no longer has are removed when nothing refers to them.
 */
async function upsertSeats(tx: Transaction, eventId: string, seats: GeneratedSeat[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "seats" ("id", "event_id", "label", "section", "row", "number", "tier", "price", "x", "y", "block", "stage_distance", "attributes")
    SELECT v.id, v.event_id, v.label, v.section, v.row, v.number, v.tier, v.price, v.x, v.y, v.block, v.stage_distance,
           string_to_array(v.attributes, ',')
      FROM unnest(
        ${seats.map((seat) => seat.id)}::text[],
        ${seats.map((seat) => seat.eventId)}::text[],
        ${seats.map((seat) => seat.label)}::text[],
        ${seats.map((seat) => seat.section)}::text[],
        ${seats.map((seat) => seat.row)}::text[],
        ${seats.map((seat) => seat.number)}::int4[],
        ${seats.map((seat) => seat.tier)}::text[],
        ${seats.map((seat) => seat.price)}::int4[],
        ${seats.map((seat) => seat.x)}::float8[],
        ${seats.map((seat) => seat.y)}::float8[],
        ${seats.map((seat) => seat.block)}::int4[],
        ${seats.map((seat) => seat.stageDistance)}::float8[],
        -- One text per seat (unnest would flatten an array of arrays), split back above.
        ${seats.map((seat) => seat.attributes.join(','))}::text[]
      ) AS v(id, event_id, label, section, row, number, tier, price, x, y, block, stage_distance, attributes)
    ON CONFLICT ("id") DO UPDATE SET
      "label" = EXCLUDED."label", "section" = EXCLUDED."section", "row" = EXCLUDED."row",
      "number" = EXCLUDED."number", "tier" = EXCLUDED."tier", "price" = EXCLUDED."price",
      "x" = EXCLUDED."x", "y" = EXCLUDED."y", "block" = EXCLUDED."block", "stage_distance" = EXCLUDED."stage_distance",
      "attributes" = EXCLUDED."attributes", "updated_at" = now()
    WHERE ("seats"."label", "seats"."section", "seats"."row", "seats"."number", "seats"."tier", "seats"."price", "seats"."x", "seats"."y",
           "seats"."block", "seats"."stage_distance", "seats"."attributes")
      IS DISTINCT FROM
      (EXCLUDED."label", EXCLUDED."section", EXCLUDED."row", EXCLUDED."number", EXCLUDED."tier", EXCLUDED."price", EXCLUDED."x", EXCLUDED."y",
       EXCLUDED."block", EXCLUDED."stage_distance", EXCLUDED."attributes")`;

  await tx.$executeRaw`
    DELETE FROM "seats"
    WHERE "event_id" = ${eventId}
      AND "id" <> ALL(${seats.map((seat) => seat.id)}::text[])
      AND "status" = 'available' AND "booking_id" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "booking_seats" WHERE "booking_seats"."seat_id" = "seats"."id")`;
}

type EventDetails = Omit<DemoEvent, 'id' | 'prices'>;

function sameDetails(current: { [K in keyof EventDetails]: EventDetails[K] | null }, desired: EventDetails): boolean {
  return (Object.keys(desired) as (keyof EventDetails)[]).every((key) => {
    const [a, b] = [current[key], desired[key]];
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  });
}

async function seedEvent(prisma: PrismaClient, event: DemoEvent, venue: DemoVenue): Promise<void> {
  const seats = generateSeats(event.id, venue.layout, event.prices);
  const tiers = layoutTiers(venue.layout);
  const { id, prices: _prices, ...details } = event;

  await timed(`${id}: ${seats.length} seats`, () =>
    prisma.$transaction(
      async (tx) => {
        const current = await tx.event.findUnique({
          where: { id },
          select: {
            venueId: true,
            name: true,
            description: true,
            category: true,
            startsAt: true,
            onSaleAt: true,
            waitingRoomEnabled: true,
            noOrphanSeats: true,
          },
        });
        if (!current) {
          await tx.event.create({ data: { id, ...details, status: 'on_sale' } });
        } else if (!sameDetails(current, details)) {
          // Only on change, so that a second run leaves updated_at alone too.
          await tx.event.update({ where: { id }, data: details });
        }
        for (const tier of tiers) {
          const price = event.prices[tier];
          await tx.eventTier.upsert({
            where: { eventId_tier: { eventId: id, tier } },
            create: { eventId: id, tier, price },
            update: { price },
          });
        }
        await tx.eventTier.deleteMany({ where: { eventId: id, tier: { notIn: tiers } } });
        await upsertSeats(tx, id, seats);
      },
      { timeout: EVENT_TRANSACTION_TIMEOUT_MS },
    ),
  );
}

/** Creates missing demo users; existing ones keep their password hash. */
async function seedUsers(prisma: PrismaClient): Promise<void> {
  const existing = await prisma.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((user) => user.email) } },
    select: { email: true },
  });
  const known = new Set(existing.map((user) => user.email));
  const missing = DEMO_ACCOUNTS.filter((user) => !known.has(user.email));
  const hashes = await Promise.all(missing.map(() => hash(DEMO_PASSWORD)));

  await prisma.$transaction([
    ...DEMO_ACCOUNTS.filter((user) => known.has(user.email)).map(({ email, name, role }) => prisma.user.update({ where: { email }, data: { name, role } })),
    ...missing.map((user, index) => prisma.user.create({ data: { ...user, passwordHash: hashes[index] } })),
  ]);
  log(`users: ${missing.length} created, ${known.size} already there`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');

  const started = performance.now();
  const prisma = createPrismaClient(databaseUrl);
  try {
    await timed('venues', () => Promise.all(DEMO_VENUES.map((venue) => seedVenue(prisma, venue))));
    for (const event of DEMO_EVENTS) {
      const venue = DEMO_VENUES.find((candidate) => candidate.id === event.venueId);
      if (!venue) throw new Error(`Event ${event.id} names an unknown venue ${event.venueId}`);
      await seedEvent(prisma, event, venue);
    }
    if (loadConfig().DEMO_MODE) {
      await timed('users', () => seedUsers(prisma));
    } else {
      log('users: none (not in demo mode)');
    }
  } finally {
    await prisma.$disconnect();
  }
  log(`done in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
