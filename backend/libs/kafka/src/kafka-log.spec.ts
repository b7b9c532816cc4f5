import { logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kafkaLogLine } from './kafka-log';

/** A log entry as kafkajs hands it to a log creator. */
const entry = (level: logLevel, namespace: string, message: string, extra: Record<string, unknown> = {}) => ({
  level,
  namespace,
  log: { timestamp: '2026-11-22T05:25:22.420Z', logger: 'kafkajs', message, ...extra },
});

describe('kafkajs log lines', () => {
  it('keep their level, message and fields, without kafkajs’ own timestamp', () => {
    const line = kafkaLogLine(entry(logLevel.ERROR, 'Connection', 'Connection error: connect ECONNREFUSED 127.0.0.1:9092', { broker: '127.0.0.1:9092' }));
    expect(line).toEqual({
      method: 'error',
      message: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092',
      fields: { namespace: 'Connection', logger: 'kafkajs', broker: '127.0.0.1:9092' },
    });
    expect(kafkaLogLine(entry(logLevel.WARN, 'Runner', 'x')).method).toBe('warn');
    expect(kafkaLogLine(entry(logLevel.INFO, 'Runner', 'x')).method).toBe('log');
  });

  it('write the heartbeat and rejoin of a rebalance as debug: every deploy and restart causes them', () => {
    const rebalancing = { error: 'The group is rebalancing, so a rejoin is needed', groupId: 'seatstorm-gateway-live-seats' };
    expect(kafkaLogLine(entry(logLevel.ERROR, 'Connection', 'Response Heartbeat(key: 12, version: 3)', rebalancing)).method).toBe('debug');
    expect(kafkaLogLine(entry(logLevel.WARN, 'Runner', 'The group is rebalancing, re-joining', rebalancing)).method).toBe('debug');
    expect(kafkaLogLine(entry(logLevel.ERROR, 'Connection', 'Response Fetch', { error: 'This server does not host this topic-partition' })).method).toBe(
      'error',
    );
  });
});
