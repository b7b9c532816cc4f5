/**
 * Venue layouts and the seats they generate. Pure: no I/O, no clock, no
 * randomness, so the same layout always yields the same seats (ids, labels,
 * coordinates). The seed uses it for the demo venues; creating an event on a
 * venue's stored layout is the same call.
 *
 * Coordinates are drawing units shared by every venue: y grows downwards,
 * a seat is about 1.2 units wide and rows are about 1.6 units apart. A
 * consumer scales them to its canvas.
 *
 * The shapes are type aliases rather than interfaces so that a layout is
 * assignable to Prisma's JSON input type as it is.
 */

import { seatIdOf } from './ids';
import { placeLabel } from './standing';

/** What an event's seats are generated from; stored as `venues.layout`. */
export type VenueLayout = {
  sections: LayoutSection[];
  /** Things to draw that are not seats (stage, pitch), in the same units. */
  features?: LayoutFeature[];
};

export type LayoutSection = {
  /** Shown to people and stored as `seats.section`, e.g. `Floor`, `S01`. */
  name: string;
  /**
   * How a seat's label is formed:
   * - `row-number`: `A1`, for venues with one seating area;
   * - `section-row-number`: `S01-R01-1`, where row letters repeat across sections.
   */
  labelFormat: 'row-number' | 'section-row-number';
  /** The price tier of the section's rows unless a row names its own. */
  tier: string;
  /** Front to back; seats are numbered 1…n within a row. Empty for a standing area. */
  rows: LayoutRow[];
  placement: GridPlacement | ArcPlacement;
  /**
   * A standing area instead of rows (docs/architecture.md §15): `capacity` places, drawn as a
   * `width` × `height` rectangle centred on the placement's centre. Its places have no position
   * of their own (they all sit at the centre) and are labelled `<name>-1`, `<name>-2`, …
   */
  standing?: StandingLayout;
};

export type StandingLayout = {
  capacity: number;
  width: number;
  height: number;
};

export type LayoutRow = {
  label: string;
  seats: number;
  tier?: string;
  /** Seat numbers an aisle follows: the seats on either side of it are not together. */
  aislesAfter?: number[];
  /** Seat numbers that are spaces for a wheelchair. */
  wheelchair?: number[];
  /** Seat numbers kept for the companion of a wheelchair user (held only beside a wheelchair space). */
  companion?: number[];
  /** Seat numbers with a partly blocked view (a pillar, a rail, the edge of the stage). */
  restrictedView?: number[];
};

export type Point = {
  x: number;
  y: number;
};

/**
 * Straight rows, each centred on `center.x`, the first drawn at `center.y`.
 * A row longer than `wrapAt` seats continues on the following lines (still
 * one row), which keeps a long row's drawing compact.
 */
export type GridPlacement = {
  kind: 'grid';
  center: Point;
  seatPitch: number;
  rowPitch: number;
  wrapAt?: number;
};

/**
 * Rows on concentric arcs around `center` (a stand around a pitch or stage).
 * The first row lies at `radius`, each next one `rowPitch` further out; a
 * row's seats spread evenly between the angles (degrees, clockwise from +x
 * since y grows downwards).
 */
export type ArcPlacement = {
  kind: 'arc';
  center: Point;
  radius: number;
  rowPitch: number;
  startAngle: number;
  endAngle: number;
};

export type LayoutFeature = {
  kind: 'stage' | 'pitch';
  label: string;
  /** Centre of the rectangle. */
  x: number;
  y: number;
  width: number;
  height: number;
};

/**
 * What a buyer may need to know about a seat, beyond where it is. `aisle`: the seat is at
 * the end of its run of seats (an aisle or the row's end beside it); the others are set
 * by the layout; `standing`: a place of a standing area, not a seat.
 * WARNING: stored in `seats.attributes` and sent in snapshots: never rename one.
 */
export const SEAT_ATTRIBUTES = ['wheelchair', 'companion', 'restricted_view', 'aisle', 'standing'] as const;
export type SeatAttribute = (typeof SEAT_ATTRIBUTES)[number];

/** One seat of one event, as stored in `seats` (status and booking start empty). */
export type GeneratedSeat = {
  id: string;
  eventId: string;
  label: string;
  section: string;
  row: string;
  number: number;
  tier: string;
  /** Integer cents. */
  price: number;
  x: number;
  y: number;
  /**
   * Which run of seats of its row the seat is in, from 0: an aisle, or a long row's line
   * break, starts the next. Seats are together when they share section, row and block and
   * their numbers follow each other.
   */
  block: number;
  /** How far the seat is from the stage or pitch (0 for a layout without one: from its front row), in drawing units. */
  stageDistance: number;
  attributes: SeatAttribute[];
};

/** Labels end up in seat ids, which are opaque ids on the wire (contracts' idSchema). */
const LABEL_PATTERN = /^[A-Za-z0-9_.:-]+$/;

