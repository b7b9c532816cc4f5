import type { Seat, SeatSnapshot } from '../catalog';
import type { SeatChange, SeatUpdated } from '../messages/seat-updated.message';
import { withStandingCounts, type StandingArea, type StandingCount } from '../standing';
import { timers, type TimerHandle } from './timers';

/** `idle` before `start`; `loading` while a snapshot loads (deltas are buffered meanwhile); `live`; `stopped`. */
export type SeatMapStatus = 'idle' | 'loading' | 'live' | 'stopped';

/** Why the snapshot was (re)loaded. */
export type ResyncReason = 'start' | 'reconnect' | 'gap';

export type SeatMapUpdate =
  | { kind: 'snapshot'; version: number; reason: ResyncReason }
  | { kind: 'delta'; version: number; changes: readonly SeatChange[]; areas?: readonly StandingCount[] };

export interface SeatMapSyncOptions {
  eventId: string;
  /** GET /events/:eventId/seats, or anything that answers the same snapshot. */
  loadSnapshot: (eventId: string) => Promise<SeatSnapshot>;
  /** How long a gap may wait for the missing delta before the snapshot is reloaded. */
  gapTimeoutMs?: number;
  /** The first wait before retrying a failed snapshot load; it doubles up to 10 s. */
  retryDelayMs?: number;
  /** A snapshot load failed (it is retried). */
  onError?: (error: unknown) => void;
}

const DEFAULT_GAP_TIMEOUT_MS = 1000;
const DEFAULT_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 10_000;
/** Deltas kept while loading or waiting for a gap to close; older ones go first (a resync covers them). */
const MAX_BUFFERED = 1000;

/**
 * One event's seat map kept equal to the database (docs/architecture.md §5),
 * with no framework and no socket library: it loads the snapshot, then applies
 * `seat.updated` deltas in version order.
 *
 * A delta applies when its `baseVersion` is at most the map's version and its
 * `version` beyond it. Equality is the usual case; a smaller `baseVersion` is
 * a delta the gateway coalesced across the version the map was loaded at, and
 * applying it is still exact, because a coalesced delta carries the final
 * status of every seat changed anywhere in its range. A delta at or below the
 * map's version is stale and ignored; one beyond it (a gap) is buffered until
 * the missing ones arrive, and if they do not within `gapTimeoutMs`, the
 * snapshot is reloaded. Deltas that arrive while a snapshot loads are kept and
 * applied on top of it, so none is lost between the read and the subscription.
 */
export class SeatMapSync {
  readonly eventId: string;
  private seatsById = new Map<string, Seat>();
  private standingAreas: StandingArea[] = [];
  private currentVersion = -1;
  private state: SeatMapStatus = 'idle';
  private buffered: SeatUpdated[] = [];
  private readonly listeners = new Set<(update: SeatMapUpdate) => void>();
  private gapTimer?: TimerHandle;
  private retryTimer?: TimerHandle;
  private retryDelayMs: number;
  /** Each load gets a number; only the latest one may install its snapshot (stopping supersedes them all). */
  private loads = 0;

  constructor(private readonly options: SeatMapSyncOptions) {
    this.eventId = options.eventId;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  }

  get status(): SeatMapStatus {
    return this.state;
  }

  /** The version the map is at; -1 until the first snapshot is in. */
  get version(): number {
    return this.currentVersion;
  }

  /** Seats by id. A changed seat is replaced by a new object, so a view can compare seats by identity. */
  get seats(): ReadonlyMap<string, Seat> {
    return this.seatsById;
  }

  /** The standing areas with how many places each has left (docs/architecture.md §15). */
  get areas(): readonly StandingArea[] {
    return this.standingAreas;
  }

