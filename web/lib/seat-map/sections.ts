import { matchesMask, type FilterMask } from './attributes';
import { fitCamera, type Camera, type Point } from './camera';
import type { Bounds, SeatLayout } from './layout';
import { AVAILABLE_CODE } from './status-codes';

/**
 * A large venue zoomed out shows its sections, not 50,000 specks: each as the outline of its seats, coloured by
 * how many are left. Everything here is computed once per layout, except the counts, which follow the seats.
 */

export interface SectionShape {
  name: string;
  /** How many seats it has. */
  seats: number;
  /** The convex hull of its seats' squares, in layout units. */
  outline: readonly Point[];
  /** The outline's centroid: where its label goes. */
  centre: Point;
  bounds: Bounds;
  tiers: readonly string[];
  minPrice: number;
  maxPrice: number;
}

export interface SectionMap {
  sections: readonly SectionShape[];
  /** Each seat's section, an index into `sections`, in layout order. */
  sectionOf: Uint16Array;
}

/** What the map draws at the camera's zoom. */
export type MapLevel = 'sections' | 'seats';

/** Seats this many pixels apart can be made out one by one: closer than that, a map with sections shows them instead. */
export const SEATS_LEVEL_PX = 6;

/** A section tapped is zoomed to at least a little past the point where seats show: a phone shows the whole section. */
const SECTION_ZOOM_OVER_SEATS = 1.05;

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Andrew's monotone chain: the convex hull of `points`, without collinear points. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const half = (list: Point[]) => {
    const hull: Point[] = [];
    for (const point of list) {
      while (hull.length >= 2 && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, point) <= 0) hull.pop();
      hull.push(point);
    }
    hull.pop();
    return hull;
  };
  return [...half(sorted), ...half(sorted.reverse())];
}

function centroidOf(outline: readonly Point[]): Point {
  let area = 0;
  let x = 0;
  let y = 0;
  outline.forEach((a, i) => {
    const b = outline[(i + 1) % outline.length]!;
    const step = a.x * b.y - b.x * a.y;
    area += step;
    x += (a.x + b.x) * step;
    y += (a.y + b.y) * step;
  });
  if (Math.abs(area) < 1e-9) {
    const n = Math.max(1, outline.length);
    return { x: outline.reduce((sum, p) => sum + p.x, 0) / n, y: outline.reduce((sum, p) => sum + p.y, 0) / n };
  }
  return { x: x / (3 * area), y: y / (3 * area) };
}

/**
 * How large a `width` × `height` box centred on the section's centre can grow and stay inside its outline: the
 * largest factor `s` for a box of `width·s` × `height·s` (the room for its label, whose size grows with its font).
 * Across each edge, the box's farthest corner must stay on the inside.
 */
export function labelRoom(section: Pick<SectionShape, 'outline' | 'centre'>, width: number, height: number): number {
  const { outline, centre } = section;
  let room = Infinity;
  outline.forEach((a, i) => {
    const b = outline[(i + 1) % outline.length]!;
    const reach = (Math.abs(b.y - a.y) * width + Math.abs(b.x - a.x) * height) / 2;
    if (reach > 0) room = Math.min(room, Math.max(0, cross(a, b, centre)) / reach);
  });
  return Number.isFinite(room) ? room : 0;
}