/** Two decimals: enough to draw, and stable text in JSON and in the database. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The tiers a layout uses, in first-seen order. */
export function layoutTiers(layout: VenueLayout): string[] {
  const tiers = new Set<string>();
  for (const section of layout.sections) {
    if (section.standing) tiers.add(section.tier);
    for (const row of section.rows) tiers.add(row.tier ?? section.tier);
  }
  return [...tiers];
}

/** Seats and standing places alike: what an event on the layout can sell. */
export function countSeats(layout: VenueLayout): number {
  return layout.sections.reduce((total, section) => total + (section.standing?.capacity ?? 0) + section.rows.reduce((sum, row) => sum + row.seats, 0), 0);
}

function seatLabel(section: LayoutSection, row: LayoutRow, number: number): string {
  return section.labelFormat === 'row-number' ? `${row.label}${number}` : `${section.name}-${row.label}-${number}`;
}

/** Positions of one section's seats, row by row, in seat-number order. */
function placeSection(section: LayoutSection): Point[][] {
  const placement = section.placement;
  if (placement.kind === 'grid') {
    let line = 0;
    return section.rows.map((row) => {
      const wrapAt = placement.wrapAt ?? row.seats;
      const points: Point[] = [];
      for (let i = 0; i < row.seats; i += 1) {
        const lineIndex = Math.floor(i / wrapAt);
        const seatsOnLine = Math.min(wrapAt, row.seats - lineIndex * wrapAt);
        const column = i % wrapAt;
        points.push({
          x: round(placement.center.x + (column - (seatsOnLine - 1) / 2) * placement.seatPitch),
          y: round(placement.center.y + (line + lineIndex) * placement.rowPitch),
        });
      }
      line += Math.ceil(row.seats / wrapAt);
      return points;
    });
  }
  const span = placement.endAngle - placement.startAngle;
  return section.rows.map((row, rowIndex) => {
    const radius = placement.radius + rowIndex * placement.rowPitch;
    const points: Point[] = [];
    for (let i = 0; i < row.seats; i += 1) {
      const angle = ((placement.startAngle + ((i + 0.5) / row.seats) * span) * Math.PI) / 180;
      points.push({
        x: round(placement.center.x + radius * Math.cos(angle)),
        y: round(placement.center.y + radius * Math.sin(angle)),
      });
    }
    return points;
  });
}

/**
 * Every seat of `eventId` on `layout`, priced from `prices` (cents per tier).
 * Seat ids are `${eventId}_${label}`.
 *
 * @throws when a tier has no price, a label is not id-safe, or two seats share a label
 */
export function generateSeats(eventId: string, layout: VenueLayout, prices: Readonly<Record<string, number>>): GeneratedSeat[] {
  const seats: GeneratedSeat[] = [];
  const labels = new Set<string>();
  for (const section of layout.sections) {
    if (section.standing) {
      seats.push(...standingPlaces(eventId, section, section.standing, prices, labels));
      continue;
    }
    const positions = placeSection(section);
    section.rows.forEach((row, rowIndex) => {
      const tier = row.tier ?? section.tier;
      const price = prices[tier];
      if (price === undefined || !Number.isInteger(price) || price < 0) {
        throw new Error(`No price (integer cents) for tier "${tier}" of section ${section.name}`);
      }
      const breaks = breaksOf(section, row);
      let block = 0;
      for (let number = 1; number <= row.seats; number += 1) {
        const label = seatLabel(section, row, number);
        if (!LABEL_PATTERN.test(label)) throw new Error(`Seat label "${label}" is not id-safe`);
        if (labels.has(label)) throw new Error(`Seat label "${label}" appears twice`);
        labels.add(label);
        const position = positions[rowIndex]?.[number - 1];
        if (!position) throw new Error(`No position for seat ${label}`);
        const { x, y } = position;
        const attributes: SeatAttribute[] = [];
        if (row.wheelchair?.includes(number)) attributes.push('wheelchair');
        if (row.companion?.includes(number)) attributes.push('companion');
        if (row.restrictedView?.includes(number)) attributes.push('restricted_view');
        if (number === 1 || number === row.seats || breaks.has(number) || breaks.has(number - 1)) attributes.push('aisle');
        seats.push({
          id: seatIdOf(eventId, label),
          eventId,
          label,
          section: section.name,
          row: row.label,
          number,
          tier,
          price,
          x,
          y,
          block,
          stageDistance: 0,
          attributes,
        });
        if (breaks.has(number)) block += 1;
      }
    });
  }
  return measureFromStage(seats, layout.features ?? []);
}

