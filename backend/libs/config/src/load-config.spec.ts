import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, SERVICE_NAMES, usesDevelopmentJwtSecret } from './config.schema';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.GATEWAY_PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/seatstorm');
    expect(config.SERVICES).toEqual([...SERVICE_NAMES]);
    expect(config.SERVICES).toContain('auth');
    expect(config.JWT_TTL).toBe(12 * 3600);
    expect(config.LOGIN_RATE_LIMIT).toBe(20);
    expect(config.LOGIN_RATE_LIMIT_PER_EMAIL).toBe(10);
    expect(config.DEMO_MODE).toBe(true);
  });

  it('signs tokens with a built-in secret in development and refuses it in production', () => {
    expect(loadConfig({}).JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(usesDevelopmentJwtSecret(loadConfig({}))).toBe(true);
    expect(usesDevelopmentJwtSecret(loadConfig({ JWT_SECRET: 'y'.repeat(32) }))).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: loadConfig({}).JWT_SECRET })).toThrow(/JWT_SECRET/);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
    expect(() => loadConfig({ JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
  });

  it('is in demo mode for local runs and never in production', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({}).DEMO_MODE).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).DEMO_MODE).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).DEMO_MODE).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_MODE: 'false' }).DEMO_MODE).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_MODE: 'true' })).toThrow(
      /DEMO_MODE: demo accounts, one-click sign-in and the race lab are for local runs, not in production/,
    );
  });

  it('guards /metrics with METRICS_TOKEN when one is set: a long random one, never a guessable one', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(32) }).METRICS_TOKEN).toBe('m'.repeat(32));
    expect(() => loadConfig({ METRICS_TOKEN: 'metrics' })).toThrow(/METRICS_TOKEN: must be at least 32 characters/);
  });

  it('reads token lifetimes as durations and flags as booleans', () => {
    expect(loadConfig({ JWT_TTL: '90s' }).JWT_TTL).toBe(90);
    expect(loadConfig({ JWT_TTL: '15m' }).JWT_TTL).toBe(900);
    expect(loadConfig({ JWT_TTL: '7d' }).JWT_TTL).toBe(604_800);
    expect(loadConfig({ JWT_TTL: '3600' }).JWT_TTL).toBe(3600);
    expect(() => loadConfig({ JWT_TTL: '12 hours' })).toThrow(/JWT_TTL: must be a duration/);
    expect(() => loadConfig({ JWT_TTL: '0s' })).toThrow(/JWT_TTL/);
    expect(loadConfig({ DEMO_MODE: 'false' }).DEMO_MODE).toBe(false);
    expect(() => loadConfig({ DEMO_MODE: 'maybe' })).toThrow(/DEMO_MODE/);
  });

  it('parses lists and numbers', () => {
    const config = loadConfig({ KAFKA_BROKERS: 'a:1, b:2', GATEWAY_PORT: '4000', SERVICES: 'catalog' });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.GATEWAY_PORT).toBe(4000);
    expect(config.SERVICES).toEqual(['catalog']);
  });

  it('configures the simulated card provider and its retries, within bounds', () => {
    expect(loadConfig({})).toMatchObject({
      PAYMENT_LATENCY_MS: 150,
      PAYMENT_FAILURE_RATE: 0,
      PAYMENT_MAX_ATTEMPTS: 4,
      PAYMENT_RETRY_BASE_MS: 200,
      PAYMENT_RETRY_MAX_MS: 5000,
    });
    expect(loadConfig({ PAYMENT_LATENCY_MS: '0', PAYMENT_FAILURE_RATE: '0.25' })).toMatchObject({ PAYMENT_LATENCY_MS: 0, PAYMENT_FAILURE_RATE: 0.25 });
    expect(() => loadConfig({ PAYMENT_FAILURE_RATE: '1.5' })).toThrow(/PAYMENT_FAILURE_RATE/);
    expect(() => loadConfig({ PAYMENT_MAX_ATTEMPTS: '0' })).toThrow(/PAYMENT_MAX_ATTEMPTS/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ GATEWAY_PORT: '' }).GATEWAY_PORT).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ GATEWAY_PORT: 'http', DATABASE_URL: 'mysql://x', SERVICES: 'gateway,billing' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('GATEWAY_PORT');
    expect(message).toContain('DATABASE_URL: must be a postgresql:// URL');
    expect(message).toContain('SERVICES');
  });

  it('is documented in .env.example: every variable, each with its default', () => {
    const lines = readFileSync(resolve(__dirname, '../../../../.env.example'), 'utf8').split('\n');
    const example = Object.fromEntries(
      lines.filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(envSchema.shape).filter((name) => !(name in example))).toEqual([]);
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});
