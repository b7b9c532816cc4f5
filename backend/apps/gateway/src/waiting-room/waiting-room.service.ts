import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { estimatedWaitSeconds, type PublicUser, type QueuePlace, type WaitingRoomStats } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { AdmissionPasses } from './admission-passes';
import { RoomSettingsCache, type RoomSettings } from './room-settings';
import { WaitingRoomStore, type RoomClock, type RoomFigures } from './waiting-room.store';

/**
 * The virtual waiting room (docs/architecture.md §8): buyers take one place
 * per account, learn where they are, and leave with an admission pass, which
 * a hold must carry while the event's room is on.
 */
@Injectable()
export class WaitingRoomService {
  private readonly logger = new Logger(WaitingRoomService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: WaitingRoomStore,
    private readonly settings: RoomSettingsCache,
    private readonly passes: AdmissionPasses,
  ) {}

  /** Takes the buyer's place (or finds the one they have) and says where it is. */
  join(user: PublicUser, eventId: string): Promise<QueuePlace> {
    return this.place(user, eventId, true);
  }

  /** Where the buyer is, without taking a place. */
  find(user: PublicUser, eventId: string): Promise<QueuePlace> {
    return this.place(user, eventId, false);
  }

  async leave(user: PublicUser, eventId: string): Promise<void> {
    await this.enabledRoom(eventId);
    await this.reach(() => this.store.leave(eventId, user.id));
  }

  async stats(eventId: string): Promise<WaitingRoomStats> {
    const settings = await this.settings.get(eventId);
    const now = Date.now();
    return statsOf(settings, await this.reach(() => this.store.figures(eventId, now, this.passTtlMs())), now, this.config.ADMISSION_START_PER_MINUTE);
  }

  /**
   * Whether a hold comes with the buyer's own unexpired pass for this event:
   * checked here by its signature alone (no Redis, no catalog), so the holds
   * of admitted buyers go on whatever else is away. A pass that is not valid
   * is refused here (ADMISSION_REQUIRED); none at all is for the booking core
   * to judge, which knows, with the event locked, whether its room is on.
   */
  admitted(user: PublicUser, eventId: string, pass: string | undefined): boolean {
    if (pass === undefined) return false;
    this.passes.verify(pass, user.id, eventId);
    return true;
  }

  clock(settings: RoomSettings, now: number): RoomClock {
    return { now, onSaleAt: settings.onSaleAt, passTtlMs: this.passTtlMs(), seed: randomInt(2 ** 31 - 1) };
  }

  private async place(user: PublicUser, eventId: string, take: boolean): Promise<QueuePlace> {
    const settings = await this.enabledRoom(eventId);
    const clock = this.clock(settings, Date.now());
    const [place, figures] = await this.reach(async () => {
      const found = await this.store.place(eventId, user.id, clock, take);
      return [found, await this.store.figures(eventId, clock.now, clock.passTtlMs)] as const;
    });
    const room = statsOf(settings, figures, clock.now, this.config.ADMISSION_START_PER_MINUTE);
    switch (place.kind) {
      case 'admitted': {
        const { pass, expiresAt } = this.passes.issue(user.id, eventId, place.admittedAt);
        return { status: 'admitted', eventId, pass, passExpiresAt: expiresAt.toISOString(), room };
      }
      case 'pre':
        return { status: 'waiting', eventId, ticket: null, ahead: null, estimatedWaitSeconds: null, room };
      case 'queued':
        return {
          status: 'waiting',
          eventId,
          ticket: place.ticket,
          ahead: place.ahead,
          estimatedWaitSeconds: estimatedWaitSeconds(place.ahead, room.admittedPerMinute),
          room,
        };
      case 'none':
        return { status: 'not-queued', eventId, room };
    }
  }

  private async enabledRoom(eventId: string): Promise<RoomSettings> {
    const settings = await this.settings.get(eventId);
    if (!settings.enabled) throw new DomainError('NOT_FOUND', 'This event has no waiting room: go straight to the seat map.', { eventId });
    return settings;
  }

  /** Redis is where the queue lives: without it, a clear refusal, never a silent admission. */
  private async reach<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'waiting room unreachable');
      throw new DomainError(
        'WAITING_ROOM_UNAVAILABLE',
        'The waiting room cannot be reached right now, so nobody is being let in. This page keeps trying by itself.',
      );
    }
  }

  private passTtlMs(): number {
    return this.config.WAITING_ROOM_PASS_TTL * 1000;
  }
}

/** The room as everyone sees it: the stored figures with the settings in force. */
export function statsOf(settings: RoomSettings, figures: RoomFigures, now: number, startPerMinute: number): WaitingRoomStats {
  const rate = settings.admissionPerMinute ?? figures.rate ?? startPerMinute;
  return {
    eventId: settings.eventId,
    enabled: settings.enabled,
    phase: figures.phase === 'open' || now >= settings.onSaleAt ? 'open' : 'pre',
    onSaleAt: new Date(settings.onSaleAt).toISOString(),
    waiting: figures.waiting,
    admittedCount: figures.admittedCount,
    admittedPerMinute: settings.paused ? 0 : Math.round(rate),
    admittedLastMinute: figures.admittedLastMinute,
    passesInUse: figures.passesInUse,
    fixedPerMinute: settings.admissionPerMinute,
    paused: settings.paused,
    at: new Date(now).toISOString(),
  };
}
