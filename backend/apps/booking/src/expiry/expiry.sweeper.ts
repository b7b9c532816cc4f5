import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { newCorrelationId, withCorrelation } from '@seatstorm/observability';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { bookingCommands, Topic } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
import { PollLoop } from '../polling/poll-loop';
import { ExpiryRepository, type OverdueHold } from './expiry.repository';

const BATCH = 500;
/**
 * An expire command once published waits in Kafka until it is decided, however
 * long the booking core takes: the same hold is asked for again only after
 * this long, in case its expiry was put off (docs/architecture.md §4.5).
 */
const ASK_AGAIN_AFTER_MS = 30_000;

/**
 * Finds holds whose time ran out and asks for their expiry through
 * `Topic.BookingCommands`, keyed by event, so an expiry is decided in line with the
 * event's holds, payments and cancellations and can never race them
 * (docs/architecture.md §4.5).
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpirySweeper.name);
  private readonly loop: PollLoop;
  /** When each expire command was last published, by command id. */
  private readonly asked = new Map<string, number>();
  /** The last hold of the sweep's previous page, when that page was full: the sweep goes on after it. */
  private after?: OverdueHold;

  constructor(
    private readonly expiry: ExpiryRepository,
    private readonly producer: MessageProducer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.loop = new PollLoop({
      name: 'expiry sweep',
      logger: this.logger,
      intervalMs: config.EXPIRY_SWEEP_INTERVAL_MS,
      batch: () => this.sweepPage(),
      // Each sweep is a request of its own: its expire commands, and all they cause, share one correlation id.
      around: (sweep) => withCorrelation(newCorrelationId(), sweep),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Goes once through every overdue hold, a page at a time, and asks for the
   * expiry of those not asked for lately. Holds stay overdue until their
   * commands are decided, which may take a while after a flash sale's expiry
   * wave: they are not asked for again meanwhile.
   */
  sweep(): Promise<void> {
    return this.loop.runNow();
  }

  /** One page of the sweep; true when it was full, so the sweep goes on. A page that fails starts the next sweep over. */
  private async sweepPage(): Promise<boolean> {
    const after = this.after;
    this.after = undefined;
    if (!after) {
      const now = Date.now();
      for (const [commandId, at] of this.asked) if (now - at >= ASK_AGAIN_AFTER_MS) this.asked.delete(commandId);
    }
    const page = await this.expiry.sweep(BATCH, after, (overdue) => this.requestExpiry(overdue));
    if (page.length < BATCH) return false;
    this.after = page[page.length - 1];
    return true;
  }

  private async requestExpiry(overdue: OverdueHold[]): Promise<void> {
    const issuedAt = new Date();
    // The same expiry asked for again is a replay (bookingCommands.expire), not asked for again while it is pending.
    const commands = overdue
      .map((hold) => bookingCommands.expire({ eventId: hold.eventId, bookingId: hold.bookingId }, hold.expiresAt, issuedAt))
      .filter((command) => !this.asked.has(command.commandId));
    if (commands.length === 0) return;
    await this.producer.publish(Topic.BookingCommands, commands);
    const at = Date.now();
    for (const command of commands) this.asked.set(command.commandId, at);
  }
}
