import { Logger, type INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

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
    const [pub, sub] = [this.connection('socket.io-pub'), this.connection('socket.io-sub')];
    // Channels are named after the deployment, so stacks sharing one Redis (tests beside a dev server) never mix.
    server.adapter(createAdapter(pub, sub, { key: `${this.config.KAFKA_CLIENT_ID}:socket.io` }));
    return server;
  }

  override async dispose(): Promise<void> {
    // QUIT would wait for a Redis that is away; then there is nothing to flush.
    await Promise.all(
      this.connections.map((connection) =>
        connection.status === 'ready' ? connection.quit().catch(() => connection.disconnect()) : connection.disconnect(),
      ),
    );
  }

  private connection(name: string): Redis {
    // While Redis is away, the adapter's subscriptions and broadcasts wait for
    // it (ioredis' offline queue) instead of failing: the adapter leaves such
    // failures unhandled, and clients resync by version once messages flow again.
    const connection = this.redis.duplicate({ connectionName: name, maxRetriesPerRequest: null });
    connection.on('error', (error: Error) => this.logger.warn({ err: error.message, connection: name }, 'redis unreachable; reconnecting'));
    this.connections.push(connection);
    return connection;
  }
}

/** Serves socket.io from this app (call before `listen`). */
export function useLiveSockets(app: INestApplication): void {
  app.useWebSocketAdapter(new RedisIoAdapter(app, app.get<AppConfig>(APP_CONFIG), app.get<Redis>(REDIS)));
}
