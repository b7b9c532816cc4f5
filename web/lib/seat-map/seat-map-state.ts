import {
  DEFAULT_MAX_SEATS_PER_BOOKING,
  SEAT_STATUSES,
  withStandingCounts,
  type SeatChange,
  type SeatSnapshot,
  type SeatStatus,
  type StandingArea,
  type StandingCount,
  type StandingRequest,
} from '@seatstorm/contracts';
import type { SeatLayout } from './layout';
import { toMapSnapshot, type MapSnapshot } from './map-snapshot';
import { AVAILABLE_CODE as AVAILABLE, statusCode } from './status-codes';

export { statusCode } from './status-codes';

/**
 * The seat map as one browser sees it: the layout, every seat's status at a
 * version, this person's selection and bookings, and whether it is in sync.
 * Pure: a reducer the live hook drives with snapshots, deltas and clicks.
 */

/** What a seat looks like to this person (the `data-state` of a seat on the page). */
export type SeatState = 'available' | 'selected' | 'mine' | 'reserved' | 'paid' | 'confirmed' | 'blocked';

/**
 * `loading` before the first snapshot; `live` while changes arrive in order;
 * `behind` while a fresh snapshot loads after a gap; `reconnecting` while the
 * feed is down.
 */
export type SyncStatus = 'loading' | 'live' | 'behind' | 'reconnecting';

export type NoticeKind = 'taken' | 'limit' | 'unavailable' | 'hold-failed' | 'pending';

export interface Notice {
  kind: NoticeKind;
  message: string;
  /** Increases with every notice, so the same message shown twice is announced twice. */
  serial: number;
}

export interface SeatMapState {
  layout: SeatLayout | null;
  /** The seat version the statuses are at; -1 before the first snapshot. */
  version: number;
  /** Index into SEAT_STATUSES per seat (layout order). */
  statuses: Uint8Array;
  bookingIds: ReadonlyArray<string | null>;
  /** Selected seats in the order they were picked. */
  selected: readonly number[];
  /** Seats of a hold request still in flight: when they turn reserved it may well be by us. */
  holding: readonly number[];
  /** This person's live bookings; their seats show as `mine`. */
  mine: ReadonlySet<string>;
  sync: SyncStatus;
  notice: Notice | null;
  maxSeats: number;
  /**
   * Seats this buyer may still hold at this event (its per-buyer limit less what they hold), once
   * known; picking stops there as it does at `maxSeats`.
   */
  allowance: { remaining: number; limit: number } | null;
  /** `admin` picks seats to block or unblock: available and blocked seats, many at a time. */
  mode: SelectionMode;
  /** The event's standing areas, each with how many places are left, live (docs/architecture.md §15). */
  areas: readonly StandingArea[];
  /** Standing places this buyer chose (an area and how many), held with the selected seats; null for none. */
  standing: StandingRequest | null;
}

export type SelectionMode = 'buyer' | 'admin';

/** The most seats one block or unblock request may name (blockSeatsRequestSchema). */
export const ADMIN_MAX_SEATS = 10_000;

export type SeatMapAction =
  | { type: 'snapshot'; snapshot: SeatSnapshot }
  /** A snapshot already laid out (off the page's main thread, for a large venue). */
  | { type: 'loaded'; snapshot: MapSnapshot }
  /** Seat changes in version order (SeatMapSync has already chained, buffered and de-duplicated them). */
  | { type: 'changes'; version: number; changes: readonly SeatChange[]; areas?: readonly StandingCount[] }
  /** The buyer chose how many standing places of an area to hold (0: none). */
  | { type: 'set-standing'; areaId: string; quantity: number }
  | { type: 'toggle'; seatId: string }
  | { type: 'clear-selection' }
  | { type: 'hold-started' }
  /** The gateway answered 202: the hold waits in line (the booking service is slow or down). */
  | { type: 'hold-pending' }
  | { type: 'hold-succeeded'; bookingId: string; seatIds: readonly string[] }
  | { type: 'hold-failed'; lostSeatIds: readonly string[]; message?: string }
  | { type: 'my-bookings'; bookingIds: readonly string[] }
  | { type: 'allowance'; remaining: number; limit: number }
  | { type: 'resyncing' }
  | { type: 'connected' }
  | { type: 'disconnected' }
  | { type: 'dismiss-notice' };

