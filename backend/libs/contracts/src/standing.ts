import { z } from 'zod';
import { centsSchema, idSchema } from './ids';

/**
 * Standing areas (docs/architecture.md §15): a venue section with a capacity instead of rows.
 * Each standing place is a seat row of the event (attribute `standing`, label `Floor-17`), so
 * a place is held, paid, expired, cancelled, refunded and ticketed exactly as a seat is; the
 * buyer never names one. A hold asks for `ga: {areaId, quantity}` and the booking core picks
 * any free places of the area, all or nothing, alone or together with named seats.
 */

/** The attribute every standing place carries (SEAT_ATTRIBUTES), and no seat does. */
export const STANDING_ATTRIBUTE = 'standing';

/** A place is a seat of a standing area. */
export function isStandingPlace(seat: { attributes?: readonly string[] }): boolean {
  return seat.attributes?.includes(STANDING_ATTRIBUTE) === true;
}

/** The label of place `number` of area `areaId`: `Floor-17`. */
export function placeLabel(areaId: string, number: number): string {
  return `${areaId}-${number}`;
}

/**
 * The area and number of a place from its label alone (a booking's seat ids, a checkout page without
 * the seat map); undefined for a seat. Unambiguous because an area's id has no dash, while a seat's
 * label has none (`A1`) or two (`S01-R01-1`).
 */
export function placeOfLabel(label: string): { areaId: string; number: number } | undefined {
  const match = /^([A-Za-z0-9_.:]+)-([1-9][0-9]*)$/.exec(label);
  return match ? { areaId: match[1]!, number: Number(match[2]) } : undefined;
}

/**
 * The standing part of a hold: `quantity` places of the area `areaId` (the section's name),
 * any of them. The per-booking limit counts them with the seats named beside them.
 */
export const standingRequestSchema = z
  .object({
    areaId: idSchema,
    quantity: z.number().int().min(1).max(100),
  })
  .strict();
export type StandingRequest = z.infer<typeof standingRequestSchema>;

/**
 * One standing area as the snapshot (GET /events/:eventId/seats) gives it, instead of its
 * places: where to draw it (the centre and size of a rectangle, in the seats' drawing units),
 * its capacity, and how many places are left (available and held by nobody) at `version`.
 */
export const standingAreaSchema = z.object({
  id: idSchema,
  tier: z.string(),
  price: centsSchema,
  capacity: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});
export type StandingArea = z.infer<typeof standingAreaSchema>;

/**
 * How many places an area has left after a `seat.updated` delta: absolute, so the last one
 * seen wins, and a delta the gateway coalesced keeps the last count of each area.
 */
export const standingCountSchema = z.object({
  areaId: idSchema,
  available: z.number().int().nonnegative(),
});
export type StandingCount = z.infer<typeof standingCountSchema>;

/** One place as the pick sees it: its id, its number within the area, and whether it is free as the batch stands. */
export interface StandingPlace {
  id: string;
  number: number;
  free: boolean;
}

/**
 * Picks `quantity` free places among `places`, lowest numbers first (so a sold-out area fills
 * from place 1 and the ids read in order), or undefined when fewer are free: all or nothing.
 */
export function pickPlaces(places: readonly StandingPlace[], quantity: number): string[] | undefined {
  if (!Number.isInteger(quantity) || quantity < 1) return undefined;
  const free = places.filter((place) => place.free).sort((a, b) => a.number - b.number);
  if (free.length < quantity) return undefined;
  return free.slice(0, quantity).map((place) => place.id);
}

/** Applies a delta's area counts to a map's areas: the areas named take their new count, the others stay. */
export function withStandingCounts(areas: readonly StandingArea[], counts: readonly StandingCount[] | undefined): StandingArea[] {
  if (!counts || counts.length === 0) return [...areas];
  const latest = new Map(counts.map((count) => [count.areaId, count.available]));
  return areas.map((area) => {
    const available = latest.get(area.id);
    return available === undefined || available === area.available ? area : { ...area, available };
  });
}
