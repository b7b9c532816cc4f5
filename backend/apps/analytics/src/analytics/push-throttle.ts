/**
 * At most one push per key per `intervalMs`: the first change of a quiet key
 * goes out at once, later ones within the interval are folded into one push
 * at its end, so the last change is never left unpushed. An admin's chart
 * moves within a second of a sale, and a flash sale's thousands of decisions
 * a second cost one message a second per event.
 */
export class PushThrottle {
  private readonly lastPushAt = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly push: (key: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  changed(key: string): void {
    if (this.closed || this.timers.has(key)) return;
    const last = this.lastPushAt.get(key);
    const wait = last === undefined ? 0 : Math.max(0, last + this.intervalMs - this.now());
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lastPushAt.set(key, this.now());
        this.push(key);
        // Forget a key once its interval is over with nothing pending, so quiet events cost nothing.
        setTimeout(() => {
          if (!this.timers.has(key)) this.lastPushAt.delete(key);
        }, this.intervalMs).unref?.();
      }, wait),
    );
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
