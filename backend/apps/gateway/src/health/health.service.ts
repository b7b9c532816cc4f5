import { Inject, Injectable } from '@nestjs/common';
import { DatabaseHealthRepository } from '@seatstorm/database';
import { KafkaHealth } from '@seatstorm/kafka';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';

export type DependencyName = 'kafka' | 'postgres' | 'redis';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: Record<DependencyName, DependencyHealth>;
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly kafka: KafkaHealth,
    private readonly database: DatabaseHealthRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Checks each dependency separately and in parallel, each bounded in time. */
  async check(): Promise<HealthReport> {
    const [kafka, postgres, redis] = await Promise.all([
      measure(() => this.kafka.ping()),
      measure(() => this.database.ping()),
      measure(async () => {
        await this.redis.ping();
      }),
    ]);
    const checks = { kafka, postgres, redis };
    const status = Object.values(checks).every((check) => check.status === 'up') ? 'ok' : 'degraded';
    return { status, checks };
  }
}

async function measure(probe: () => Promise<void>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 10) / 10;
