/**
 * Seatstorm's demo data (docs/architecture.md §7): the original booking demo's three
 * events and their numbers, one 50,000-seat stadium show for flash-sale runs,
 * and the demo users. Plain data; seed.ts writes it.
 */
import { gridLayout, type LayoutRow, type LayoutSection, type VenueLayout } from '../../backend/libs/contracts/src/index';

export interface DemoVenue {
  id: string;
  name: string;
  city: string;
  layout: VenueLayout;
}

export interface DemoEvent {
  id: string;
  venueId: string;
  name: string;
  description: string;
  category: string;
  startsAt: Date;
  onSaleAt: Date;
  /** Buyers queue in the virtual waiting room and are admitted at the rate the booking core keeps up with. */
  waitingRoomEnabled: boolean;
  /** Holds may not strand a single seat in a row: on for every seated demo show. */
  noOrphanSeats: boolean;
  /** Integer cents per tier of the venue's layout. */
  prices: Record<string, number>;
}

/** The demo accounts and their password live in the contracts: the web app and the end-to-end tests sign in as them. */
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../backend/libs/contracts/src/index';

/**
 * Madison Square Garden, as the original demo sold it: one floor, VIP row A
 * (A1–A10), Premium row B (B1–B10) and Regular row C (C1–C80). Row C is one
 * row of 80 drawn in lines of 20 so the map stays compact. Wheelchair spaces
 * at both ends of row C with a companion seat beside each; B1 and B10, at the
 * stage's edges, have a restricted view.
 */
const madisonSquareGardenLayout: VenueLayout = {
  sections: [
    {
      name: 'Floor',
      labelFormat: 'row-number',
      tier: 'Regular',
      rows: [
        { label: 'A', seats: 10, tier: 'VIP' },
        { label: 'B', seats: 10, tier: 'Premium', restrictedView: [1, 10] },
        { label: 'C', seats: 80, wheelchair: [1, 80], companion: [2, 79] },
      ],
      placement: { kind: 'grid', center: { x: 0, y: 0 }, seatPitch: 1.2, rowPitch: 1.6, wrapAt: 20 },
    },
  ],
  features: [{ kind: 'stage', label: 'Stage', x: 0, y: -4, width: 24, height: 2.5 }],
};

const STADIUM_SECTIONS_PER_RING = 20;
const STADIUM_ROWS_PER_SECTION = 25;
const STADIUM_SEATS_PER_ROW = 50;
const STADIUM_ROW_PITCH = 1.5;
/** Degrees of aisle between neighbouring sections. */
const STADIUM_AISLE = 1;
/**
 * The lower ring's back row, at the concourse, is the wheelchair platform: two spaces at each
 * end, a companion seat beside each pair. The upper ring's front row ends behind the rail
 * with a restricted view.
 */
const STADIUM_PLATFORM = { wheelchair: [1, 2, 49, 50], companion: [3, 48] };

/**
 * Seatstorm Arena: two rings of 20 sections around a pitch (S01–S20 lower,
 * S21–S40 upper), 25 rows × 50 seats each = 50,000 seats. Lower sections
 * along the pitch's long sides are `Lower Sideline`, the rest of the lower
 * ring `Lower End`, the upper ring `Upper`. Seat pitch stays between 1.2 and
 * 1.7 units from the front row of the lower ring to the back of the upper.
 */
function stadiumLayout(): VenueLayout {
  const wedge = 360 / STADIUM_SECTIONS_PER_RING;
  const ringDepth = STADIUM_ROWS_PER_SECTION * STADIUM_ROW_PITCH;
  const rings = [
    { firstSection: 1, radius: 200, tierOf: (angle: number) => (isSideline(angle) ? 'Lower Sideline' : 'Lower End') },
    { firstSection: 1 + STADIUM_SECTIONS_PER_RING, radius: 200 + ringDepth + 8, tierOf: () => 'Upper' },
  ];
  const sections: LayoutSection[] = rings.flatMap((ring) =>
    Array.from({ length: STADIUM_SECTIONS_PER_RING }, (_, index): LayoutSection => {
      const startAngle = index * wedge + STADIUM_AISLE / 2;
      const endAngle = (index + 1) * wedge - STADIUM_AISLE / 2;
      return {
        name: `S${String(ring.firstSection + index).padStart(2, '0')}`,
        labelFormat: 'section-row-number',
        tier: ring.tierOf((startAngle + endAngle) / 2),
        rows: Array.from({ length: STADIUM_ROWS_PER_SECTION }, (_, row) => ({
          label: `R${String(row + 1).padStart(2, '0')}`,
          seats: STADIUM_SEATS_PER_ROW,
          ...(ring.firstSection === 1 && row === STADIUM_ROWS_PER_SECTION - 1 ? STADIUM_PLATFORM : {}),
          ...(ring.firstSection !== 1 && row === 0 ? { restrictedView: [1, STADIUM_SEATS_PER_ROW] } : {}),
        })),
        placement: { kind: 'arc', center: { x: 0, y: 0 }, radius: ring.radius, rowPitch: STADIUM_ROW_PITCH, startAngle, endAngle },
      };
    }),
  );
  return { sections, features: [{ kind: 'pitch', label: 'Pitch', x: 0, y: 0, width: 250, height: 160 }] };
}

/**
 * The Warehouse: a club with a standing floor for 200 in front of the stage (docs/architecture.md
 * §15) and a balcony of two rows of 10 seats behind it, a wheelchair space and its companion
 * at the end of the back row.
 */
