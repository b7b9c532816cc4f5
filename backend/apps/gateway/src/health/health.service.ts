import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import type { HealthReport } from '@seatstorm/contracts';
import { DatabaseHealthRepository } from '@seatstorm/database';
import { KafkaHealth } from '@seatstorm/kafka';
import { checkDependencies } from '@seatstorm/observability';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';

/** Readiness of the gateway's dependencies (checkDependencies: bounded, and without raw errors in production). */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaHealth,
    private readonly database: DatabaseHealthRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  check(): Promise<HealthReport> {
    return checkDependencies(
      { kafka: () => this.kafka.ping(), postgres: () => this.database.ping(), redis: () => this.redis.ping() },
      {
        production: this.config.NODE_ENV === 'production',
        onFailure: (dependency, error) => this.logger.warn({ dependency, error }, 'health check failed'),
      },
    );
  }
}
