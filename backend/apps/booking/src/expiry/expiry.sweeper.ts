import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Topic, type BookingCommand } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
import { ExpiryRepository, type OverdueHold } from './expiry.repository';

const BATCH = 500;

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

  constructor(
    private readonly expiry: ExpiryRepository,
    private readonly producer: MessageProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.logger.warn({ err: String(error) }, 'expiry sweep failed; retrying'))
        .finally(() => (this.sweeping = undefined));
    }, this.config.EXPIRY_SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(): Promise<void> {
    while ((await this.expiry.sweep(BATCH, (overdue) => this.requestExpiry(overdue))) === BATCH);
  }

  private async requestExpiry(overdue: OverdueHold[]): Promise<void> {
    const issuedAt = new Date().toISOString();
    // One command id per hold and deadline: asking again for the same expiry is
    // a harmless replay, while a hold extended since gets a fresh command.
    const commands: BookingCommand[] = overdue.map((hold) => ({
      type: 'expire',
      commandId: `expire_${hold.bookingId}_${hold.expiresAt.getTime()}`,
      eventId: hold.eventId,
      issuedAt,
      bookingId: hold.bookingId,
    }));
    await this.producer.publish(Topic.BookingCommands, commands);
  }
}
