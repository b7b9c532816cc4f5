import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.GATEWAY_PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/seatstorm');
    expect(config.SERVICES).toEqual(['gateway', 'catalog']);
  });

  it('parses lists and numbers', () => {
    const config = loadConfig({ KAFKA_BROKERS: 'a:1, b:2', GATEWAY_PORT: '4000', SERVICES: 'catalog' });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.GATEWAY_PORT).toBe(4000);
    expect(config.SERVICES).toEqual(['catalog']);
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
});
