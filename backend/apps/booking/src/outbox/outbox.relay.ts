import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { isRefusedByBroker, MAX_MESSAGE_BYTES, MessageProducer, sizeOf } from '@seatstorm/kafka';
import { PollLoop } from '../polling/poll-loop';
import { outboxBacklog, outboxOldestAge } from './outbox.metrics';
import { OutboxRepository, type OutboxEntry, type SetAside } from './outbox.repository';

const BATCH = 1000;

/**
 * Publishes the outbox in commit order (docs/architecture.md §5). Woken after
 * every decided batch and, as a safety net, on a timer, which is also what
 * republishes whatever a crash left unpublished.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop: PollLoop;
  private readonly stopMeasuring: Array<() => void> = [];

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly producer: MessageProducer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.loop = new PollLoop({
      name: 'outbox relay',
      logger: this.logger,
      intervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      batch: async () => (await this.outbox.publishNext(BATCH, (messages) => this.publish(messages))) === BATCH,
    });
  }

  onApplicationBootstrap(): void {
    // Both gauges of one scrape share one query.
    let reading: ReturnType<OutboxRepository['backlog']> | undefined;
    const backlog = () => (reading ??= this.outbox.backlog().finally(() => (reading = undefined)));
    this.stopMeasuring.push(
      outboxBacklog.readWith(async () => (await backlog()).messages),
      outboxOldestAge.readWith(async () => (await backlog()).oldestAgeSeconds),
    );
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const stop of this.stopMeasuring.splice(0)) stop();
    await this.loop.stop();
  }

  /**
   * Publishes everything committed so far. Calls that arrive during a run
   * share it, and it drains once more for them, so a burst of batches costs a
   * few drains, not one each.
   */
  flush(): Promise<void> {
    return this.loop.runNow();
  }

  /**
   * Publishes messages in order and returns those Kafka can never take, set
   * aside with the reason, so that one bad message never holds up the ones
   * behind it. A message over the size limit is not even tried. Anything
   * else that fails (the broker away) fails the whole run, to be tried again.
   */
  private async publish(messages: readonly OutboxEntry[]): Promise<SetAside[]> {
    const setAside: SetAside[] = [];
    const sendable = messages.filter((message) => {
      const bytes = sizeOf(message);
      if (bytes <= MAX_MESSAGE_BYTES) return true;
      setAside.push({ id: message.id, failure: `${bytes} bytes, over the ${MAX_MESSAGE_BYTES} a message may have` });
      return false;
    });
    try {
      await this.producer.send(sendable);
    } catch (error) {
      if (!isRefusedByBroker(error)) throw error;
      // A message the broker refuses fails its whole request: one at a time, in order, finds it.
      for (const message of sendable) {
        try {
          await this.producer.send([message]);
        } catch (refusal) {
          if (!isRefusedByBroker(refusal)) throw refusal;
          setAside.push({ id: message.id, failure: `refused by Kafka: ${refusal instanceof Error ? refusal.message : String(refusal)}` });
        }
      }
    }
    for (const { id, failure } of setAside) {
      const message = messages.find((candidate) => candidate.id === id);
      this.logger.error({ outboxId: id, topic: message?.topic, key: message?.key, failure }, 'outbox message set aside: Kafka can never take it');
    }
    return setAside;
  }
}
