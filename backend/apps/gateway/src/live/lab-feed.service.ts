import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import type { BookingEvent, LabDecision } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { DisplayNames } from '../auth/display-names';
import { LiveRooms } from './live-rooms';

/**
 * The race lab: every decision of an event, as it happens, to the room
 * `lab:<eventId>`. Names are looked up in parallel, but each event's
 * decisions go out in the order they were decided. It shows who bought what,
 * so it runs in demo mode only (DEMO_MODE); otherwise nothing is recorded and
 * nobody may watch.
 */
@Injectable()
export class LabFeed implements BeforeApplicationShutdown {
  private readonly queues = new Map<string, Promise<void>>();
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly names: DisplayNames,
    private readonly rooms: LiveRooms,
  ) {}

  /** NOT_FOUND unless this deployment runs the race lab. */
  assertOpen(): void {
    if (!this.config.DEMO_MODE) throw new DomainError('NOT_FOUND', 'The race lab is part of the demo; this deployment does not run it.');
  }

  /** Takes a booking event; only decisions carry a trace (a replayed answer does not). */
  record(event: BookingEvent): void {
    const { trace } = event;
    if (!trace || this.closing || !this.config.DEMO_MODE) return;
    const name = this.names.nameOf(event.userId);
    const previous = this.queues.get(event.eventId) ?? Promise.resolve();
    const next = previous.then(async () => this.rooms.labDecision(labDecisionOf(event, trace, await name)));
    this.queues.set(event.eventId, next);
    void next.finally(() => {
      if (this.queues.get(event.eventId) === next) this.queues.delete(event.eventId);
    });
  }

  /**
   * Decisions waiting for a name go out before socket.io and its Redis
   * connections are disposed; none are taken after that.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.queues.values()]);
  }
}

export function labDecisionOf(event: BookingEvent, trace: NonNullable<BookingEvent['trace']>, userName: string): LabDecision {
  return {
    eventId: event.eventId,
    commandId: event.commandId,
    bookingId: event.bookingId,
    userName,
    seatIds: event.seatIds,
    status: event.status,
    ...(event.reason ? { reason: event.reason } : {}),
    ...(event.errorCode ? { errorCode: event.errorCode } : {}),
    partition: trace.partition,
    offset: trace.offset,
    decidedInMs: trace.decidedInMs,
    occurredAt: event.occurredAt,
  };
}
