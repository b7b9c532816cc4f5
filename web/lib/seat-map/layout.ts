import { SEAT_ATTRIBUTES, type Seat, type SeatAttribute, type SeatSnapshot, type StandingArea } from '@seatstorm/contracts';
import { buildSections, type SectionMap } from './sections';
import { buildSeatGrid, type SeatGrid } from './spatial-index';
import { hasPitch } from './stadium-pitch';

/** What never changes about a seat: where it is and what it costs. */
export type LayoutSeat = Omit<Seat, 'status' | 'bookingId'>;

export interface TierInfo {
  tier: string;
  price: number;
  /** Index into the tier palette: the dearest tier gets the first colour. */
  colour: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * An event's seats in a fixed order; every per-seat array of the map state is indexed the same way. Besides the
 * seats, what the map needs to know about all of them is worked out here, once (for a large venue, off the page's
 * main thread: see seat-feed.ts), so that showing the map never walks 50,000 seats to find it.
 */
export interface SeatLayout {
  eventId: string;
  seats: readonly LayoutSeat[];
  indexById: ReadonlyMap<string, number>;
  tiers: readonly TierInfo[];
  tierIndex: Uint8Array;
  bounds: Bounds;
  /** The usual distance between neighbouring seats, in layout units. */
  pitch: number;
  /** More than one section: names mention the section. */
  multiSection: boolean;
  /** With more than one section, their outlines and each seat's section, for the zoomed-out view. */
  sections: SectionMap | null;
  /** The seats on a grid, to find the one under the pointer among a handful. */
  grid: SeatGrid;
  /** Each attribute some seat has, with the tier (colour) of the first seat that has it: what the filter and the legend offer. */
  attributeTiers: ReadonlyMap<SeatAttribute, number>;
  /** The middle of the venue is empty: a bowl around a pitch, which the canvas map draws. */
  hasPitch: boolean;
}

/** The layout without its seats: what a worker sends whole, while the seats follow in parts. */
export type LayoutFacts = Omit<SeatLayout, 'seats' | 'indexById'>;

function tiersOf(seats: readonly LayoutSeat[]): TierInfo[] {
  const prices = new Map<string, number>();
  for (const seat of seats) prices.set(seat.tier, Math.max(prices.get(seat.tier) ?? 0, seat.price));
  return [...prices].sort(([, a], [, b]) => b - a).map(([tier, price], colour) => ({ tier, price, colour }));
}

/** What the map draws: every seat, and each standing area's rectangle (docs/architecture.md §15). */
function boundsOf(seats: readonly LayoutSeat[], areas: readonly StandingArea[]): Bounds {
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const points = [
    ...seats,
    ...areas.flatMap((area) => [
      { x: area.x - area.width / 2, y: area.y - area.height / 2 },
      { x: area.x + area.width / 2, y: area.y + area.height / 2 },
    ]),
  ];
  for (const { x, y } of points) {
    bounds.minX = Math.min(bounds.minX, x);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.maxY = Math.max(bounds.maxY, y);
  }
  return points.length ? bounds : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

/** The median distance between consecutive seats of a row: the size to draw a seat at. */
function pitchOf(seats: readonly LayoutSeat[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < seats.length && gaps.length < 2000; i += 1) {
    const a = seats[i - 1]!;
    const b = seats[i]!;
    if (a.section === b.section && a.row === b.row) gaps.push(Math.hypot(a.x - b.x, a.y - b.y));
  }
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  return median && median > 0 ? median : 1.2;
}

function attributeTiersOf(seats: readonly LayoutSeat[], tierIndex: Uint8Array): Map<SeatAttribute, number> {
  const tiers = new Map<SeatAttribute, number>();
  seats.forEach((seat, index) => {
    for (const attribute of seat.attributes ?? []) if (!tiers.has(attribute)) tiers.set(attribute, tierIndex[index]!);
  });
  return new Map(SEAT_ATTRIBUTES.filter((attribute) => tiers.has(attribute)).map((attribute) => [attribute, tiers.get(attribute)!]));
}

export function buildLayout(snapshot: SeatSnapshot): SeatLayout {
  const seats: LayoutSeat[] = snapshot.seats.map(({ status: _status, bookingId: _bookingId, ...seat }) => seat);
  const tiers = tiersOf(seats);
  const colourOfTier = new Map(tiers.map((tier) => [tier.tier, tier.colour]));
  const tierIndex = Uint8Array.from(seats, (seat) => colourOfTier.get(seat.tier) ?? 0);
  const bounds = boundsOf(seats, snapshot.areas ?? []);
  const pitch = pitchOf(seats);
  const multiSection = new Set(seats.map((seat) => seat.section)).size > 1;
  return {
    eventId: snapshot.eventId,
    seats,
    indexById: new Map(seats.map((seat, index) => [seat.id, index])),
    tiers,
    tierIndex,
    bounds,
    pitch,
    multiSection,
    sections: multiSection ? buildSections({ seats, pitch }) : null,
    grid: buildSeatGrid({ seats, pitch, bounds }),
    attributeTiers: attributeTiersOf(seats, tierIndex),
    hasPitch: hasPitch({ seats, bounds }),
  };
}

/** Same seats in the same order: a new snapshot can reuse the layout. */
export function sameLayout(layout: SeatLayout, snapshot: SeatSnapshot): boolean {
  if (layout.eventId !== snapshot.eventId || layout.seats.length !== snapshot.seats.length) return false;
  return snapshot.seats.every((seat, index) => layout.seats[index]!.id === seat.id);
}
