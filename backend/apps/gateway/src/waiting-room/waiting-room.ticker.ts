import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { roomOfQueue, roomOfUser, SocketEvent } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { LiveServer } from '../live/live-socket';
import { AdmissionPasses } from './admission-passes';
import { DecisionSignalRecorder } from './decision-signal';
import { RoomSettingsCache, type RoomSettings } from './room-settings';
import { waitingRoomAdmitted, waitingRoomRate, waitingRoomWaiting } from './waiting-room.metrics';
import { admissionsDue, nextAdaptiveRate, type AdaptivePolicy, type DecisionSignal } from './waiting-room.rules';
import { statsOf, WaitingRoomService } from './waiting-room.service';
import { WaitingRoomStore } from './waiting-room.store';

/** A tick never makes up for more than this many missed ticks: a room nobody ticked for a while lets in no burst. */
const MAX_TICKS_MADE_UP = 2;

/**
 * Moves every waiting room once per tick. Every gateway reports how fast its
 * holds were decided; one of them, holding a lease in Redis, admits the next
 * buyers of each room at the rate in force, hands each their pass on their
 * own sockets, and tells everyone waiting where the room stands: one
 * broadcast per room and tick, from which each page works out its own place.
 */
@Injectable()
export class WaitingRoomTicker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WaitingRoomTicker.name);
  private readonly instance = `gw_${randomUUID()}`;
  private readonly policy: AdaptivePolicy;
  private server?: LiveServer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failing = false;
  private holdsLease = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: WaitingRoomStore,
    private readonly settings: RoomSettingsCache,
    private readonly rooms: WaitingRoomService,
    private readonly passes: AdmissionPasses,
    private readonly signal: DecisionSignalRecorder,
  ) {
    this.policy = {
      targetDecisionMs: config.ADMISSION_TARGET_DECISION_MS,
      minPerMinute: config.ADMISSION_MIN_PER_MINUTE,
      maxPerMinute: config.ADMISSION_MAX_PER_MINUTE,
    };
  }

  /** Called by the socket gateway once socket.io is up. */
  attach(server: LiveServer): void {
    this.server = server;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.config.WAITING_ROOM_TICK_MS);
  }

  /** Before Redis and socket.io close: the last tick finishes while both are still there. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    // The next gateway takes over at once instead of when the lease runs out.
    if (this.holdsLease) await this.store.releaseLease(this.instance).catch(() => undefined);
  }

  /** One round: report this gateway's decisions, and admit if this gateway holds the lease. */
  async tick(now = Date.now()): Promise<void> {
    const tickMs = this.config.WAITING_ROOM_TICK_MS;
    try {
      const own = this.signal.drain();
      if (own.count > 0) await this.store.reportSignal(this.instance, own, now);
      this.holdsLease = await this.store.lease(this.instance, tickMs * 3);
      if (!this.holdsLease) return;
      const signal = combined(await this.store.signals(now - tickMs * 3));
      for (const eventId of await this.store.activeRooms()) {
        await this.tickRoom(eventId, now, signal).catch((error: unknown) => this.logger.warn({ err: String(error), eventId }, 'waiting room tick failed'));
      }
      if (this.failing) this.logger.log('waiting rooms ticking again');
      this.failing = false;
    } catch (error) {
      // Redis is away: nobody is admitted, and every page says so (WAITING_ROOM_UNAVAILABLE).
      if (!this.failing) this.logger.warn({ err: String(error) }, 'waiting rooms cannot tick');
      this.failing = true;
      this.holdsLease = false;
    }
  }

  private async tickRoom(eventId: string, now: number, signal: DecisionSignal): Promise<void> {
    let settings: RoomSettings;
    try {
      settings = await this.settings.get(eventId, now);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') await this.store.forget(eventId);
      throw error;
    }
    const clock = this.rooms.clock(settings, now);
    if (!settings.enabled) {
      // Turned off: the event sells without a queue; those still waiting are told so and go to the map.
      const figures = await this.store.figures(eventId, now, clock.passTtlMs);
      await this.store.forget(eventId);
      this.broadcast(settings, { ...figures, waiting: 0 }, now);
      return;
    }
    const figures = await this.store.figures(eventId, now, clock.passTtlMs);
    const adaptive = nextAdaptiveRate(figures.rate ?? this.config.ADMISSION_START_PER_MINUTE, signal, this.policy);
    const rate = settings.paused ? 0 : (settings.admissionPerMinute ?? adaptive);
    const elapsed = figures.last === '' ? 0 : Math.min(now - Number(figures.last), this.config.WAITING_ROOM_TICK_MS * MAX_TICKS_MADE_UP);
    const due = admissionsDue(rate, elapsed, figures.carry);
    const admitted = await this.store.admit(eventId, clock, { lastSeen: figures.last, admit: due.admit, carry: due.carry, rate: adaptive });
    for (const userId of admitted) {
      const { pass, expiresAt } = this.passes.issue(userId, eventId, now);
      this.server?.to(roomOfUser(userId)).emit(SocketEvent.QueueAdmitted, { eventId, pass, passExpiresAt: expiresAt.toISOString() });
    }
    waitingRoomAdmitted.inc({ event: eventId }, admitted.length);
    waitingRoomRate.set({ event: eventId }, rate);
    this.broadcast(settings, await this.store.figures(eventId, now, clock.passTtlMs), now);
  }

  private broadcast(settings: RoomSettings, figures: Parameters<typeof statsOf>[1], now: number): void {
    const stats = statsOf(settings, figures, now, this.config.ADMISSION_START_PER_MINUTE);
    waitingRoomWaiting.set({ event: settings.eventId }, stats.waiting);
    this.server?.to(roomOfQueue(settings.eventId)).emit(SocketEvent.QueueUpdated, stats);
  }
}

/** Every gateway's figures as one: all their holds, and the worst p90 among them. */
function combined(signals: ReadonlyArray<DecisionSignal>): DecisionSignal {
  const busy = signals.filter((signal) => signal.count > 0);
  return { count: busy.reduce((total, signal) => total + signal.count, 0), p90Ms: Math.max(0, ...busy.map((signal) => signal.p90Ms)) };
}