  /** Called after every change of the map; returns the way to stop listening. */
  onUpdate(listener: (update: SeatMapUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the first snapshot. */
  start(): Promise<void> {
    return this.resync('start');
  }

  /**
   * The socket (re)joined the event's room, and the server's seats are at
   * `serverVersion` (the `subscribe` ack). A live map at that very version
   * missed nothing; any other map reloads.
   */
  subscribed(serverVersion?: number): Promise<void> {
    if (this.state === 'stopped') return Promise.resolve();
    if (this.state === 'idle') return this.start();
    if (this.state === 'live' && serverVersion === this.currentVersion) return Promise.resolve();
    return this.resync('reconnect');
  }

  /** Hands over one `seat.updated` message (of any event: others are ignored). */
  receive(delta: SeatUpdated): void {
    if (delta.eventId !== this.eventId || this.state === 'idle' || this.state === 'stopped') return;
    if (this.state === 'loading') {
      this.buffer(delta);
      return;
    }
    if (delta.version <= this.currentVersion) return;
    if (delta.baseVersion <= this.currentVersion) {
      this.apply(delta);
      this.drain();
      return;
    }
    this.buffer(delta);
    this.armGapTimer();
  }

  /** Reloads the snapshot; deltas that arrive meanwhile are applied on top of it. */
  async resync(reason: ResyncReason): Promise<void> {
    if (this.state === 'stopped') return;
    const load = ++this.loads;
    this.state = 'loading';
    this.clearTimers();
    let snapshot: SeatSnapshot;
    try {
      snapshot = await this.options.loadSnapshot(this.eventId);
    } catch (error) {
      if (load !== this.loads) return;
      this.options.onError?.(error);
      this.retryTimer = timers.setTimeout(() => void this.resync(reason), this.retryDelayMs);
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_DELAY_MS);
      return;
    }
    if (load !== this.loads) return;
    this.retryDelayMs = this.options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.seatsById = new Map(snapshot.seats.map((seat) => [seat.id, seat]));
    this.standingAreas = [...(snapshot.areas ?? [])];
    this.currentVersion = snapshot.version;
    this.state = 'live';
    this.notify({ kind: 'snapshot', version: snapshot.version, reason });
    this.drain();
  }

  stop(): void {
    this.state = 'stopped';
    this.loads += 1;
    this.clearTimers();
    this.buffered = [];
    this.listeners.clear();
  }

  private apply(delta: SeatUpdated): void {
    for (const change of delta.changes) {
      const seat = this.seatsById.get(change.seatId);
      if (seat) this.seatsById.set(change.seatId, { ...seat, status: change.status, bookingId: change.bookingId });
    }
    this.standingAreas = withStandingCounts(this.standingAreas, delta.areas);
    this.currentVersion = delta.version;
    this.notify({ kind: 'delta', version: delta.version, changes: delta.changes, ...(delta.areas ? { areas: delta.areas } : {}) });
  }

  /** Applies whatever the buffer now chains onto; keeps only what is still ahead. */
  private drain(): void {
    const ahead: SeatUpdated[] = [];
    for (const delta of this.buffered.sort((a, b) => a.baseVersion - b.baseVersion)) {
      if (delta.version <= this.currentVersion) continue;
      if (delta.baseVersion <= this.currentVersion) this.apply(delta);
      else ahead.push(delta);
    }
    this.buffered = ahead;
    if (ahead.length === 0) this.clearGapTimer();
    else this.armGapTimer();
  }

  private buffer(delta: SeatUpdated): void {
    this.buffered.push(delta);
    if (this.buffered.length > MAX_BUFFERED) this.buffered.shift();
  }

  private armGapTimer(): void {
    this.gapTimer ??= timers.setTimeout(() => {
      this.gapTimer = undefined;
      void this.resync('gap');
    }, this.options.gapTimeoutMs ?? DEFAULT_GAP_TIMEOUT_MS);
  }

  private clearGapTimer(): void {
    timers.clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
  }

  private clearTimers(): void {
    this.clearGapTimer();
    timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private notify(update: SeatMapUpdate): void {
    for (const listener of [...this.listeners]) listener(update);
  }
}
