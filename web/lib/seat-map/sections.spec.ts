import { describe, expect, it } from 'vitest';
import type { Seat } from '@seatstorm/contracts';
import { filterMask } from './attributes';
import { cameraBetween } from './camera';
import { seatName } from './describe';
import { initialSeatMapState, seatMapReducer, type SeatMapState } from './seat-map-state';
import {
  availabilityOf,
  buildSections,
  convexHull,
  labelRoom,
  leftWords,
  levelAt,
  SEATS_LEVEL_PX,
  sectionAt,
  sectionAvailable,
  sectionCamera,
  sectionSeats,
  sectionTotals,
} from './sections';
import { snapshot } from '@/test/seat-snapshots';

/**
 * A bowl like the seeded stadium's: rings of sections of `rows` rows of `seats` seats around a pitch, 1° aisles
 * between sections; the lower ring's back row ends with wheelchair spaces.
 */
function stadium(sectionsPerRing: number, rows: number, seats: number): Seat[] {
  const wedge = 360 / sectionsPerRing;
  return [200, 200 + rows * 1.5 + 8].flatMap((radius, ring) =>
    Array.from({ length: sectionsPerRing }, (_, index) => {
      const section = `S${String(ring * sectionsPerRing + index + 1).padStart(2, '0')}`;
      const start = ((index * wedge + 0.5) * Math.PI) / 180;
      const end = (((index + 1) * wedge - 0.5) * Math.PI) / 180;
      return Array.from({ length: rows }, (_, row) =>
        Array.from({ length: seats }, (_, n): Seat => {
          const angle = start + ((end - start) * n) / (seats - 1);
          const r = radius + row * 1.5;
          const label = `${section}-R${String(row + 1).padStart(2, '0')}-${n + 1}`;
          const wheelchair = ring === 0 && row === rows - 1 && (n === 0 || n === seats - 1);
          return {
            id: `evt_test_${label}`,
            label,
            section,
            row: `R${String(row + 1).padStart(2, '0')}`,
            number: n + 1,
            tier: ring === 0 ? 'Lower' : 'Upper',
            price: ring === 0 ? 12_000 : 8_000,
            x: r * Math.cos(angle),
            y: r * Math.sin(angle),
            status: 'available',
            bookingId: null,
            ...(wheelchair ? { attributes: ['wheelchair' as const] } : {}),
          };
        }),
      ).flat();
    }).flat(),
  );
}

function load(seats: Seat[]): SeatMapState {
  return seatMapReducer(initialSeatMapState(), { type: 'snapshot', snapshot: snapshot(1, seats) });
}

describe('convex hull', () => {
  it('keeps the corners of a grid and drops the points inside and along its edges', () => {
    const grid = Array.from({ length: 16 }, (_, i) => ({ x: i % 4, y: Math.floor(i / 4) }));
    expect(convexHull(grid).sort((a, b) => a.x - b.x || a.y - b.y)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 3 },
      { x: 3, y: 0 },
      { x: 3, y: 3 },
    ]);
  });
});

