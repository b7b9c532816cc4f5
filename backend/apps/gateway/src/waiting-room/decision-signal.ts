import { Injectable } from '@nestjs/common';
import { p90, type DecisionSignal } from './waiting-room.rules';

/** Samples kept between two ticks at most; past it, a uniform sample of all of them (reservoir sampling). */
const MAX_SAMPLES = 10_000;

/**
 * How long this gateway's hold requests waited for their decision since the
 * last tick: the adaptive waiting room's view of whether the booking core
 * keeps up. A hold answered pending counts as the whole wait.
 */
@Injectable()
export class DecisionSignalRecorder {
  private samples: number[] = [];
  private seen = 0;

  observe(waitedMs: number): void {
    this.seen += 1;
    if (this.samples.length < MAX_SAMPLES) {
      this.samples.push(waitedMs);
      return;
    }
    const slot = Math.floor(Math.random() * this.seen);
    if (slot < MAX_SAMPLES) this.samples[slot] = waitedMs;
  }

  /** The figures since the last call, and a fresh start. */
  drain(): DecisionSignal {
    const signal = { count: this.seen, p90Ms: p90(this.samples) };
    this.samples = [];
    this.seen = 0;
    return signal;
  }
}