const warehouseLayout: VenueLayout = {
  sections: [
    {
      name: 'Floor',
      labelFormat: 'row-number',
      tier: 'Floor',
      rows: [],
      placement: { kind: 'grid', center: { x: 0, y: 4 }, seatPitch: 1.2, rowPitch: 1.6 },
      standing: { capacity: 200, width: 16, height: 7 },
    },
    {
      name: 'Balcony',
      labelFormat: 'row-number',
      tier: 'Balcony',
      rows: [
        { label: 'A', seats: 10 },
        { label: 'B', seats: 10, wheelchair: [10], companion: [9] },
      ],
      placement: { kind: 'grid', center: { x: 0, y: 10 }, seatPitch: 1.2, rowPitch: 1.6 },
    },
  ],
  features: [{ kind: 'stage', label: 'Stage', x: 0, y: -1.5, width: 12, height: 2.5 }],
};

/** Adds aisles and seat attributes to rows of a layout's first section, by row label. */
function withRowDetails(layout: VenueLayout, details: Record<string, Omit<LayoutRow, 'label' | 'seats' | 'tier'>>): VenueLayout {
  const [first, ...rest] = layout.sections;
  if (!first) return layout;
  return { ...layout, sections: [{ ...first, rows: first.rows.map((row) => ({ ...row, ...details[row.label] })) }, ...rest] };
}

/** The pitch's long sides face 90° and 270° (y grows downwards). */
function isSideline(angle: number): boolean {
  return (angle > 45 && angle < 135) || (angle > 225 && angle < 315);
}

export const DEMO_VENUES: DemoVenue[] = [
  { id: 'ven_msg', name: 'Madison Square Garden', city: 'New York', layout: madisonSquareGardenLayout },
  {
    id: 'ven_wembley',
    name: 'Wembley Stadium',
    city: 'London',
    // The back row has a wheelchair space at each end, a companion seat beside each.
    layout: withRowDetails(gridLayout({ section: 'Floor', tier: 'Standard', rows: 8, seatsPerRow: 10 }), { H: { wheelchair: [1, 10], companion: [2, 9] } }),
  },
  {
    id: 'ven_bluenote',
    name: 'Blue Note Jazz Club',
    city: 'New York',
    // A pillar beside the front row's ends; one wheelchair space and its companion at the back.
    layout: withRowDetails(gridLayout({ section: 'Main Room', tier: 'General', rows: 5, seatsPerRow: 10 }), {
      A: { restrictedView: [1, 10] },
      E: { wheelchair: [10], companion: [9] },
    }),
  },
  { id: 'ven_stadium', name: 'Seatstorm Arena', city: 'Chicago', layout: stadiumLayout() },
  { id: 'ven_warehouse', name: 'The Warehouse', city: 'Brooklyn', layout: warehouseLayout },
];

/** On sale since early 2026; every show is in 2027. */
const ON_SALE_AT = new Date('2026-01-15T15:00:00Z');

export const DEMO_EVENTS: DemoEvent[] = [
  {
    id: 'evt_eras',
    venueId: 'ven_msg',
    name: 'Taylor Swift – The Eras Tour',
    description: 'A journey through every musical era of Taylor Swift’s career, live at Madison Square Garden.',
    category: 'concert',
    startsAt: new Date('2027-06-12T23:30:00Z'),
    onSaleAt: ON_SALE_AT,
    waitingRoomEnabled: false,
    noOrphanSeats: true,
    prices: { VIP: 22500, Premium: 18000, Regular: 15000 },
  },
  {
    id: 'evt_sheeran',
    venueId: 'ven_wembley',
    name: 'Ed Sheeran – Mathematics Tour',
    description: 'Ed Sheeran brings the Mathematics Tour to Wembley: loop pedal, guitar and the songs everyone knows.',
    category: 'concert',
    startsAt: new Date('2027-07-03T18:30:00Z'),
    onSaleAt: ON_SALE_AT,
    waitingRoomEnabled: false,
    noOrphanSeats: true,
    prices: { Standard: 12000 },
  },
  {
    id: 'evt_jazz',
    venueId: 'ven_bluenote',
    name: 'Local Jazz Night',
    description: 'An intimate evening of standards and new compositions from New York’s local jazz scene.',
    category: 'jazz',
    startsAt: new Date('2027-04-16T00:30:00Z'),
    onSaleAt: ON_SALE_AT,
    waitingRoomEnabled: false,
    noOrphanSeats: true,
    prices: { General: 4500 },
  },
  {
    id: 'evt_stadium',
    venueId: 'ven_stadium',
    name: 'Stadium Flash Sale Night',
    description: 'Fifty thousand seats on sale at once: the flash-sale show for load runs.',
    category: 'concert',
    startsAt: new Date('2027-08-21T23:00:00Z'),
    onSaleAt: ON_SALE_AT,
    waitingRoomEnabled: true,
    noOrphanSeats: true,
    prices: { 'Lower Sideline': 12500, 'Lower End': 8500, Upper: 4500 },
  },
  {
    id: 'evt_warehouse',
    venueId: 'ven_warehouse',
    name: 'Warehouse Sessions – Club Night',
    description: 'A night of house and techno: 200 standing on the floor in front of the decks, 20 seats on the balcony.',
    category: 'club',
    startsAt: new Date('2027-05-22T03:00:00Z'),
    onSaleAt: ON_SALE_AT,
    waitingRoomEnabled: false,
    noOrphanSeats: true,
    prices: { Floor: 3500, Balcony: 5500 },
  },
];
