import { statusAt, type SeatMapState } from './seat-map/seat-map-state';
import type { SeatStatus } from '@seatstorm/contracts';

/** An event's sales as its live seat map shows them. */
export interface SalesSummary {
  byStatus: Record<SeatStatus, number>;
  /** Seats paid or confirmed. */
  sold: number;
  /** Cents taken for sold seats. */
  revenue: number;
  /** Cents of seats held right now and not yet paid. */
  held: number;
}

export function salesSummary(state: SeatMapState): SalesSummary {
  const byStatus: Record<SeatStatus, number> = { available: 0, reserved: 0, paid: 0, confirmed: 0, blocked: 0 };
  let revenue = 0;
  let held = 0;
  state.layout?.seats.forEach((seat, index) => {
    const status = statusAt(state, index);
    byStatus[status] += 1;
    if (status === 'paid' || status === 'confirmed') revenue += seat.price;
    if (status === 'reserved') held += seat.price;
  });
  return { byStatus, sold: byStatus.paid + byStatus.confirmed, revenue, held };
}
