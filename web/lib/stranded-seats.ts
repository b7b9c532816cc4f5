import { seatRunKey, strandedBy, type SeatRun } from '@seatstorm/contracts';
import type { LayoutSeat, SeatLayout } from './seat-map/layout';
import { statusCode, type SeatMapState } from './seat-map/seat-map-state';

/** Each run's seats (layout indexes) in number order, built once per layout: a stadium has 50,000 seats. */
const runsByLayout = new WeakMap<SeatLayout, ReadonlyMap<string, readonly number[]>>();

function runsOf(layout: SeatLayout): ReadonlyMap<string, readonly number[]> {
  const known = runsByLayout.get(layout);
  if (known) return known;
  const runs = new Map<string, number[]>();
  layout.seats.forEach((seat, index) => {
    const key = seatRunKey(seat);
    const run = runs.get(key);
    if (run) run.push(index);
    else runs.set(key, [index]);
  });
  for (const run of runs.values()) run.sort((a, b) => layout.seats[a]!.number - layout.seats[b]!.number);
  runsByLayout.set(layout, runs);
  return runs;
}

/**
 * The free seats a hold of the selection would leave on their own in their runs: what the
 * booking core refuses with ORPHAN_SEAT on an event with `noOrphanSeats` (docs/architecture.md
 * §4.8), decided by the same function on the map as this browser has it. A seat is free when it
 * is available and nobody's.
 */
export function strandedBySelection(state: Pick<SeatMapState, 'layout' | 'statuses' | 'bookingIds' | 'selected'>): LayoutSeat[] {
  const { layout, selected } = state;
  if (!layout || selected.length === 0) return [];
  const runs = runsOf(layout);
  const available = statusCode('available');
  const taking = new Set(selected.map((index) => layout.seats[index]!.id));
  const touched = new Set(selected.map((index) => seatRunKey(layout.seats[index]!)));
  return [...touched].flatMap((key) => {
    const indexes = runs.get(key) ?? [];
    const run: SeatRun = {
      key,
      // Distances to the stage rank runs for best available; stranding does not look at them.
      stageDistance: 0,
      seats: indexes.map((index) => {
        const seat = layout.seats[index]!;
        const free = state.statuses[index] === available && state.bookingIds[index] === null;
        return { id: seat.id, number: seat.number, free, stageDistance: 0, attributes: seat.attributes ?? [] };
      }),
    };
    return strandedBy(run, taking).map((seat) => layout.seats[layout.indexById.get(seat.id)!]!);
  });
}

/** "This would leave seat A3 on its own — include it or pick seats beside it." */
export function strandedWarning(stranded: readonly Pick<LayoutSeat, 'label'>[]): string {
  const labels = stranded.map((seat) => seat.label);
  if (labels.length === 1) return `This would leave seat ${labels[0]} on its own — include it or pick seats beside it.`;
  const named = `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `This would leave seats ${named} each on their own — include them or pick seats beside them.`;
}