/** The places of a standing area: one seat row each, all at the area's centre, in one run. */
function standingPlaces(
  eventId: string,
  section: LayoutSection,
  standing: StandingLayout,
  prices: Readonly<Record<string, number>>,
  labels: Set<string>,
): GeneratedSeat[] {
  const price = prices[section.tier];
  if (price === undefined || !Number.isInteger(price) || price < 0) {
    throw new Error(`No price (integer cents) for tier "${section.tier}" of section ${section.name}`);
  }
  if (!Number.isInteger(standing.capacity) || standing.capacity < 1) throw new Error(`Standing area ${section.name}: capacity must be a positive integer`);
  if (section.rows.length > 0) throw new Error(`Standing area ${section.name} has rows`);
  // Place labels are `<area>-<n>`: a dash in the area's name would make them read like a seat's (placeOfLabel).
  if (section.name.includes('-')) throw new Error(`Standing area ${section.name}: its name may not contain a dash`);
  const { x, y } = section.placement.center;
  const places: GeneratedSeat[] = [];
  for (let number = 1; number <= standing.capacity; number += 1) {
    const label = placeLabel(section.name, number);
    if (!LABEL_PATTERN.test(label)) throw new Error(`Seat label "${label}" is not id-safe`);
    if (labels.has(label)) throw new Error(`Seat label "${label}" appears twice`);
    labels.add(label);
    places.push({
      id: seatIdOf(eventId, label),
      eventId,
      label,
      section: section.name,
      row: '',
      number,
      tier: section.tier,
      price,
      x: round(x),
      y: round(y),
      block: 0,
      stageDistance: 0,
      attributes: ['standing'],
    });
  }
  return places;
}

/** The seat numbers a row breaks after: its aisles and, in a wrapped grid, each line's last seat. */
function breaksOf(section: LayoutSection, row: LayoutRow): Set<number> {
  const breaks = new Set<number>();
  for (const [list, name] of [
    [row.aislesAfter, 'aislesAfter'],
    [row.wheelchair, 'wheelchair'],
    [row.companion, 'companion'],
    [row.restrictedView, 'restrictedView'],
  ] as const) {
    for (const number of list ?? []) {
      if (!Number.isInteger(number) || number < 1 || number > row.seats) throw new Error(`Row ${section.name} ${row.label}: ${name} names seat ${number}`);
    }
  }
  for (const number of row.aislesAfter ?? []) if (number < row.seats) breaks.add(number);
  const placement = section.placement;
  if (placement.kind === 'grid' && placement.wrapAt) {
    for (let number = placement.wrapAt; number < row.seats; number += placement.wrapAt) breaks.add(number);
  }
  return breaks;
}

/** Each seat's distance to the nearest stage or pitch; without one, how far behind the front row it sits. */
function measureFromStage(seats: GeneratedSeat[], features: readonly LayoutFeature[]): GeneratedSeat[] {
  const front = seats.reduce((least, seat) => Math.min(least, seat.y), Infinity);
  for (const seat of seats) {
    seat.stageDistance = round(features.length === 0 ? seat.y - front : Math.min(...features.map((feature) => distanceToRectangle(seat, feature))));
  }
  return seats;
}

function distanceToRectangle(point: Point, feature: LayoutFeature): number {
  const dx = Math.max(Math.abs(point.x - feature.x) - feature.width / 2, 0);
  const dy = Math.max(Math.abs(point.y - feature.y) - feature.height / 2, 0);
  return Math.hypot(dx, dy);
}

/** `A`, `B`, … `Z`, `AA`, … */
export function rowLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/**
 * A rectangular room: `rows` rows (A, B, …) of `seatsPerRow` seats, one
 * tier, facing a stage. The original demo's events and the simple form of
 * POST /events are laid out this way.
 */
export function gridLayout(options: { section: string; tier: string; rows: number; seatsPerRow: number; wrapAt?: number }): VenueLayout {
  const seatPitch = 1.2;
  const width = Math.min(options.seatsPerRow, options.wrapAt ?? options.seatsPerRow) * seatPitch;
  return {
    sections: [
      {
        name: options.section,
        labelFormat: 'row-number',
        tier: options.tier,
        rows: Array.from({ length: options.rows }, (_, index) => ({ label: rowLetter(index), seats: options.seatsPerRow })),
        placement: { kind: 'grid', center: { x: 0, y: 0 }, seatPitch, rowPitch: 1.6, ...(options.wrapAt ? { wrapAt: options.wrapAt } : {}) },
      },
    ],
    features: [{ kind: 'stage', label: 'Stage', x: 0, y: -4, width: round(Math.max(width, 6)), height: 2.5 }],
  };
}

/**
 * The plain grid of the original demo's simple event form: rows A, B, C… of
 * up to 10 seats (20 past 100 seats, 50 past 1,000), the last row shorter
 * when the count does not divide evenly.
 */
export function plainGridLayout(totalSeats: number, tier: string): VenueLayout {
  const seatsPerRow = totalSeats <= 100 ? 10 : totalSeats <= 1000 ? 20 : 50;
  const rows = Math.ceil(totalSeats / seatsPerRow);
  const layout = gridLayout({ section: 'Floor', tier, rows, seatsPerRow });
  const lastRow = layout.sections[0]?.rows[rows - 1];
  if (lastRow) lastRow.seats = totalSeats - seatsPerRow * (rows - 1);
  return layout;
}
