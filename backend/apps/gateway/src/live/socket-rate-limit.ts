/**
 * A token bucket: `perSecond` actions at once, then `perSecond` a second,
 * refilled continuously. One per socket, in memory: a socket lives on one
 * gateway instance, so nothing needs sharing.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = perSecond;
    this.refilledAt = now;
  }

  /** Takes a token; answers undefined when allowed, or the milliseconds until one is free. */
  take(now: number): number | undefined {
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }
}
