import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { PollLoop } from '../polling/poll-loop';
import { HousekeepingRepository, type Pruned } from './housekeeping.repository';

/** Rows per delete statement: small enough to take milliseconds, so a pass never holds the hot path up. */
const CHUNK = 2000;
/** A breath between chunks, so a large backlog drains without a burst of I/O. */
const PAUSE_MS = 50;

/**
 * Prunes by age, in the background: published outbox messages after
 * OUTBOX_RETENTION, and recorded decisions and rejected bookings after
 * DECISION_RETENTION (longer than Kafka keeps booking commands, so a command
 * can never be redelivered after its decision is gone).
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HousekeepingService.name);
  private readonly loop: PollLoop;

  constructor(
    private readonly housekeeping: HousekeepingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.loop = new PollLoop({
      name: 'housekeeping',
      logger: this.logger,
      intervalMs: config.HOUSEKEEPING_INTERVAL_MS,
      // One batch is a whole pass, under one lock, paced chunk by chunk: it leaves nothing waiting for another at once.
      batch: async (signal) => {
        await this.prune(new Date(), signal);
        return false;
      },
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass over every table, now; undefined when another instance is pruning. Once `signal` aborts, each table gets one chunk more at most. */
  async prune(now = new Date(), signal?: AbortSignal): Promise<Pruned | undefined> {
    const outboxBefore = new Date(now.getTime() - this.config.OUTBOX_RETENTION * 1000);
    const decisionsBefore = new Date(now.getTime() - this.config.DECISION_RETENTION * 1000);
    const pruned = await this.housekeeping.exclusively(async () => ({
      outbox: await this.drain((limit) => this.housekeeping.pruneOutbox(outboxBefore, limit), signal),
      processedCommands: await this.drain((limit) => this.housekeeping.pruneProcessedCommands(decisionsBefore, limit), signal),
      rejectedBookings: await this.drain((limit) => this.housekeeping.pruneRejectedBookings(decisionsBefore, limit), signal),
    }));
    if (pruned && pruned.outbox + pruned.processedCommands + pruned.rejectedBookings > 0) this.logger.log(pruned, 'pruned');
    return pruned;
  }

  private async drain(deleteChunk: (limit: number) => Promise<number>, signal?: AbortSignal): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await deleteChunk(CHUNK);
      total += deleted;
      if (deleted < CHUNK || signal?.aborted) return total;
      await sleep(PAUSE_MS);
    }
  }
}
