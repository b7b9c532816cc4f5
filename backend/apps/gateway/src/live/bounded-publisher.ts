/** What the publisher needs of an ioredis connection: its state, PUBLISH, and the 'ready' event. */
export interface PublishConnection {
  readonly status: string;
  publish(channel: string, message: string | Buffer): Promise<number>;
  on(event: 'ready', listener: () => void): unknown;
}

/**
 * The socket.io Redis adapter's way out to the other gateway instances, with
 * a bounded wait while Redis is away. ioredis' own offline queue grows without
 * end, and the adapter leaves a failed publish unhandled; here at most `limit`
 * broadcasts wait (the oldest give way), they go out in order once Redis is
 * back, and a publish that fails is kept for then. A broadcast that gave way
 * is a gap in some watchers' version chain: they resync by version, as after
 * any lost message.
 */
export class BoundedPublisher {
  private waiting: Array<[channel: string, message: string | Buffer]> = [];

  /**
   * @param limit the most broadcasts kept while Redis is away
   * @param onDropped told how many broadcasts gave way
   */
  constructor(
    private readonly connection: PublishConnection,
    private readonly limit: number,
    private readonly onDropped: (count: number) => void,
  ) {
    connection.on('ready', () => this.flush());
  }

  /** The adapter's PUBLISH: sent now when Redis is there, else kept for when it is back. */
  publish(channel: string, message: string | Buffer): Promise<number> {
    if (this.connection.status === 'ready') {
      this.flush();
      this.send(channel, message);
    } else {
      this.keep(channel, message);
    }
    // Nobody waits on a broadcast's receiver count; the adapter only fires and forgets.
    return Promise.resolve(0);
  }

  /** Broadcasts waiting for Redis. */
  get backlog(): number {
    return this.waiting.length;
  }

  private send(channel: string, message: string | Buffer): void {
    this.connection.publish(channel, message).catch(() => this.keep(channel, message));
  }

  private keep(channel: string, message: string | Buffer): void {
    this.waiting.push([channel, message]);
    const over = this.waiting.length - this.limit;
    if (over > 0) {
      this.waiting.splice(0, over);
      this.onDropped(over);
    }
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = [];
    // Sent in one go on one connection: Redis receives them in this order.
    for (const [channel, message] of waiting) this.send(channel, message);
  }
}
