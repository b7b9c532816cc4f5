import type { Logger } from '@nestjs/common';

/** However long a loop keeps failing, it tries again at least this often (or once an interval, if that is longer). */
export const MAX_BACKOFF_MS = 5_000;

export interface PollLoopOptions {
  /** What the loop does, as its log lines name it: "outbox relay failed; retrying". */
  name: string;
  logger: Pick<Logger, 'log' | 'warn'>;
  /** The wait after a run whose last batch was not full. */
  intervalMs: number;
  /**
   * Claims and processes one batch; true when it came back full, so that more
   * may be waiting and the next batch starts at once. `signal` aborts when the
   * loop stops, for a batch long enough to want to end early.
   */
  batch: (signal: AbortSignal) => Promise<boolean>;
  /** Wraps each pass (the batches up to one that is not full), e.g. in a correlation id of its own. */
  around?: (pass: () => Promise<void>) => Promise<void>;
}

/**
 * Polls for work in the background: runs batches one after another while they
 * come back full, then waits the interval. A failed run is tried again after
 * a wait that doubles with each failure in a row, up to MAX_BACKOFF_MS, and is
 * logged once per streak of failures, not at every try. Stopping lets the
 * batch in flight finish and starts no other.
 */
export class PollLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private failures = 0;
  private readonly stopping = new AbortController();

  constructor(private readonly options: PollLoopOptions) {}

  /** The first run starts one interval from now. */
  start(): void {
    this.schedule();
  }

  /**
   * Runs batches now, until one is not full. A call during a run gets that
   * run, which goes round once more for it, so a burst of calls costs a few
   * passes, not one each. Rejects when the run fails; does nothing once stopped.
   */
  runNow(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    clearTimeout(this.timer);
    this.running = this.run();
    return this.running;
  }

  /** Waits for the batch in flight, if any; no other starts. */
  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { name, logger, around = (pass) => pass() } = this.options;
    const { signal } = this.stopping;
    try {
      do {
        this.again = false;
        await around(() => this.pass(signal));
      } while (this.again && !signal.aborted);
      if (this.failures > 0) logger.log({ failedRuns: this.failures }, `${name} recovered`);
      this.failures = 0;
    } catch (error) {
      if (this.failures === 0) logger.warn({ err: String(error) }, `${name} failed; retrying`);
      this.failures += 1;
      throw error;
    } finally {
      // No await since `again` was last read: a call arriving from here on starts a run of its own.
      this.running = undefined;
      this.schedule();
    }
  }

  private async pass(signal: AbortSignal): Promise<void> {
    while ((await this.options.batch(signal)) && !signal.aborted);
  }

  private schedule(): void {
    if (this.stopping.signal.aborted) return;
    const { intervalMs } = this.options;
    const backoffMs = this.failures === 0 ? 0 : Math.min(intervalMs * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    this.timer = setTimeout(() => void this.runNow().catch(() => undefined), Math.max(intervalMs, backoffMs));
  }
}
