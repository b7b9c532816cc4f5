import { SEAT_STATUSES, type SeatStatus } from '@seatstorm/contracts';

/** A seat status as one byte, its index in SEAT_STATUSES: the map keeps one per seat, 50,000 for a stadium. */
const STATUS_CODE = new Map<SeatStatus, number>(SEAT_STATUSES.map((status, code) => [status, code]));

export function statusCode(status: SeatStatus): number {
  return STATUS_CODE.get(status)!;
}

export const AVAILABLE_CODE = statusCode('available');
