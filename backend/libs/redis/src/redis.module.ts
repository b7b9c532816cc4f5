import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Redis } from 'ioredis';

const logger = new Logger('Redis');

/** Injection token of the process's shared ioredis connection. */
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = new Redis(config.REDIS_URL, {
          connectionName: 'seatstorm',
          // Fail a command fast while Redis is away instead of queueing it forever.
          maxRetriesPerRequest: 2,
          enableOfflineQueue: true,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        });
        // ioredis reconnects by itself; say so once per outage instead of an
        // unhandled error event on every attempt.
        let down = false;
        redis.on('error', (error: Error) => {
          if (!down) logger.warn({ err: error.message }, 'redis unreachable; reconnecting');
          down = true;
        });
        redis.on('ready', () => {
          if (down) logger.log('redis reachable again');
          down = false;
        });
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // QUIT waits for a connection; with none there is nothing to flush.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
