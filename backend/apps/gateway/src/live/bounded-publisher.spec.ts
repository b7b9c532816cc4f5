import { describe, expect, it } from 'vitest';
import { BoundedPublisher, type PublishConnection } from './bounded-publisher';

/** A connection whose Redis comes and goes: PUBLISH fails while it is away, as with ioredis' offline queue turned off. */
class FlakyConnection implements PublishConnection {
  status = 'ready';
  readonly received: string[] = [];
  private onReady: () => void = () => undefined;

  publish(_channel: string, message: string | Buffer): Promise<number> {
    if (this.status !== 'ready') return Promise.reject(new Error("Stream isn't writeable"));
    this.received.push(String(message));
    return Promise.resolve(1);
  }

  on(_event: 'ready', listener: () => void): void {
    this.onReady = listener;
  }

  goAway(): void {
    this.status = 'reconnecting';
  }

  comeBack(): void {
    this.status = 'ready';
    this.onReady();
  }
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the Redis adapter publisher', () => {
  it('publishes at once while Redis is there', async () => {
    const connection = new FlakyConnection();
    const publisher = new BoundedPublisher(connection, 3, () => undefined);
    await publisher.publish('room', 'v1');
    await publisher.publish('room', 'v2');
    expect(connection.received).toEqual(['v1', 'v2']);
  });

  it('keeps at most its limit while Redis is away, the newest, and sends them in order once it is back', async () => {
    const connection = new FlakyConnection();
    let dropped = 0;
    const publisher = new BoundedPublisher(connection, 3, (count) => (dropped += count));
    connection.goAway();
    for (const version of ['v1', 'v2', 'v3', 'v4', 'v5']) await publisher.publish('room', version);
    expect(publisher.backlog).toBe(3);
    expect(dropped).toBe(2);

    connection.comeBack();
    await publisher.publish('room', 'v6');
    expect(connection.received).toEqual(['v3', 'v4', 'v5', 'v6']);
    expect(publisher.backlog).toBe(0);
  });

  it('keeps a publish that fails as Redis goes away, and sends it before later ones', async () => {
    const connection = new FlakyConnection();
    const publisher = new BoundedPublisher(connection, 10, () => undefined);
    // Reported ready, but the command fails: the connection dropped under it.
    connection.publish = (_channel, message) => Promise.reject(new Error(`lost ${String(message)}`));
    await publisher.publish('room', 'v1');
    await settled();
    expect(publisher.backlog).toBe(1);

    delete (connection as { publish?: unknown }).publish;
    await publisher.publish('room', 'v2');
    expect(connection.received).toEqual(['v1', 'v2']);
  });
});