export function statusAt(state: SeatMapState, index: number): SeatStatus {
  return SEAT_STATUSES[state.statuses[index] ?? AVAILABLE]!;
}

/** @param maxSeatsPerBooking the event's `maxSeatsPerBooking`: a buyer picks no more than one booking may claim */
export function initialSeatMapState(mode: SelectionMode = 'buyer', maxSeatsPerBooking = DEFAULT_MAX_SEATS_PER_BOOKING): SeatMapState {
  return {
    layout: null,
    version: -1,
    statuses: new Uint8Array(0),
    bookingIds: [],
    selected: [],
    holding: [],
    mine: new Set(),
    sync: 'loading',
    notice: null,
    maxSeats: mode === 'admin' ? ADMIN_MAX_SEATS : maxSeatsPerBooking,
    allowance: null,
    mode,
    areas: [],
    standing: null,
  };
}

/** How many seats and standing places the buyer has chosen: what one booking's limit counts. */
export function chosenCount(state: SeatMapState): number {
  return state.selected.length + (state.standing?.quantity ?? 0);
}

// An admin may select thousands of seats: look them up in a set, built once per selection.
const selectionSets = new WeakMap<readonly number[], ReadonlySet<number>>();

function isSelected(state: SeatMapState, index: number): boolean {
  if (state.selected.length <= 16) return state.selected.includes(index);
  let set = selectionSets.get(state.selected);
  if (!set) {
    set = new Set(state.selected);
    selectionSets.set(state.selected, set);
  }
  return set.has(index);
}

/** What seat `index` looks like to this person. */
export function seatStateAt(state: SeatMapState, index: number): SeatState {
  if (isSelected(state, index)) return 'selected';
  const status = statusAt(state, index);
  if (status === 'reserved' || status === 'paid' || status === 'confirmed') {
    const bookingId = state.bookingIds[index];
    if (bookingId && state.mine.has(bookingId)) return 'mine';
  }
  return status;
}

export function seatStateOf(state: SeatMapState, seatId: string): SeatState | null {
  const index = state.layout?.indexById.get(seatId);
  return index === undefined ? null : seatStateAt(state, index);
}

