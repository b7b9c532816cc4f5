import type { VenueLayout, VenueListing, VenueSummary } from '@seatstorm/contracts';

/**
 * A venue as GET /venues lists it: the tiers an event on its layout must
 * price and where its seats are, counted from the layout. Tiers and sections
 * keep the layout's order (a tier in the order it first appears, as
 * `layoutTiers` gives them), so the admin form asks in a stable order.
 */
export function toVenueListing(venue: VenueSummary, layout: VenueLayout): VenueListing {
  const seatsPerTier = new Map<string, number>();
  const sections = layout.sections.map((section) => {
    const tiers = new Set<string>();
    let seatsTotal = 0;
    // A standing area's places count as its seats, in its tier.
    const rows = section.standing ? [{ tier: section.tier, seats: section.standing.capacity }] : section.rows;
    for (const row of rows) {
      const tier = row.tier ?? section.tier;
      tiers.add(tier);
      seatsPerTier.set(tier, (seatsPerTier.get(tier) ?? 0) + row.seats);
      seatsTotal += row.seats;
    }
    return { name: section.name, tiers: [...tiers], seatsTotal };
  });
  return {
    ...venue,
    seatsTotal: sections.reduce((total, section) => total + section.seatsTotal, 0),
    tiers: [...seatsPerTier].map(([tier, seatsTotal]) => ({ tier, seatsTotal })),
    sections,
  };
}
