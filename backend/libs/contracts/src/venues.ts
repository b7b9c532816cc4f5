import { z } from 'zod';
import { venueSummarySchema } from './catalog';

const seatCountSchema = z.number().int().nonnegative();

/** A price tier of a venue's layout: an event on the venue needs a price for each. */
export const venueTierSchema = z.object({
  tier: z.string(),
  seatsTotal: seatCountSchema,
});
export type VenueTier = z.infer<typeof venueTierSchema>;

/** A section of a venue's layout and the tiers its rows are in. */
export const venueSectionSchema = z.object({
  name: z.string(),
  tiers: z.array(z.string()),
  seatsTotal: seatCountSchema,
});
export type VenueSection = z.infer<typeof venueSectionSchema>;

/**
 * One venue as listed by GET /venues (admin): what creating an event on its
 * layout takes (`POST /events {venueId, prices: {tier: cents}}`), without the
 * drawing. Tiers and sections are in the layout's order.
 */
export const venueListingSchema = venueSummarySchema.extend({
  seatsTotal: seatCountSchema,
  tiers: z.array(venueTierSchema),
  sections: z.array(venueSectionSchema),
});
export type VenueListing = z.infer<typeof venueListingSchema>;
