import type { SeatAttribute } from './venue-layout';

/**
 * Seats together, as pure functions (docs/architecture.md §4.8): which free seats a hold would
 * strand on their own, and which seats best available picks. A run is one block of one row
 * (between aisles or line breaks), its seats in number order; seats are together when they
 * follow each other in a run. The booking core decides with them; the seat picker warns with
 * the same function before it sends a hold.
 */

/** Which run a seat is in, within its event: seats with the same key and consecutive numbers are together. */
export function seatRunKey(seat: { section: string; row: string; block?: number }): string {
  // Ids and labels never contain a control character (idSchema): no two runs share a key.
  return [seat.section, seat.row, seat.block ?? 0].join('\u0001');
}

export interface RunSeat {
  id: string;
  number: number;
  /** Available and held by nobody, as the batch stands. */
  free: boolean;
  stageDistance: number;
  attributes: readonly SeatAttribute[];
}

/** One run: one block of one row, its seats in number order, with what ranks it: its nearest seat's distance to the stage. */
export interface SeatRun {
  key: string;
  seats: readonly RunSeat[];
  stageDistance: number;
}

/** What best available was asked for, after the request's filters chose the runs. */
export interface TogetherRequest {
  count: number;
  /** The group has a wheelchair user: the seats include a wheelchair space, and companion seats may be among them. */
  accessible: boolean;
  /** Companion seats went on general sale (close to the show): anyone may get them. */
  companionsOnSale: boolean;
}

/** The two passes of best available: seats with a clear view first, a restricted view only once none are left together. */
export const VIEW_PASSES = [{ restrictedView: false }, { restrictedView: true }] as const;
export type ViewPass = (typeof VIEW_PASSES)[number];

/**
 * The free seats a hold of `taking` would leave on their own: free afterwards, with no free
 * neighbour in their run, though one of their neighbours was free before. A seat that was
 * already alone (a single-seat gap someone else left) is not this hold's doing.
 */
export function strandedBy(run: SeatRun, taking: ReadonlySet<string>): RunSeat[] {
  const freeBefore = (i: number): boolean => run.seats[i]?.free === true;
  const freeAfter = (i: number): boolean => freeBefore(i) && !taking.has(run.seats[i]!.id);
  const stranded: RunSeat[] = [];
  run.seats.forEach((seat, i) => {
    if (!freeAfter(i) || freeAfter(i - 1) || freeAfter(i + 1)) return;
    if (freeBefore(i - 1) || freeBefore(i + 1)) stranded.push(seat);
  });
  return stranded;
}

/**
 * Best available: `count` seats together in one run, all free, none left stranded. Seats with
 * a clear view come first: a window with a restricted-view seat is picked only when no run has
 * a clear one. Then the run nearest the stage wins; within it, the window that keeps the most
 * room for further groups of the same size, then the one nearest the run's centre, then the
 * lowest seat number. Wheelchair spaces and companion seats are kept for the groups that need
 * them: only an accessible request gets them, and its window includes a wheelchair space.
 * Undefined when no run has such a window.
 */
export function pickTogether(runs: readonly SeatRun[], request: TogetherRequest): string[] | undefined {
  const ranked = [...runs].sort((a, b) => a.stageDistance - b.stageDistance || compareText(a.key, b.key));
  for (const pass of VIEW_PASSES) {
    for (const run of ranked) {
      const pick = pickInRun(run, request, pass);
      if (pick) return pick;
    }
  }
  return undefined;
}

/** The best window of one run in one pass of `pickTogether`, for a caller that walks the runs itself. */
export function pickInRun(run: SeatRun, request: TogetherRequest, pass: ViewPass): string[] | undefined {
  const { count } = request;
  const usable = run.seats.map((seat) => seat.free && (request.accessible || !isKept(seat, request)));
  const centre = (run.seats.length - 1) / 2;
  let best: { start: number; loss: number; offset: number } | undefined;
  // Windows lie within stretches of usable seats: a full or broken-up run costs one pass, not one per window.
  for (let from = 0; from < usable.length; from += 1) {
    if (!usable[from]) continue;
    let to = from;
    while (to < usable.length && usable[to]) to += 1;
    for (let start = from; start + count <= to; start += 1) {
      const window = run.seats.slice(start, start + count);
      if (request.accessible && !window.some((seat) => seat.attributes.includes('wheelchair'))) continue;
      if (!pass.restrictedView && window.some((seat) => seat.attributes.includes('restricted_view'))) continue;
      if (strandedBy(run, new Set(window.map((seat) => seat.id))).length > 0) continue;
      const loss = roomLostBy(usable, start, count);
      const offset = Math.abs(start + (count - 1) / 2 - centre);
      if (!best || loss < best.loss || (loss === best.loss && offset < best.offset)) best = { start, loss, offset };
    }
    from = to;
  }
  return best && run.seats.slice(best.start, best.start + count).map((seat) => seat.id);
}

/** Seats best available gives only to a group that asks for accessible seats. */
function isKept(seat: RunSeat, request: TogetherRequest): boolean {
  return seat.attributes.includes('wheelchair') || (seat.attributes.includes('companion') && !request.companionsOnSale);
}

/**
 * How many fewer groups of `count` the usable stretch around the window can still seat once
 * the window is taken. Taking seats from the end of a stretch costs one group; from its middle
 * it can cost two, which is how picking the centre of every row would seat half the buyers.
 */
function roomLostBy(usable: readonly boolean[], start: number, count: number): number {
  let from = start;
  while (from > 0 && usable[from - 1]) from -= 1;
  let to = start + count;
  while (to < usable.length && usable[to]) to += 1;
  return groupsFitting(to - from, count) - groupsFitting(start - from, count) - groupsFitting(to - start - count, count);
}

/** The most groups of `count` a stretch of `length` free seats seats without leaving one seat alone. */
export function groupsFitting(length: number, count: number): number {
  for (let groups = Math.floor(length / count); groups > 0; groups -= 1) {
    const left = length - groups * count;
    if (left !== 1) return groups;
  }
  return 0;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
