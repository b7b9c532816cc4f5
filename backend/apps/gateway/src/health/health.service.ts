import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { DatabaseHealthRepository } from '@seatstorm/database';
import { KafkaHealth } from '@seatstorm/kafka';
import { checkDependencies, type HealthReport as DependenciesReport } from '@seatstorm/observability';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';

export type DependencyName = 'kafka' | 'postgres' | 'redis';
export type HealthReport = DependenciesReport<DependencyName>;

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
    return checkDependencies<DependencyName>(
      { kafka: () => this.kafka.ping(), postgres: () => this.database.ping(), redis: () => this.redis.ping() },
      {
        production: this.config.NODE_ENV === 'production',
        onFailure: (dependency, error) => this.logger.warn({ dependency, error }, 'health check failed'),
      },
    );
  }
}