describe('sections of a stadium', () => {
  const state = load(stadium(20, 6, 12));
  const layout = state.layout!;
  const map = buildSections(layout);

  it('has one shape per section, in the order the seats come, and knows each seat’s section', () => {
    expect(map.sections.map((s) => s.name)).toEqual(Array.from({ length: 40 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`));
    expect(map.sections.every((s) => s.seats === 72)).toBe(true);
    layout.seats.forEach((seat, index) => expect(map.sections[map.sectionOf[index]!]!.name).toBe(seat.section));
  });

  it('outlines each section around all its seats and no other section’s', () => {
    layout.seats.forEach((seat, index) => expect(sectionAt(map, seat)).toBe(map.sectionOf[index]));
    // The pitch and the gap between the rings are in no section.
    expect(sectionAt(map, { x: 0, y: 0 })).toBe(-1);
    expect(sectionAt(map, { x: 213, y: 0.5 })).toBe(-1);
  });

  it('puts each label inside its section, as large as the section leaves room for', () => {
    for (const section of map.sections) {
      expect(sectionAt(map, section.centre)).toBe(map.sections.indexOf(section));
      // A box 4 wide and 2 high, grown as far as it goes: every corner stays inside, and one touches the outline.
      const grown = labelRoom(section, 4, 2);
      const corners = [-1, 1].flatMap((dx) => [-1, 1].map((dy) => ({ x: section.centre.x + dx * 2 * grown, y: section.centre.y + dy * grown })));
      for (const corner of corners)
        expect(sectionAt(map, { x: corner.x * 0.999 + section.centre.x * 0.001, y: corner.y * 0.999 + section.centre.y * 0.001 })).toBe(
          map.sections.indexOf(section),
        );
      const outside = (corner: { x: number; y: number }) => ({ x: corner.x * 1.01 - section.centre.x * 0.01, y: corner.y * 1.01 - section.centre.y * 0.01 });
      expect(corners.some((corner) => sectionAt(map, outside(corner)) !== map.sections.indexOf(section))).toBe(true);
    }
    // Across a section about 9 units deep (six rows, and its seats' squares), a line of about that length.
    for (const across of [labelRoom(map.sections[0]!, 1, 0), labelRoom(map.sections[5]!, 0, 1)]) {
      expect(across).toBeGreaterThan(8);
      expect(across).toBeLessThan(16);
    }
  });

  it('names its seats with their section', () => {
    expect(seatName(layout, layout.seats[0]!, 'available')).toBe('Section S01, row R01, seat 1, Lower, $120, available');
  });

  it('counts the seats left in each section, and follows live changes', () => {
    expect([...sectionAvailable(map, state.statuses, null)].every((n) => n === 72)).toBe(true);
    const held = seatMapReducer(state, {
      type: 'changes',
      version: 2,
      changes: ['S03-R01-1', 'S03-R01-2', 'S10-R06-12'].map((label) => ({ seatId: `evt_test_${label}`, status: 'reserved' as const, bookingId: 'bkg_1' })),
    });
    const available = sectionAvailable(map, held.statuses, null);
    expect(available[2]).toBe(70);
    expect(available[9]).toBe(71);
    expect(available[0]).toBe(72);
  });

  it('counts only the seats the filter lets through: wheelchair spaces are in the lower ring', () => {
    const wheelchair = filterMask(layout, 'wheelchair');
    expect([...sectionTotals(map, wheelchair)]).toEqual([...Array(20).fill(2), ...Array(20).fill(0)]);
    expect([...sectionAvailable(map, state.statuses, wheelchair)].slice(0, 2)).toEqual([2, 2]);
    expect([...sectionTotals(map, null)].every((n) => n === 72)).toBe(true);
  });

  it('colours a section by the share of its seats left', () => {
    expect(availabilityOf(500, 1_250)).toBe('plenty');
    expect(availabilityOf(499, 1_250)).toBe('some');
    expect(availabilityOf(1, 1_250)).toBe('some');
    expect(availabilityOf(0, 1_250)).toBe('none');
    expect(availabilityOf(0, 0)).toBe('none');
    expect(leftWords(812, 1_250)).toBe('812 of 1,250 seats left');
    expect(leftWords(0, 1_250)).toBe('Sold out');
  });

  it('shows sections while seats would be too close together to make out, and seats beyond that', () => {
    const readable = SEATS_LEVEL_PX / layout.pitch;
    expect(levelAt(layout, readable * 0.99, true)).toBe('sections');
    expect(levelAt(layout, readable, true)).toBe('seats');
    expect(levelAt(layout, readable * 0.1, false)).toBe('seats');
  });

  it('zooms into a section so that all of it shows, with its seats readable', () => {
    const section = map.sections[4]!;
    const camera = sectionCamera(layout, section, 800, 600);
    expect(levelAt(layout, camera.scale, true)).toBe('seats');
    for (const corner of section.outline) {
      const x = corner.x * camera.scale + camera.x;
      const y = corner.y * camera.scale + camera.y;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(800);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(600);
    }
    // On a frame too small for the whole section, its middle at the least readable zoom.
    const small = sectionCamera(layout, section, 40, 40);
    expect(levelAt(layout, small.scale, true)).toBe('seats');
    expect(sectionAt(map, { x: (20 - small.x) / small.scale, y: (20 - small.y) / small.scale })).toBe(4);
  });

  it('starts keyboard focus in a section from its seats the filter lets through, else from any of its seats', () => {
    const lower = sectionSeats(map, 0, filterMask(layout, 'wheelchair'));
    expect(layout.seats.filter((_, i) => lower[i] === 1).map((s) => s.label)).toEqual(['S01-R06-1', 'S01-R06-12']);
    const upper = sectionSeats(map, 20, filterMask(layout, 'wheelchair'));
    expect(upper.reduce((sum, v) => sum + v, 0)).toBe(72);
  });
});

describe('a camera gliding into a section', () => {
  it('starts where it was, ends where it goes, and zooms at an even rate', () => {
    const from = { scale: 1, x: 400, y: 300 };
    const to = { scale: 16, x: -1200, y: 900 };
    expect(cameraBetween(from, to, 0, 800, 600)).toEqual(from);
    const end = cameraBetween(from, to, 1, 800, 600);
    expect(end.scale).toBeCloseTo(16);
    expect(end.x).toBeCloseTo(-1200);
    expect(end.y).toBeCloseTo(900);
    expect(cameraBetween(from, to, 0.5, 800, 600).scale).toBeCloseTo(4);
  });
});

describe('the seeded stadium’s size', () => {
  it('outlines 40 sections of 1,250 seats and counts them', () => {
    const seats = stadium(20, 25, 50);
    const state = load(seats);
    const map = buildSections(state.layout!);
    expect(map.sections).toHaveLength(40);
    expect(map.sections.every((section) => section.seats === 1_250)).toBe(true);
    expect([...sectionAvailable(map, state.statuses, null)].every((n) => n === 1_250)).toBe(true);
  });
});
