import { Logger, type INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { BoundedPublisher } from './bounded-publisher';
import { liveBroadcastsDropped } from './live.metrics';

/**
 * socket.io on the REST port, open to the web app's origins (CORS_ORIGINS),
 * with the Redis adapter: a room emit on any gateway instance reaches the
 * room's sockets on all of them. The adapter needs two connections of its own
 * (one is in subscriber mode), duplicated from the shared one.
 */
class RedisIoAdapter extends IoAdapter {
  private readonly logger = new Logger('SocketIo');
  private readonly connections: Redis[] = [];

  constructor(
    app: INestApplication,
    private readonly config: AppConfig,
    private readonly redis: Redis,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, cors: { origin: this.config.CORS_ORIGINS } });
    const [pub, sub] = [this.publishing('socket.io-pub'), this.subscribing('socket.io-sub')];
    // Channels are named after the deployment, so stacks sharing one Redis (tests beside a dev server) never mix.
    server.adapter(createAdapter(pub, sub, { key: `${this.config.KAFKA_CLIENT_ID}:socket.io` }));
    return server;
  }

  override async dispose(): Promise<void> {
    // QUIT would wait for a Redis that is away; then there is nothing to flush.
    await Promise.all(
      this.connections.map((connection) => (connection.status === 'ready' ? connection.quit().catch(() => connection.disconnect()) : connection.disconnect())),
    );
  }

  /**
   * The adapter's publishing connection: while Redis is away its broadcasts
   * wait in a BoundedPublisher, at most LIVE_REDIS_BACKLOG of them, instead of
   * in ioredis' offline queue, which grows without end.
   */
  private publishing(name: string): Redis {
    const connection = this.connection(name, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const publish = connection.publish.bind(connection) as (channel: string, message: string | Buffer) => Promise<number>;
    const publisher = new BoundedPublisher(
      {
        get status() {
          return connection.status;
        },
        publish,
        on: (event, listener) => connection.on(event, listener),
      },
      this.config.LIVE_REDIS_BACKLOG,
      (count) => liveBroadcastsDropped.inc(count),
    );
    Object.assign(connection, { publish: (channel: string, message: string | Buffer) => publisher.publish(channel, message) });
    return connection;
  }

  /**
   * The adapter's subscriber: its SUBSCRIBEs wait for Redis (ioredis' offline
   * queue, a few commands, sent again by ioredis after every reconnect). The
   * adapter never looks at their results, so one still waiting when the
   * connection closes (a gateway stopping while Redis is away) would be an
   * unhandled rejection: each is caught and logged here.
   */
  private subscribing(name: string): Redis {
    const connection = this.connection(name);
    for (const method of ['psubscribe', 'subscribe', 'punsubscribe', 'unsubscribe'] as const) {
      const command = (connection[method] as (...args: unknown[]) => Promise<unknown>).bind(connection);
      Object.assign(connection, {
        [method]: (...args: unknown[]) =>
          command(...args).catch((error: Error) => this.logger.warn({ err: error.message, command: method }, 'redis subscription not made')),
      });
    }
    return connection;
  }

  private connection(name: string, options: { enableOfflineQueue?: boolean; maxRetriesPerRequest?: number | null } = {}): Redis {
    const connection = this.redis.duplicate({ connectionName: name, maxRetriesPerRequest: null, ...options });
    connection.on('error', (error: Error) => this.logger.warn({ err: error.message, connection: name }, 'redis unreachable; reconnecting'));
    this.connections.push(connection);
    return connection;
  }
}

/** Serves socket.io from this app (call before `listen`). */
export function useLiveSockets(app: INestApplication): void {
  app.useWebSocketAdapter(new RedisIoAdapter(app, app.get<AppConfig>(APP_CONFIG), app.get<Redis>(REDIS)));
}
