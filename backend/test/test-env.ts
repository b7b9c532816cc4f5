import { randomUUID } from 'node:crypto';
import { loadConfig, type AppConfig } from '@seatstorm/config';

/**
 * Integration tests use their own database, never the one `npm start` serves:
 * one per run (the global setup names it and passes it on in the
 * environment), so two runs on one machine never reset each other's data.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/seatstorm_test';

/** A unique suffix for ids, consumer groups and client ids, so test files never see each other's data. */
export const uniqueId = (prefix: string): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

/**
 * Test files hold, register and sign in far more often than a person would,
 * all from 127.0.0.1, so a test's services allow practically unlimited
 * requests; tests of the limits set their own through `overrides`.
 */
export const RELAXED_RATE_LIMITS = {
  HOLD_RATE_LIMIT: '1000000',
  HOLD_RATE_LIMIT_PER_IP: '1000000',
  REGISTER_RATE_LIMIT_PER_IP: '1000000',
  LOGIN_RATE_LIMIT: '1000000',
  LOGIN_RATE_LIMIT_PER_EMAIL: '1000000',
  CHECK_IN_RATE_LIMIT: '1000000',
} as const;

/**
 * The config a test stack runs with: the test database, an ephemeral gateway
 * port, quiet logs, relaxed rate limits, and Kafka client ids and consumer
 * groups of its own.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: TEST_DATABASE_URL,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    KAFKA_CLIENT_ID: uniqueId('test'),
    // Each stack's consumer groups are new: they start at what the test sends, not at every earlier run's traffic.
    KAFKA_AUTO_OFFSET_RESET: 'latest',
    ...RELAXED_RATE_LIMITS,
    // Tests share one database: only the housekeeping test prunes, when it asks.
    HOUSEKEEPING_INTERVAL_MS: '3600000',
    ...overrides,
  });
}
