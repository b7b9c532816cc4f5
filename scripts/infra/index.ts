/**
 * @seatstorm/infra: Seatstorm's local infrastructure, PostgreSQL, Redis and a
 * single-node Kafka with every contract topic. Used by `npm run infra:*`, the
 * run command and the test harness; every function throws InfraError with a
 * message meant for the person at the keyboard. This file is the package's
 * interface: importers name the package, never one of its files.
 */
import { readSettings } from './env';
import { downKafka, kafkaStatus, upKafka, type KafkaDownResult, type KafkaUpResult } from './kafka';
import { withInfraLock } from './lock';
import { consoleLogger, formatSeconds, type Logger } from './log';
import { postgresStatus, upPostgres, type PostgresUpResult } from './postgres';
import { downRedis, redisStatus, upRedis, type RedisDownResult, type RedisUpResult } from './redis';
import type { ComponentStatus } from './status';

export { ensureDatabase } from './postgres';
export { InfraError } from './errors';
export { consoleLogger, silentLogger, type Logger } from './log';
export type { ComponentStatus, StartedBy } from './status';
export type { KafkaUpResult, PostgresUpResult, RedisUpResult };

// The pieces a private broker is built from (the benches, the chaos suite and
// the compose setup's check run their own), and the compose setup's topics.
export { requireJava } from './java';
export { LOG4J_PROPERTIES, serverProperties } from './kafka-config';
export { ensureKafkaJars } from './kafka-jars';
export { ensureTopics, kafkaAnswers, warmUpGroupCoordinator } from './kafka-admin';
export { runCommand, isRunning, stopProcess, type CommandResult } from './process';
// The one way a harness runs a service process: npm start and npm run dev, the Playwright stack, the test and bench services.
export { launch, ManagedProcess, type ExitStatus, type LaunchOptions, type Readiness } from './launcher';
export { pollUntil, sleep } from './wait';

export interface InfraOptions {
  /** Where KAFKA_BROKERS, KAFKA_CONTROLLER_PORT, DATABASE_URL and REDIS_URL are read; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Progress lines; printed with an `[infra]` prefix by default. */
  log?: Logger;
}

export interface InfraUpResult {
  postgres: PostgresUpResult;
  redis: RedisUpResult;
  kafka: KafkaUpResult;
  elapsedMs: number;
}

/** Starts whatever is missing and provisions it; calling it again is harmless. */
export async function infraUp(options: InfraOptions = {}): Promise<InfraUpResult> {
  const settings = readSettings(options.env);
  const log = options.log ?? consoleLogger;
  return withInfraLock(log, async () => {
    const started = Date.now();
    // The quick checks first, so a missing database server fails in
    // milliseconds rather than after Kafka's start.
    const postgres = await upPostgres(settings.databaseUrl, log);
    const redis = await upRedis(settings.redisUrl, log);
    const kafka = await upKafka(settings.kafka, log);
    const elapsedMs = Date.now() - started;
    log(`ready in ${formatSeconds(elapsedMs)}`);
    return { postgres, redis, kafka, elapsedMs };
  });
}

export interface InfraDownResult {
  kafka: KafkaDownResult;
  redis: RedisDownResult;
}

/** Stops only what `infraUp` started; the machine's own PostgreSQL and Redis keep running. */
export async function infraDown(options: Pick<InfraOptions, 'log'> = {}): Promise<InfraDownResult> {
  const log = options.log ?? consoleLogger;
  return withInfraLock(log, async () => {
    const kafka = await downKafka(log);
    const redis = await downRedis(log);
    return { kafka, redis };
  });
}

export type ComponentName = 'postgres' | 'redis' | 'kafka';

export type InfraStatus = Record<ComponentName, ComponentStatus>;

/** Probes each component; changes nothing. */
export async function infraStatus(options: Pick<InfraOptions, 'env'> = {}): Promise<InfraStatus> {
  const settings = readSettings(options.env);
  const [postgres, redis, kafka] = await Promise.all([postgresStatus(settings.databaseUrl), redisStatus(settings.redisUrl), kafkaStatus(settings.kafka)]);
  return { postgres, redis, kafka };
}
