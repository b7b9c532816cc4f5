import type { SeatChange, SeatUpdated, StandingCount } from '@seatstorm/contracts';

/**
 * What the coalescer did with a pushed delta (the `outcome` label of
 * seatstorm_live_seat_deltas_total): sent it at once; held it for the end of
 * the tick; merged it into the held one; dropped it as already seen; or sent
 * it as it is after a gap in the chain.
 */
export type CoalescerAction = 'emitted' | 'delayed' | 'merged' | 'duplicate' | 'gap';

interface EventState {
  /** The version of the last delta accepted (sent or held). */
  version: number;
  sentAt: number;
  held?: { baseVersion: number; version: number; changes: Map<string, SeatChange>; areas: Map<string, StandingCount> };
  timer?: NodeJS.Timeout;
}

/**
 * Sends at most one `Topic.SeatUpdated` per event per tick (docs/architecture.md
 * §5). The first delta after a quiet tick goes out at once, so a lone change
 * costs no latency; deltas that follow within the tick are merged into one
 * message sent when the tick ends: every change of the tick with the last
 * status per seat, the last count of places left per standing area, the first `baseVersion`
 * and the last `version`.
 *
 * The output still chains. A delta at or below the last version accepted is a
 * republished duplicate and is dropped; one whose `baseVersion` is ahead of it
 * (something was lost upstream) cannot be merged without hiding the gap, so
 * what is held goes out first and the delta follows as it is: clients see the
 * gap and reload.
 *
 * Nothing held may be forgotten by Kafka: `drained()` tells the relay when
 * every delta pushed so far has gone out, and only then does it commit their
 * offsets. A gateway that stops or dies while holding a tick's changes leaves
 * them uncommitted, and whichever instance takes the partition over sends them.
 */
export class SeatDeltaCoalescer {
  private readonly events = new Map<string, EventState>();
  private waiting: Array<() => void> = [];

  constructor(
    private readonly tickMs: number,
    private readonly emit: (delta: SeatUpdated) => void,
  ) {}

  /** Resolves once every delta pushed so far has been sent (or the coalescer closed). */
  drained(): Promise<void> {
    if (![...this.events.values()].some((state) => state.held)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  push(delta: SeatUpdated): CoalescerAction {
    const state = this.events.get(delta.eventId);
    if (!state) {
      const first: EventState = { version: delta.version, sentAt: 0 };
      this.events.set(delta.eventId, first);
      this.send(first, delta);
      return 'emitted';
    }
    if (delta.version <= state.version) return 'duplicate';
    if (delta.baseVersion > state.version) {
      this.flush(delta.eventId);
      state.version = delta.version;
      this.send(state, delta);
      return 'gap';
    }
    state.version = delta.version;
    if (state.held) {
      state.held.version = delta.version;
      for (const change of delta.changes) state.held.changes.set(change.seatId, change);
      for (const area of delta.areas ?? []) state.held.areas.set(area.areaId, area);
      return 'merged';
    }
    const wait = state.sentAt + this.tickMs - Date.now();
    if (wait <= 0) {
      this.send(state, delta);
      return 'emitted';
    }
    state.held = {
      baseVersion: delta.baseVersion,
      version: delta.version,
      changes: new Map(delta.changes.map((c) => [c.seatId, c])),
      areas: new Map((delta.areas ?? []).map((area) => [area.areaId, area])),
    };
    state.timer = setTimeout(() => this.flush(delta.eventId), wait);
    return 'delayed';
  }

  /**
   * Stops the timers; what is held is dropped, uncommitted (the relay's
   * consumers stop first, after their last batch drained, so normally nothing is).
   */
  close(): void {
    for (const state of this.events.values()) clearTimeout(state.timer);
    this.events.clear();
    this.wakeDrained();
  }

  private flush(eventId: string): void {
    const state = this.events.get(eventId);
    if (!state?.held) return;
    const { baseVersion, version, changes, areas } = state.held;
    clearTimeout(state.timer);
    state.held = undefined;
    state.timer = undefined;
    this.send(state, { eventId, baseVersion, version, changes: [...changes.values()], ...(areas.size > 0 ? { areas: [...areas.values()] } : {}) });
    if (![...this.events.values()].some((other) => other.held)) this.wakeDrained();
  }

  private wakeDrained(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private send(state: EventState, delta: SeatUpdated): void {
    state.sentAt = Date.now();
    this.emit(delta);
  }
}