function boundsOf(points: readonly Point[]): Bounds {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/**
 * Every section's outline and label room, and each seat's section. The outline covers the seats' squares as drawn
 * (`pitch × 0.8`): the hull of the centres' hull with each vertex's square corners, which is the hull of all corners.
 * A convex outline suits sections that are blocks of rows, straight or a bowl's wedge of up to about 20° (the
 * stadium's are 17°): a much wider wedge would reach over its inner aisle into the ring in front.
 */
export function buildSections(layout: Pick<SeatLayout, 'seats' | 'pitch'>): SectionMap {
  const indexOf = new Map<string, number>();
  const members: number[][] = [];
  const sectionOf = new Uint16Array(layout.seats.length);
  layout.seats.forEach((seat, index) => {
    let section = indexOf.get(seat.section);
    if (section === undefined) {
      section = members.length;
      indexOf.set(seat.section, section);
      members.push([]);
    }
    members[section]!.push(index);
    sectionOf[index] = section;
  });
  const half = layout.pitch * 0.4;
  const sections = [...indexOf.keys()].map((name, section): SectionShape => {
    const seats = members[section]!.map((index) => layout.seats[index]!);
    const corners = convexHull(seats).flatMap(({ x, y }) => [
      { x: x - half, y: y - half },
      { x: x + half, y: y - half },
      { x: x + half, y: y + half },
      { x: x - half, y: y + half },
    ]);
    const outline = convexHull(corners);
    let minPrice = Infinity;
    let maxPrice = 0;
    for (const { price } of seats) {
      minPrice = Math.min(minPrice, price);
      maxPrice = Math.max(maxPrice, price);
    }
    return {
      name,
      seats: seats.length,
      outline,
      centre: centroidOf(outline),
      bounds: boundsOf(outline),
      tiers: [...new Set(seats.map((seat) => seat.tier))],
      minPrice,
      maxPrice,
    };
  });
  return { sections, sectionOf };
}

/** Per section, how many of its seats the filter lets through. */
export function sectionTotals(map: SectionMap, mask: FilterMask): Uint32Array {
  const totals = new Uint32Array(map.sections.length);
  for (let index = 0; index < map.sectionOf.length; index += 1) {
    const section = map.sectionOf[index]!;
    if (matchesMask(mask, index)) totals[section] = totals[section]! + 1;
  }
  return totals;
}

/**
 * Per section, how many of the seats the filter lets through are available. One pass over the statuses: on
 * 50,000 seats it costs less than the copy of the statuses every live change already makes.
 */
export function sectionAvailable(map: SectionMap, statuses: Uint8Array, mask: FilterMask): Uint32Array {
  const available = AVAILABLE_CODE;
  const counts = new Uint32Array(map.sections.length);
  for (let index = 0; index < statuses.length; index += 1) {
    const section = map.sectionOf[index]!;
    if (statuses[index] === available && matchesMask(mask, index)) counts[section] = counts[section]! + 1;
  }
  return counts;
}

function inside(outline: readonly Point[], { x, y }: Point): boolean {
  let within = false;
  outline.forEach((a, i) => {
    const b = outline[(i + outline.length - 1) % outline.length]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) within = !within;
  });
  return within;
}

/** The section whose outline holds the layout point, or -1. */
export function sectionAt(map: SectionMap, point: Point): number {
  return map.sections.findIndex((section) => inside(section.outline, point));
}

/** How a section is coloured: over 40% left, some left, none left. The count is always written beside it. */
export type Availability = 'plenty' | 'some' | 'none';

export function availabilityOf(available: number, total: number): Availability {
  if (available === 0 || total === 0) return 'none';
  return available / total >= 0.4 ? 'plenty' : 'some';
}

/** "812 of 1,250 seats left" */
export function leftWords(available: number, total: number): string {
  return available === 0 ? 'Sold out' : `${available.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} seats left`;
}

/** Sections show while seats would be closer than SEATS_LEVEL_PX on screen; a map without sections always shows seats. */
export function levelAt(layout: SeatLayout, scale: number, sectioned: boolean): MapLevel {
  return sectioned && layout.pitch * scale < SEATS_LEVEL_PX ? 'sections' : 'seats';
}

/** The camera that shows one section whole in a `width` × `height` frame, close enough that its seats show. */
export function sectionCamera(layout: SeatLayout, section: SectionShape, width: number, height: number): Camera {
  const fit = fitCamera(section.bounds, width, height, layout.pitch);
  const readable = (SEATS_LEVEL_PX * SECTION_ZOOM_OVER_SEATS) / layout.pitch;
  if (fit.scale >= readable) return fit;
  const { x, y } = section.centre;
  return { scale: readable, x: width / 2 - x * readable, y: height / 2 - y * readable };
}

/**
 * The seats of one section the filter lets through, as a mask (to find where keyboard focus starts in it); all its
 * seats when the filter lets none of them through.
 */
export function sectionSeats(map: SectionMap, section: number, mask: FilterMask): Uint8Array {
  const pick = (filtered: FilterMask) => {
    const seats = new Uint8Array(map.sectionOf.length);
    let any = false;
    map.sectionOf.forEach((of, index) => {
      if (of !== section || !matchesMask(filtered, index)) return;
      seats[index] = 1;
      any = true;
    });
    return any ? seats : null;
  };
  return pick(mask) ?? pick(null)!;
}
