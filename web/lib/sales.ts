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

/** The sold count at one instant. */
export interface SalesSample {
  at: number;
  sold: number;
}

/**
 * Seats sold in each of the last `minutes` whole minutes up to `now`, oldest
 * first, from samples of the sold count (a refund makes a minute negative).
 * A minute before the first sample counts as 0.
 */
export function salesPerMinute(samples: readonly SalesSample[], now: number, minutes: number): number[] {
  const soldAt = (time: number): number | undefined => {
    let value: number | undefined;
    for (const sample of samples) {
      if (sample.at > time) break;
      value = sample.sold;
    }
    return value;
  };
  const first = samples[0];
  return Array.from({ length: minutes }, (_, i) => {
    const end = now - (minutes - 1 - i) * 60_000;
    const start = end - 60_000;
    const atEnd = soldAt(end);
    if (atEnd === undefined || !first) return 0;
    return atEnd - (soldAt(start) ?? first.sold);
  });
}