function listOfSeats(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/** "Seat C12 was just taken by someone else — pick another one." */
export function takenMessage(labels: readonly string[]): string {
  return labels.length === 1
    ? `Seat ${labels[0]} was just taken by someone else — pick another one.`
    : `Seats ${listOfSeats(labels)} were just taken by someone else — pick others.`;
}

export const PENDING_MESSAGE = 'The box office is busy: your hold is in line and will be decided in a moment. Keep this page open — it updates by itself.';

function withNotice(state: SeatMapState, kind: NoticeKind, message: string): SeatMapState {
  return { ...state, notice: { kind, message, serial: (state.notice?.serial ?? 0) + 1 } };
}

/** One seat's new status and booking, by its place in the layout. */
interface IndexedChange {
  index: number;
  code: number;
  bookingId: string | null;
}

/**
 * Applies seat changes (from a delta or from comparing snapshots): selected
 * seats someone else took leave the selection with a notice naming them.
 */
function applyChanges(state: SeatMapState, changes: readonly IndexedChange[], version: number): SeatMapState {
  const layout = state.layout!;
  const statuses = state.statuses.slice();
  const bookingIds = state.bookingIds.slice();
  const lost: number[] = [];
  for (const { index, code, bookingId } of changes) {
    statuses[index] = code;
    bookingIds[index] = bookingId;
    if (code !== AVAILABLE && state.mode === 'buyer' && state.selected.includes(index)) {
      const ours = bookingId !== null && state.mine.has(bookingId);
      if (!ours && !state.holding.includes(index)) lost.push(index);
    }
  }
  const next: SeatMapState = {
    ...state,
    statuses,
    bookingIds,
    version,
    selected: lost.length ? state.selected.filter((index) => !lost.includes(index)) : state.selected,
  };
  return lost.length ? withNotice(next, 'taken', takenMessage(lost.map((index) => layout.seats[index]!.label))) : next;
}

/** Sets how many places of an area the buyer wants, kept within the places left and the booking's limits. */
function setStanding(state: SeatMapState, areaId: string, quantity: number): SeatMapState {
  const area = state.areas.find((candidate) => candidate.id === areaId);
  if (!area || state.mode !== 'buyer' || state.holding.length) return state;
  if (quantity <= 0) return { ...state, standing: null };
  const room = Math.min(state.maxSeats, state.allowance?.remaining ?? Infinity) - state.selected.length;
  const wanted = Math.min(quantity, area.available, room);
  if (wanted < quantity) {
    const why =
      wanted === area.available
        ? `Only ${area.available} standing place${area.available === 1 ? ' is' : 's are'} left in ${area.id}.`
        : `You can pick up to ${state.maxSeats} seats and places at a time.`;
    return withNotice({ ...state, standing: wanted > 0 ? { areaId, quantity: wanted } : null }, 'limit', why);
  }
  return { ...state, standing: { areaId, quantity } };
}

function indexed(layout: SeatLayout, changes: readonly SeatChange[]): IndexedChange[] {
  return changes.flatMap(({ seatId, status, bookingId }) => {
    const index = layout.indexById.get(seatId);
    return index === undefined ? [] : [{ index, code: statusCode(status), bookingId }];
  });
}

function applySnapshot(state: SeatMapState, snapshot: MapSnapshot): SeatMapState {
  if (state.layout !== snapshot.layout) {
    return {
      ...state,
      layout: snapshot.layout,
      version: snapshot.version,
      statuses: snapshot.statuses,
      bookingIds: snapshot.bookingIds,
      selected: [],
      holding: [],
      areas: snapshot.areas,
      sync: 'live',
    };
  }
  // An older snapshot than what the deltas already gave us would step back in time.
  if (snapshot.version < state.version) return { ...state, sync: 'live' };
  state = { ...state, areas: snapshot.areas };
  const changes: IndexedChange[] = [];
  for (let index = 0; index < snapshot.statuses.length; index += 1) {
    const code = snapshot.statuses[index]!;
    const bookingId = snapshot.bookingIds[index] ?? null;
    if (code !== state.statuses[index] || bookingId !== state.bookingIds[index]) changes.push({ index, code, bookingId });
  }
  const next = changes.length ? applyChanges(state, changes, snapshot.version) : { ...state, version: snapshot.version };
  return { ...next, sync: 'live' };
}

function toggle(state: SeatMapState, seatId: string): SeatMapState {
  const layout = state.layout;
  const index = layout?.indexById.get(seatId);
  if (!layout || index === undefined || state.holding.length) return state;
  if (isSelected(state, index)) return { ...state, selected: state.selected.filter((i) => i !== index) };
  const label = layout.seats[index]!.label;
  const status = statusAt(state, index);
  const selectable = status === 'available' || (state.mode === 'admin' && status === 'blocked');
  if (!selectable) {
    const shown = seatStateAt(state, index);
    const why = shown === 'mine' ? 'is already yours' : shown === 'blocked' ? 'is not on sale' : 'is already taken';
    return withNotice(state, 'unavailable', `Seat ${label} ${why}.`);
  }
  if (chosenCount(state) >= state.maxSeats) {
    return withNotice(state, 'limit', `You can pick up to ${state.maxSeats} seats at a time.`);
  }
  if (state.allowance && chosenCount(state) >= state.allowance.remaining) {
    const { remaining, limit } = state.allowance;
    const more = remaining === 0 ? 'no more seats' : `only ${remaining} more seat${remaining === 1 ? '' : 's'}`;
    return withNotice(state, 'limit', `Each buyer can have ${limit} seats at this event: you can pick ${more}.`);
  }
  const next = { ...state, selected: [...state.selected, index] };
  return state.notice?.kind === 'limit' || state.notice?.kind === 'unavailable' ? { ...next, notice: null } : next;
}

export function seatMapReducer(state: SeatMapState, action: SeatMapAction): SeatMapState {
  switch (action.type) {
    case 'snapshot':
      return applySnapshot(state, toMapSnapshot(action.snapshot, state.layout));
    case 'loaded':
      return applySnapshot(state, action.snapshot);
    case 'changes': {
      if (!state.layout || action.version <= state.version) return state;
      const next = applyChanges(state, indexed(state.layout, action.changes), action.version);
      return action.areas ? { ...next, areas: withStandingCounts(next.areas, action.areas) } : next;
    }
    case 'set-standing':
      return setStanding(state, action.areaId, action.quantity);
    case 'toggle':
      return toggle(state, action.seatId);
    case 'clear-selection':
      return { ...state, selected: [], standing: null };
    case 'hold-started':
      return { ...state, holding: state.selected, notice: null };
    case 'hold-succeeded': {
      // Show the seats as ours at once; the delta (or the next snapshot) that follows says the same.
      const statuses = state.statuses.slice();
      const bookingIds = state.bookingIds.slice();
      for (const seatId of action.seatIds) {
        const index = state.layout?.indexById.get(seatId);
        if (index === undefined) continue;
        statuses[index] = statusCode('reserved');
        bookingIds[index] = action.bookingId;
      }
      const mine = new Set(state.mine).add(action.bookingId);
      const notice = state.notice?.kind === 'pending' ? null : state.notice;
      return { ...state, statuses, bookingIds, mine, selected: [], standing: null, holding: [], notice };
    }
    case 'hold-pending':
      return withNotice(state, 'pending', PENDING_MESSAGE);
    case 'hold-failed': {
      const layout = state.layout;
      const lost = action.lostSeatIds.flatMap((id) => {
        const index = layout?.indexById.get(id);
        return index === undefined ? [] : [index];
      });
      const next = { ...state, holding: [], selected: state.selected.filter((index) => !lost.includes(index)) };
      if (lost.length && layout) return withNotice(next, 'taken', takenMessage(lost.map((index) => layout.seats[index]!.label)));
      return action.message ? withNotice(next, 'hold-failed', action.message) : next;
    }
    case 'my-bookings':
      if (action.bookingIds.every((id) => state.mine.has(id))) return state;
      return { ...state, mine: new Set([...state.mine, ...action.bookingIds]) };
    case 'allowance':
      if (state.allowance?.remaining === action.remaining && state.allowance.limit === action.limit) return state;
      return { ...state, allowance: { remaining: action.remaining, limit: action.limit } };
    case 'resyncing':
      return state.layout ? { ...state, sync: 'behind' } : state;
    case 'connected':
      return state.sync === 'reconnecting' ? { ...state, sync: 'live' } : state;
    case 'disconnected':
      return state.sync === 'loading' ? state : { ...state, sync: 'reconnecting' };
    case 'dismiss-notice':
      return { ...state, notice: null };
  }
}

/** How many seats are in each state, for the legend and the test hook. */
export function countStates(state: SeatMapState): Record<SeatState, number> {
  const counts: Record<SeatState, number> = { available: 0, selected: 0, mine: 0, reserved: 0, paid: 0, confirmed: 0, blocked: 0 };
  const total = state.layout?.seats.length ?? 0;
  for (let index = 0; index < total; index += 1) counts[seatStateAt(state, index)] += 1;
  return counts;
}
