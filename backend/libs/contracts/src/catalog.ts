import { z } from 'zod';
import { centsSchema, idSchema, isoDateTimeSchema } from './ids';
import { eventStatusSchema, seatStatusSchema } from './statuses';

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
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** GET /events/:eventId: the summary plus its tiers. */
export const eventDetailSchema = eventSummarySchema.extend({
  tiers: z.array(tierSummarySchema),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

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
});
export type Seat = z.infer<typeof seatSchema>;

/** GET /events/:eventId/seats: seats and the version they were read at, from one read. */
export const seatSnapshotSchema = z.object({
  eventId: idSchema,
  version: z.number().int().nonnegative(),
  seats: z.array(seatSchema),
});
export type SeatSnapshot = z.infer<typeof seatSnapshotSchema>;
