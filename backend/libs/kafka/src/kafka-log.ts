import { Logger } from '@nestjs/common';
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';

export type LogMethod = 'error' | 'warn' | 'log' | 'debug';

const METHODS: Record<logLevel, LogMethod> = {
  [logLevel.NOTHING]: 'debug',
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * How one kafkajs log line is written: at its level, except what happens
 * every time a consumer group changes members. kafkajs reports a heartbeat
 * answered "the group is rebalancing" as an ERROR and the rejoin as a WARN;
 * both are routine (a deploy, a restart, a new gateway) and kafkajs handles
 * them, so they go to debug instead of paging anyone.
 */
export function kafkaLogLine({ level, namespace, log }: Pick<LogEntry, 'level' | 'namespace' | 'log'>): {
  method: LogMethod;
  fields: Record<string, unknown>;
  message: string;
} {
  const { message, timestamp: _timestamp, ...fields } = log;
  const routine = typeof fields.error === 'string' && /group is rebalancing/i.test(fields.error);
  return { method: routine ? 'debug' : METHODS[level], fields: { namespace, ...fields }, message };
}

/** kafkajs' own lines through the app's structured logger (nestjs-pino), as one JSON line each. */
export const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return (entry) => {
    const { method, fields, message } = kafkaLogLine(entry);
    logger[method](fields, message);
  };
};
