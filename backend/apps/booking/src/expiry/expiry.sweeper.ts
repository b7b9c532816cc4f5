import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { newCorrelationId, withCorrelation } from '@seatstorm/observability';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { bookingCommands, Topic } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
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
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  /** When each expire command was last published, by command id. */
  private readonly asked = new Map<string, number>();

  constructor(
    private readonly expiry: ExpiryRepository,
    private readonly producer: MessageProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // Each sweep is a request of its own: its expire commands, and all they cause, share one correlation id.
      this.sweeping ??= withCorrelation(newCorrelationId(), () => this.sweep())
        .catch((error: unknown) => this.logger.warn({ err: String(error) }, 'expiry sweep failed; retrying'))
        .finally(() => (this.sweeping = undefined));
    }, this.config.EXPIRY_SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /**
   * Goes once through every overdue hold, a page at a time, and asks for the
   * expiry of those not asked for lately. Holds stay overdue until their
   * commands are decided, which may take a while after a flash sale's expiry
   * wave: they are not asked for again meanwhile.
   */
  async sweep(): Promise<void> {
    const now = Date.now();
    for (const [commandId, at] of this.asked) if (now - at >= ASK_AGAIN_AFTER_MS) this.asked.delete(commandId);
    let page: OverdueHold[] = [];
    do {
      page = await this.expiry.sweep(BATCH, page[page.length - 1], (overdue) => this.requestExpiry(overdue));
    } while (page.length === BATCH);
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
