import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { MessageProducer } from '@seatstorm/kafka';
import { OutboxRepository } from './outbox.repository';

const BATCH = 1000;

/**
 * Publishes the outbox in commit order (docs/architecture.md §5). Woken after
 * every decided batch and, as a safety net, on a timer, which is also what
 * republishes whatever a crash left unpublished.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly producer: MessageProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => this.logger.warn({ err: String(error) }, 'outbox relay failed; retrying'));
    }, this.config.OUTBOX_POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Publishes everything committed so far. Calls that arrive during a run
   * share the next run, so a burst of batches costs a few drains, not one each.
   */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.outbox.publishNext(BATCH, (messages) => this.producer.send(messages))) === BATCH);
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
