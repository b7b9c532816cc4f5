import { z } from 'zod';
import { SEAT_IDS_PER_REQUEST_CAP } from './bookings';
import { centsSchema, idSchema, isoDateTimeSchema } from './ids';
import { standingAreaSchema } from './standing';
import { eventStatusSchema, seatStatusSchema } from './statuses';
import { SEAT_ATTRIBUTES } from './venue-layout';

export const venueSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  city: z.string(),
});
export type VenueSummary = z.infer<typeof venueSummarySchema>;

export const tierSummarySchema = z.object({
  tier: z.string(),
  price: centsSchema,
  seatsTotal: z.number().int().nonnegative(),
  seatsAvailable: z.number().int().nonnegative(),
});
export type TierSummary = z.infer<typeof tierSummarySchema>;

/**
 * An event's virtual waiting room (docs/architecture.md §8): while enabled, buyers queue and
 * hold seats only with an admission pass. `admissionPerMinute` null admits adaptively, as fast as
 * the booking core keeps up; `paused` keeps the order and admits nobody.
 */
export const waitingRoomSettingsSchema = z.object({
  enabled: z.boolean(),
  admissionPerMinute: z.number().int().min(1).max(1_000_000).nullable(),
  paused: z.boolean(),
});
export type WaitingRoomSettings = z.infer<typeof waitingRoomSettingsSchema>;

/**
 * What the hold path needs of an event, and nothing else: one row, no seat
 * counts (catalog.get-sale-settings, read by every gateway every few seconds).
 */
export const saleSettingsSchema = z.object({
  eventId: idSchema,
  onSaleAt: isoDateTimeSchema,
  waitingRoom: waitingRoomSettingsSchema,
});
export type SaleSettings = z.infer<typeof saleSettingsSchema>;

/** One account's live seats at one event across its bookings, unless configured otherwise (MAX_SEATS_PER_BUYER). */
const maxSeatsPerBuyerSchema = z.number().int().min(1).max(100);

