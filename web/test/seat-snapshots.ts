import type { Seat, SeatSnapshot, SeatUpdated } from '@seatstorm/contracts';

/** Test data: a small venue of rows A (VIP) and C (Regular), like the Eras Tour map. */
export function seat(label: string, overrides: Partial<Seat> = {}): Seat {
  const row = label.charAt(0);
  const number = Number(label.slice(1));
  return {
    id: `evt_test_${label}`,
    label,
    section: 'Floor',
    row,
    number,
    tier: row === 'A' ? 'VIP' : 'Regular',
    price: row === 'A' ? 22_500 : 15_000,
    x: number * 1.2,
    y: (row.charCodeAt(0) - 65) * 1.6,
    status: 'available',
    bookingId: null,
    ...overrides,
  };
}

export function snapshot(version: number, seats: Seat[]): SeatSnapshot {
  return { eventId: 'evt_test', version, seats, areas: [] };
}

export function venue(version = 0, overrides: Record<string, Partial<Seat>> = {}): SeatSnapshot {
  const labels = ['A1', 'A2', 'A3', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12'];
  return snapshot(
    version,
    labels.map((label) => seat(label, overrides[label])),
  );
}

export function delta(baseVersion: number, version: number, changes: Array<[label: string, status: Seat['status'], bookingId: string | null]>): SeatUpdated {
  return {
    eventId: 'evt_test',
    baseVersion,
    version,
    changes: changes.map(([label, status, bookingId]) => ({ seatId: `evt_test_${label}`, status, bookingId })),
  };
}