/** One event as listed by GET /events, with live availability. */
export const eventSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  venue: venueSummarySchema,
  startsAt: isoDateTimeSchema,
  onSaleAt: isoDateTimeSchema,
  status: eventStatusSchema,
  priceMin: centsSchema,
  priceMax: centsSchema,
  seatsTotal: z.number().int().nonnegative(),
  seatsAvailable: z.number().int().nonnegative(),
  /** The limit in force: the event's own, or the configured default. */
  maxSeatsPerBuyer: maxSeatsPerBuyerSchema,
  /** The most seats one booking may claim (MAX_SEATS_PER_BOOKING), so a seat picker stops where the gateway would refuse. */
  maxSeatsPerBooking: z.number().int().min(1).max(SEAT_IDS_PER_REQUEST_CAP),
  waitingRoom: waitingRoomSettingsSchema,
  /** Holds may not leave a single free seat stranded in a row (ORPHAN_SEAT), so a seat picker warns before sending. */
  noOrphanSeats: z.boolean(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** GET /events/:eventId: the summary plus its tiers. */
export const eventDetailSchema = eventSummarySchema.extend({
  tiers: z.array(tierSummarySchema),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const seatAttributeSchema = z.enum(SEAT_ATTRIBUTES);

export const seatSchema = z.object({
  id: idSchema,
  label: z.string(),
  section: z.string(),
  row: z.string(),
  number: z.number().int().positive(),
  tier: z.string(),
  price: centsSchema,
  x: z.number(),
  y: z.number(),
  status: seatStatusSchema,
  bookingId: idSchema.nullable(),
  /** Wheelchair space, companion seat, restricted view, aisle; absent when the seat has none (most seats). */
  attributes: z.array(seatAttributeSchema).optional(),
  /** The seat's run within its row (seatRunKey): absent for the first run, which is most seats. */
  block: z.number().int().positive().optional(),
});
export type Seat = z.infer<typeof seatSchema>;

/**
 * GET /events/:eventId/seats: seats and the version they were read at, from one read. A
 * standing area's places are not among the seats: each area comes once, with its capacity
 * and how many places are left (docs/architecture.md §15).
 */
export const seatSnapshotSchema = z.object({
  eventId: idSchema,
  version: z.number().int().nonnegative(),
  seats: z.array(seatSchema),
  areas: z.array(standingAreaSchema).default([]),
});
export type SeatSnapshot = z.infer<typeof seatSnapshotSchema>;

/**
 * The most one seat may be priced at: $100,000, in cents. Prices an admin
 * gives are checked against it (400 VALIDATION_FAILED), so no booking's
 * amount, seats × price, comes near what a store or a message can hold.
 */
export const MAX_SEAT_PRICE_CENTS = 10_000_000;
const seatPriceSchema = centsSchema.max(MAX_SEAT_PRICE_CENTS);

/** POST /events on a stored venue layout: the seats are generated from it, priced per tier (cents). */
export const createEventOnVenueSchema = z.object({
  venueId: idSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  category: z.string().trim().min(1).max(50).optional(),
  startsAt: isoDateTimeSchema,
  /** Defaults to now: on sale at once. */
  onSaleAt: isoDateTimeSchema.optional(),
  prices: z.record(z.string().min(1).max(50), seatPriceSchema),
  /** Defaults to the configured MAX_SEATS_PER_BUYER. */
  maxSeatsPerBuyer: maxSeatsPerBuyerSchema.optional(),
  /** Defaults to off; an adaptive rate and not paused unless given. */
  waitingRoom: waitingRoomSettingsSchema.partial().optional(),
  /** Defaults to off: holds may leave single seats. */
  noOrphanSeats: z.boolean().optional(),
});

/**
 * POST /events in the original demo's simple form: a new venue laid out as a
 * plain grid. As in that demo, `price` is in dollars (two decimals at most).
 */
export const createSimpleEventSchema = z.object({
  name: z.string().trim().min(1).max(200),
  venue: z.string().trim().min(1).max(200),
  date: isoDateTimeSchema,
  totalSeats: z.number().int().min(1).max(20_000),
  price: z
    .number()
    .nonnegative()
    .max(MAX_SEAT_PRICE_CENTS / 100)
    .refine((dollars) => Math.abs(dollars * 100 - Math.round(dollars * 100)) < 1e-6, 'must have at most two decimals'),
  description: z.string().trim().max(2000).optional(),
  category: z.string().trim().min(1).max(50).optional(),
  /** Defaults to off: holds may leave single seats. */
  noOrphanSeats: z.boolean().optional(),
});

/**
 * PATCH /events/:eventId (admin): the sale settings that may change while an event is on sale.
 * `maxSeatsPerBuyer: null` goes back to the configured default; a lower limit never takes
 * seats from anyone, it only refuses holds past it.
 */
export const updateEventSettingsSchema = z
  .object({
    maxSeatsPerBuyer: maxSeatsPerBuyerSchema.nullable().optional(),
    waitingRoom: waitingRoomSettingsSchema.partial().optional(),
    noOrphanSeats: z.boolean().optional(),
  })
  .strict()
  .refine(
    (update) => update.maxSeatsPerBuyer !== undefined || update.waitingRoom !== undefined || update.noOrphanSeats !== undefined,
    'give maxSeatsPerBuyer, waitingRoom or noOrphanSeats',
  );
export type UpdateEventSettings = z.infer<typeof updateEventSettingsSchema>;

export const createEventRequestSchema = z.union([createEventOnVenueSchema, createSimpleEventSchema]);
export type CreateEventRequest = z.infer<typeof createEventRequestSchema>;

/** POST /events/:eventId/seats/block and …/unblock (admin): take seats off sale or put them back. */
export const blockSeatsRequestSchema = z.object({
  seatIds: z
    .array(idSchema)
    .min(1)
    .max(10_000)
    .refine((ids) => new Set(ids).size === ids.length, 'a seat appears twice'),
});

/** The answer to a block or unblock (202): the command sent, whose effect arrives on every map as a seat delta. */
export const commandAcceptedSchema = z.object({ commandId: z.string() });
export type CommandAccepted = z.infer<typeof commandAcceptedSchema>;
